package org.klynge.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The status a source records for an event, by the names FHIR gives observations, requests and
 * procedures ({@code final}, {@code amended}, {@code cancelled}, …) and the Danish prescription
 * data ({@code ordered} for a prescription written, {@code redeemed} for one collected at a
 * pharmacy). An event with no status is one whose source records none; an event criterion with a
 * {@code status} filter lets it count (see {@code docs/calculation-semantics.md}). A status outside
 * this list is rejected when read, so a misspelt status never passes or fails a filter unseen.
 */
public enum EventStatus {
  REGISTERED("registered"),
  PRELIMINARY("preliminary"),
  FINAL("final"),
  AMENDED("amended"),
  CORRECTED("corrected"),
  CANCELLED("cancelled"),
  ENTERED_IN_ERROR("entered-in-error"),
  UNKNOWN("unknown"),
  DRAFT("draft"),
  ACTIVE("active"),
  ON_HOLD("on-hold"),
  COMPLETED("completed"),
  STOPPED("stopped"),
  NOT_DONE("not-done"),
  ORDERED("ordered"),
  REDEEMED("redeemed");

  private static final EventStatus[] VALUES = values();

  private final String code;

  EventStatus(String code) {
    this.code = code;
  }

  /** The name in files and definitions, e.g. {@code entered-in-error}. */
  @JsonValue
  public String code() {
    return code;
  }

  /** The status with this name (exactly, lower case), if any. */
  public static Optional<EventStatus> fromCode(String code) {
    for (EventStatus s : VALUES) {
      if (s.code.equals(code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The valid names, for error messages. */
  public static String validCodes() {
    return Arrays.stream(VALUES).map(EventStatus::code).collect(Collectors.joining(", "));
  }

  @JsonCreator
  static EventStatus parse(String code) {
    return fromCode(code).orElseThrow(() -> new IllegalArgumentException(
        "unknown status '" + code + "', expected one of " + validCodes()));
  }
}
