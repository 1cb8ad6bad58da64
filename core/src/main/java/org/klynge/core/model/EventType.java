package org.klynge.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of event a patient record holds, with the name used in files and definitions. */
public enum EventType {
  DIAGNOSIS("diagnosis"),
  LAB("lab"),
  PRESCRIPTION("prescription"),
  SERVICE("service"),
  ANSWER("answer");

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
