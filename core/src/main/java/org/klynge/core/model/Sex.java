package org.klynge.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Sex as recorded in the civil registration system: {@code F} or {@code M}. */
public enum Sex {
  FEMALE("F", "female"),
  MALE("M", "male");

  private final String code;
  private final String display;

  Sex(String code, String display) {
    this.code = code;
    this.display = display;
  }

  /** The one-letter code used in data files and definitions. */
  @JsonValue
  public String code() {
    return code;
  }

  /** A word for people. */
  public String display() {
    return display;
  }

  /** The sex with this code, if any. */
  public static Optional<Sex> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }

  @JsonCreator
  static Sex parse(String code) {
    return fromCode(code)
        .orElseThrow(() -> new IllegalArgumentException("unknown sex '" + code + "', expected F or M"));
  }
}
