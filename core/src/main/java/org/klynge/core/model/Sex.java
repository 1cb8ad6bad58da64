package org.klynge.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A patient's sex as recorded: {@code F} female, {@code M} male, {@code O} other (recorded, but
 * neither female nor male) and {@code U} unknown (not recorded). The civil registration system
 * records F or M; other sources may record O or nothing. Every code is a sex of its own: a
 * criterion for {@code F} does not hold for {@code U}.
 */
public enum Sex {
  /** Female. */
  FEMALE("F", "female"),
  /** Male. */
  MALE("M", "male"),
  /** Recorded, but neither female nor male. */
  OTHER("O", "other"),
  /** Not recorded, or recorded as unknown. */
  UNKNOWN("U", "unknown");

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

  /** The sex with this code (exactly {@code F}, {@code M}, {@code O} or {@code U}), if any. */
  public static Optional<Sex> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }

  /** The valid codes, for error messages: {@code F, M, O, U}. */
  public static String validCodes() {
    return Arrays.stream(values()).map(Sex::code).collect(Collectors.joining(", "));
  }

  @JsonCreator
  static Sex parse(String code) {
    return fromCode(code)
        .orElseThrow(() -> new IllegalArgumentException("unknown sex '" + code + "', expected one of " + validCodes()));
  }
}
