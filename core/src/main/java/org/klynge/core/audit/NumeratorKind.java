package org.klynge.core.audit;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a numerator counts, from the {@code numerator_kind} column; it decides which relations hold. */
public enum NumeratorKind {
  /** Persons who are also in the denominator: numerator ≤ denominator. */
  PERSONS_IN_DENOMINATOR("persons-in-denominator"),
  /** Persons, with no relation to the denominator (also used when the column is empty). */
  PERSONS("persons"),
  /** Events: additive over the calendar months or quarters that tile a period, when the data agree. */
  EVENTS("events");

  private final String code;

  NumeratorKind(String code) {
    this.code = code;
  }

  /** The code in the {@code numerator_kind} column. */
  public String code() {
    return code;
  }

  /** The kind with this code, if any. */
  public static Optional<NumeratorKind> fromCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }

  /** The valid codes, for messages. */
  public static String codes() {
    return Arrays.stream(values()).map(NumeratorKind::code).collect(Collectors.joining(", "));
  }
}
