package org.klynge.core.definition;

import java.util.Optional;

/**
 * True when the patient's age in whole years on the reference date lies in the range, both
 * ends inclusive. {@code {type: age, min: 18}} means 18 or older.
 *
 * @param min the lowest age, when limited
 * @param max the highest age, when limited
 */
public record AgeInRange(Optional<Integer> min, Optional<Integer> max) implements Criterion {
  public AgeInRange {
    min = min == null ? Optional.empty() : min;
    max = max == null ? Optional.empty() : max;
  }

  /** Aged {@code min} or older. */
  public static AgeInRange atLeast(int min) {
    return new AgeInRange(Optional.of(min), Optional.empty());
  }

  /** Aged from {@code min} to {@code max}, inclusive. */
  public static AgeInRange between(int min, int max) {
    return new AgeInRange(Optional.of(min), Optional.of(max));
  }

  /** Whether {@code age} is in the range. */
  public boolean contains(int age) {
    return min.map(m -> age >= m).orElse(true) && max.map(m -> age <= m).orElse(true);
  }
}
