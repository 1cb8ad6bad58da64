package org.klynge.core.stats;

/**
 * A closed interval {@code [lower, upper]} of finite numbers, typically a confidence interval.
 *
 * @param lower the lower limit
 * @param upper the upper limit, at least {@code lower}
 */
public record Interval(double lower, double upper) {
  public Interval {
    if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
      throw new IllegalArgumentException("interval limits must be finite, got [" + lower + ", " + upper + "]");
    }
    if (lower > upper) {
      throw new IllegalArgumentException("lower limit " + lower + " exceeds upper limit " + upper);
    }
  }

  /** Whether {@code x} lies in the closed interval. */
  public boolean contains(double x) {
    return lower <= x && x <= upper;
  }

  /** {@code upper - lower}. */
  public double width() {
    return upper - lower;
  }

  /** This interval with both limits multiplied by a non-negative {@code factor}. */
  public Interval scaled(double factor) {
    if (!(factor >= 0) || !Double.isFinite(factor)) {
      throw new IllegalArgumentException("scale factor must be finite and non-negative, got " + factor);
    }
    return new Interval(lower * factor, upper * factor);
  }
}
