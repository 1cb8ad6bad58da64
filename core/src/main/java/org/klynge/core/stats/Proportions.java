package org.klynge.core.stats;

import java.util.Optional;

/**
 * Confidence intervals for a proportion {@code p̂ = x / n}.
 *
 * <p>Zero denominator: there is no proportion, so every method returns {@link Optional#empty()}.
 * Intervals always lie within {@code [0, 1]} and contain {@code p̂}.
 */
public final class Proportions {
  /** The default method. */
  public static final ProportionMethod DEFAULT_METHOD = ProportionMethod.WILSON;

  private Proportions() {}

  /** {@code x / n}, or empty when {@code n = 0}. Example: {@code proportion(81, 263)} = 0.307985. */
  public static Optional<Double> proportion(long x, long n) {
    check(x, n);
    return n == 0 ? Optional.empty() : Optional.of((double) x / n);
  }

  /**
   * The proportion with its interval at {@link ConfidenceLevel#DEFAULT} by {@link #DEFAULT_METHOD}.
   * Example: {@code estimate(81, 263)} = 0.3080 (0.2553 to 0.3662).
   */
  public static Optional<Estimate> estimate(long x, long n) {
    return estimate(x, n, DEFAULT_METHOD, ConfidenceLevel.DEFAULT);
  }

  /** The proportion with its interval by {@code method} at {@code level}; empty when {@code n = 0}. */
  public static Optional<Estimate> estimate(long x, long n, ProportionMethod method, double level) {
    return interval(x, n, method, level).map(ci -> new Estimate((double) x / n, ci));
  }

  /** The interval by {@code method} at {@code level}; empty when {@code n = 0}. */
  public static Optional<Interval> interval(long x, long n, ProportionMethod method, double level) {
    return switch (method) {
      case WILSON -> wilson(x, n, level);
      case CLOPPER_PEARSON -> clopperPearson(x, n, level);
    };
  }

  /** Wilson score interval at 95 %. See {@link #wilson(long, long, double)}. */
  public static Optional<Interval> wilson(long x, long n) {
    return wilson(x, n, ConfidenceLevel.DEFAULT);
  }

  /**
   * Wilson score interval (Wilson 1927), the set of {@code p} not rejected by the score test:
   *
   * <pre>
   *   (2np̂ + z² ± z·√(z² + 4np̂(1 − p̂))) / (2(n + z²)),   z = Φ⁻¹(1 − α/2)
   * </pre>
   *
   * <p>Worked example (Newcombe 1998, Stat Med 17:857, table II, method 3): {@code x = 81, n =
   * 263}, {@code p̂ = 0.3080}, {@code z = 1.96}: {@code 2np̂ + z² = 165.84}, {@code √(z² +
   * 4np̂(1−p̂)) = 15.10}, so the limits are {@code (165.84 ∓ 1.96·15.10) / 533.68} = 0.2553 to
   * 0.3662. For {@code x = 0, n = 20}: 0 to 0.1611.
   *
   * @return the interval, or empty when {@code n = 0}
   */
  public static Optional<Interval> wilson(long x, long n, double level) {
    check(x, n);
    double z = ConfidenceLevel.z(level);
    if (n == 0) {
      return Optional.empty();
    }
    double p = (double) x / n;
    double z2 = z * z;
    double centre = 2 * n * p + z2;
    double half = z * Math.sqrt(z2 + 4 * n * p * (1 - p));
    double denominator = 2 * (n + z2);
    double lower = x == 0 ? 0 : Math.max(0, (centre - half) / denominator);
    double upper = x == n ? 1 : Math.min(1, (centre + half) / denominator);
    return Optional.of(new Interval(Math.min(lower, p), Math.max(upper, p)));
  }

  /** Clopper–Pearson interval at 95 %. See {@link #clopperPearson(long, long, double)}. */
  public static Optional<Interval> clopperPearson(long x, long n) {
    return clopperPearson(x, n, ConfidenceLevel.DEFAULT);
  }

  /**
   * Clopper–Pearson "exact" interval (Clopper &amp; Pearson 1934) from beta quantiles:
   *
   * <pre>
   *   lower = B⁻¹(α/2; x, n − x + 1)      (0 when x = 0)
   *   upper = B⁻¹(1 − α/2; x + 1, n − x)  (1 when x = n)
   * </pre>
   *
   * <p>Worked example (Newcombe 1998, Stat Med 17:857, table II, method 5): {@code x = 81, n =
   * 263}: 0.2527 to 0.3676; {@code x = 0, n = 20}: 0 to 0.1684 (= 1 − 0.025^(1/20)).
   *
   * @return the interval, or empty when {@code n = 0}
   */
  public static Optional<Interval> clopperPearson(long x, long n, double level) {
    check(x, n);
    double alpha = ConfidenceLevel.alpha(level);
    if (n == 0) {
      return Optional.empty();
    }
    double p = (double) x / n;
    double lower = x == 0 ? 0 : Distributions.betaQuantile(alpha / 2, x, n - x + 1);
    double upper = x == n ? 1 : Distributions.betaUpperQuantile(alpha / 2, x + 1, n - x);
    return Optional.of(new Interval(Math.min(lower, p), Math.max(upper, p)));
  }

  static void check(long x, long n) {
    if (x < 0 || n < 0) {
      throw new IllegalArgumentException("counts must be non-negative, got " + x + "/" + n);
    }
    if (x > n) {
      throw new IllegalArgumentException("numerator " + x + " exceeds denominator " + n);
    }
  }
}
