package org.klynge.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of event a patient record holds, with the name used in files and definitions. A
 * diagnosis and an episode without an end are ongoing; the others without one are points.
 */
public enum EventType {
  /** A diagnosis (a condition, lasting until it is given an end). */
  DIAGNOSIS("diagnosis"),
  /** A lab result. */
  LAB("lab"),
  /** A prescription: redeemed, or ordered (see the status); its end is the last day supplied. */
  PRESCRIPTION("prescription"),
  /** A service billed under a fee code. */
  SERVICE("service"),
  /** An answer to a questionnaire item. */
  ANSWER("answer"),
  /**
   * A period of care or residence that lasts until it is given an end: a nursing-home stay, dose
   * dispensing, a palliative course, a municipal service, a hospital admission.
   */
  EPISODE("episode");

  private final String code;

  EventType(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }

  /** The event type with this name, if any. */
  public static Optional<EventType> fromCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }

  /** The valid names, for error messages. */
  public static String validCodes() {
    return Arrays.stream(values()).map(EventType::code).collect(Collectors.joining(", "));
  }

  @JsonCreator
  static EventType parse(String code) {
    return fromCode(code)
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown event type '" + code + "', expected one of " + validCodes()));
  }
}
