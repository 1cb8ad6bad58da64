package org.klynge.core.disclosure;

/** How a value is computed from counts, for derived rows such as the rest of a cluster. */
@FunctionalInterface
public interface ValueFormula {
  /** A percentage, {@code 100 · x / n}. */
  ValueFormula PERCENT = (x, n) -> 100.0 * x / n;

  /** The value for counts {@code x / n}; called only with {@code n > 0}. */
  double apply(long numerator, long denominator);

  /** A rate per {@code multiplier}, {@code x / n · multiplier}. */
  static ValueFormula per(double multiplier) {
    return (x, n) -> (double) x / n * multiplier;
  }
}
