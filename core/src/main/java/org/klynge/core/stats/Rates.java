package org.klynge.core.stats;

import java.util.Optional;

/**
 * Confidence intervals for Poisson counts and for rates {@code x / T · multiplier}, where {@code T}
 * is person-time or persons at risk and {@code multiplier} scales the rate (1,000 for "per 1,000
 * persons").
 *
 * <p>The interval for a rate is the interval for the count divided by {@code T} and multiplied by
 * the multiplier. Zero denominator ({@code T = 0}): no rate, so {@link Optional#empty()}. Zero events
 * with {@code T > 0}: the rate is 0 and the interval runs from 0 to the upper limit for a count of
 * 0 (3.689 events at 95 % by the exact method).
 */
public final class Rates {
  /** The default method: exact, as advised for small counts and harmless for large ones. */
  public static final RateMethod DEFAULT_METHOD = RateMethod.EXACT;

  private Rates() {}

  /**
   * Exact (Garwood 1936) limits for a Poisson count {@code x}:
   *
   * <pre>
   *   lower = χ²(α/2; 2x) / 2   = G⁻¹(α/2; shape x)        (0 when x = 0)
   *   upper = χ²(1 − α/2; 2x + 2) / 2 = G⁻¹(1 − α/2; shape x + 1)
   * </pre>
   *
   * <p>The upper limit is solved on the upper tail, {@code Q(x + 1, upper) = α/2}, so no digits are
   * lost to {@code 1 − α/2}.
   *
   * <p>Worked example: {@code x = 10} at 95 %: χ²(0.025; 20) / 2 = 9.591 / 2 = 4.795 and
   * χ²(0.975; 22) / 2 = 36.781 / 2 = 18.390. For {@code x = 0}: 0 to −ln(0.025) = 3.689.
   */
  public static Interval exactCount(long x, double level) {
    checkCount(x);
    double alpha = ConfidenceLevel.alpha(level);
    double lower = x == 0 ? 0 : Distributions.gammaQuantile(alpha / 2, x);
    double upper = Distributions.gammaUpperQuantile(alpha / 2, x + 1);
    return new Interval(Math.min(lower, x), Math.max(upper, x));
  }

  /**
   * Byar's approximation (Breslow &amp; Day 1987, vol. II, p. 69) for a Poisson count {@code x}:
   *
   * <pre>
   *   lower = x · (1 − 1/(9x) − z/(3√x))³                     (0 when x = 0)
   *   upper = (x + 1) · (1 − 1/(9(x + 1)) + z/(3√(x + 1)))³
   * </pre>
   *
   * <p>Worked example: {@code x = 10}, {@code z = 1.959964}: lower = 10 · (1 − 0.01111 −
   * 0.20660)³ = 10 · 0.78229³ = 4.787; upper = 11 · (1 − 0.01010 + 0.19698)³ = 11 · 1.18688³ =
   * 18.391 (exact: 4.795 to 18.390). A negative lower limit (tiny {@code x} at a high level) is
   * reported as 0.
   */
  public static Interval byarCount(long x, double level) {
    checkCount(x);
    double z = ConfidenceLevel.z(level);
    double lower = 0;
    if (x > 0) {
      double base = 1 - 1 / (9.0 * x) - z / (3 * Math.sqrt(x));
      lower = base <= 0 ? 0 : x * base * base * base;
    }
    double x1 = x + 1.0;
    double b = 1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1));
    double upper = x1 * b * b * b;
    return new Interval(Math.min(lower, x), Math.max(upper, x));
  }

  /** The interval for a count by {@code method} at {@code level}. */
  public static Interval count(long x, RateMethod method, double level) {
    return switch (method) {
      case EXACT -> exactCount(x, level);
      case BYAR -> byarCount(x, level);
    };
  }

  /**
   * The rate {@code x / T · multiplier} with its interval by {@link #DEFAULT_METHOD} at 95 %.
   *
   * <p>Example: 10 redeemed prescriptions among 2,500 women per 1,000: 4.0 (1.918 to 7.356).
   *
   * @return empty when {@code T = 0}
   */
  public static Optional<Estimate> rate(long x, double denominator, double multiplier) {
    return rate(x, denominator, multiplier, DEFAULT_METHOD, ConfidenceLevel.DEFAULT);
  }

  /**
   * The rate {@code x / T · multiplier} with its interval: the count interval by {@code method}
   * divided by {@code T} and multiplied by {@code multiplier}.
   *
   * @return empty when {@code T = 0}
   */
  public static Optional<Estimate> rate(
      long x, double denominator, double multiplier, RateMethod method, double level) {
    checkCount(x);
    if (!(denominator >= 0) || !Double.isFinite(denominator)) {
      throw new IllegalArgumentException("rate denominator must be finite and non-negative, got " + denominator);
    }
    if (!(multiplier > 0) || !Double.isFinite(multiplier)) {
      throw new IllegalArgumentException("rate multiplier must be finite and positive, got " + multiplier);
    }
    Interval counts = count(x, method, level);
    if (denominator == 0) {
      return Optional.empty();
    }
    double factor = multiplier / denominator;
    return Optional.of(new Estimate(x * factor, counts.scaled(factor)));
  }

  static void checkCount(long x) {
    if (x < 0) {
      throw new IllegalArgumentException("event count must be non-negative, got " + x);
    }
  }
}
