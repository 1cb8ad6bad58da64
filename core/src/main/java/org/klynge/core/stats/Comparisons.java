package org.klynge.core.stats;

import java.util.Optional;

/**
 * Own unit versus the rest (for example a clinic against the rest of its cluster): differences of
 * proportions and ratios or differences of rates, each with a confidence interval.
 *
 * <p>"Rest" is the parent total minus the own unit, so the two groups are independent. Zero
 * denominators in either group give {@link Optional#empty()}.
 */
public final class Comparisons {
  private Comparisons() {}

  /**
   * Difference of two independent proportions {@code p₁ − p₂} with Newcombe's hybrid score
   * interval (Newcombe 1998, Stat Med 17:873, method 10), built from the Wilson limits {@code [lᵢ,
   * uᵢ]} of each proportion:
   *
   * <pre>
   *   lower = (p₁ − p₂) − √((p₁ − l₁)² + (u₂ − p₂)²)
   *   upper = (p₁ − p₂) + √((u₁ − p₁)² + (p₂ − l₂)²)
   * </pre>
   *
   * <p>Worked example (ibid., table II, example a): 56/70 − 48/80 = 0.8 − 0.6 = 0.2; Wilson limits
   * 0.6918 to 0.8770 and 0.4905 to 0.7004; lower = 0.2 − √(0.1082² + 0.1004²) = 0.0524, upper = 0.2
   * + √(0.0770² + 0.1095²) = 0.3339.
   *
   * @return empty when {@code n₁ = 0} or {@code n₂ = 0}
   */
  public static Optional<Estimate> proportionDifference(long x1, long n1, long x2, long n2, double level) {
    Optional<Interval> w1 = Proportions.wilson(x1, n1, level);
    Optional<Interval> w2 = Proportions.wilson(x2, n2, level);
    if (w1.isEmpty() || w2.isEmpty()) {
      return Optional.empty();
    }
    double p1 = (double) x1 / n1;
    double p2 = (double) x2 / n2;
    double d = p1 - p2;
    double lower = d - Math.hypot(p1 - w1.get().lower(), w2.get().upper() - p2);
    double upper = d + Math.hypot(w1.get().upper() - p1, p2 - w2.get().lower());
    return Optional.of(new Estimate(d, new Interval(Math.max(-1, lower), Math.min(1, upper))));
  }

  /**
   * Own unit's proportion minus the rest's, {@code x/n − (X − x)/(N − n)}: {@link
   * #proportionDifference} of {@code own} against {@code total − own}.
   *
   * <p>Example: a clinic with 56/70 in a cluster with 104/150 in total: rest = 48/80, so the result
   * is 0.2 (0.0524 to 0.3339) as in {@link #proportionDifference}.
   *
   * @return empty when the own unit or the rest has a zero denominator
   */
  public static Optional<Estimate> proportionOwnVsRest(
      long ownX, long ownN, long totalX, long totalN, double level) {
    checkPart(ownX, ownN, totalX, totalN);
    return proportionDifference(ownX, ownN, totalX - ownX, totalN - ownN, level);
  }

  /**
   * Ratio of two rates {@code (x₁/T₁) / (x₂/T₂)} with the exact conditional interval: given {@code
   * x₁ + x₂}, {@code x₁} is binomial with {@code π = x₁/(x₁+x₂)}; the Clopper–Pearson limits {@code
   * [π_L, π_U]} transform to
   *
   * <pre>
   *   RR_L = π_L/(1 − π_L) · T₂/T₁,   RR_U = π_U/(1 − π_U) · T₂/T₁
   * </pre>
   *
   * (Breslow &amp; Day 1987, vol. II, §2.2; Rothman, Modern Epidemiology). Worked example: 30 events
   * in 1,200 person-years against 90 in 8,000: RR = 2.222; π = 30/120, Clopper–Pearson 0.1755 to
   * 0.3373, so 1.419 to 3.393.
   *
   * @return empty when {@code T₁ = 0}, {@code T₂ = 0} or {@code x₂ = 0} (the ratio is then undefined
   *     or unbounded)
   */
  public static Optional<Estimate> rateRatio(long x1, double t1, long x2, double t2, double level) {
    checkRate(x1, t1);
    checkRate(x2, t2);
    ConfidenceLevel.check(level);
    if (t1 == 0 || t2 == 0 || x2 == 0) {
      return Optional.empty();
    }
    return Optional.of(rateRatio(x1, t1, x2, t2, Proportions.clopperPearson(x1, x1 + x2, level).orElseThrow()));
  }

  /**
   * {@link #rateRatio(long, double, long, double, double)} from the Clopper–Pearson interval {@code
   * [π_L, π_U]} of {@code x₁} among {@code x₁ + x₂}, computed by the caller (who meets the same
   * counts often and computes each interval once); the result is the same.
   *
   * @throws IllegalArgumentException when {@code T₁ = 0}, {@code T₂ = 0} or {@code x₂ = 0}
   */
  public static Estimate rateRatio(long x1, double t1, long x2, double t2, Interval conditional) {
    checkRate(x1, t1);
    checkRate(x2, t2);
    if (t1 == 0 || t2 == 0 || x2 == 0) {
      throw new IllegalArgumentException("a rate ratio needs T₁ > 0, T₂ > 0 and x₂ > 0, got " + x1 + "/" + t1
          + " against " + x2 + "/" + t2);
    }
    Interval pi = conditional;
    double scale = t2 / t1;
    double ratio = (x1 / t1) / (x2 / t2);
    double lower = pi.lower() / (1 - pi.lower()) * scale;
    double upper = pi.upper() / (1 - pi.upper()) * scale;
    return new Estimate(ratio, new Interval(Math.min(lower, ratio), Math.max(upper, ratio)));
  }

  /**
   * Difference of two rates per {@code multiplier} with the normal (Wald) interval:
   *
   * <pre>
   *   d = (x₁/T₁ − x₂/T₂)·m,   d ± z·√(x₁/T₁² + x₂/T₂²)·m
   * </pre>
   *
   * <p>Worked example: 30 in 1,200 against 90 in 8,000 per 1,000: d = 25.0 − 11.25 = 13.75, SE =
   * 4.716, 95 % 4.507 to 22.993. With no events in either group the interval is {@code [0, 0]}.
   *
   * @return empty when {@code T₁ = 0} or {@code T₂ = 0}
   */
  public static Optional<Estimate> rateDifference(
      long x1, double t1, long x2, double t2, double multiplier, double level) {
    checkRate(x1, t1);
    checkRate(x2, t2);
    double z = ConfidenceLevel.z(level);
    if (t1 == 0 || t2 == 0) {
      return Optional.empty();
    }
    double d = (x1 / t1 - x2 / t2) * multiplier;
    double se = Math.sqrt(x1 / (t1 * t1) + x2 / (t2 * t2)) * multiplier;
    return Optional.of(new Estimate(d, new Interval(d - z * se, d + z * se)));
  }

  /** Own unit's rate against the rest's as a ratio; see {@link #rateRatio}. */
  public static Optional<Estimate> rateRatioOwnVsRest(
      long ownX, double ownT, long totalX, double totalT, double level) {
    checkRatePart(ownX, ownT, totalX, totalT);
    return rateRatio(ownX, ownT, totalX - ownX, totalT - ownT, level);
  }

  /** Own unit's rate minus the rest's; see {@link #rateDifference}. */
  public static Optional<Estimate> rateDifferenceOwnVsRest(
      long ownX, double ownT, long totalX, double totalT, double multiplier, double level) {
    checkRatePart(ownX, ownT, totalX, totalT);
    return rateDifference(ownX, ownT, totalX - ownX, totalT - ownT, multiplier, level);
  }

  private static void checkPart(long x, long n, long totalX, long totalN) {
    Proportions.check(x, n);
    Proportions.check(totalX, totalN);
    if (x > totalX || n > totalN) {
      throw new IllegalArgumentException(
          "own unit " + x + "/" + n + " exceeds the total " + totalX + "/" + totalN);
    }
  }

  private static void checkRatePart(long x, double t, long totalX, double totalT) {
    checkRate(x, t);
    checkRate(totalX, totalT);
    if (x > totalX || t > totalT) {
      throw new IllegalArgumentException(
          "own unit " + x + "/" + t + " exceeds the total " + totalX + "/" + totalT);
    }
  }

  private static void checkRate(long x, double t) {
    Rates.checkCount(x);
    if (!(t >= 0) || !Double.isFinite(t)) {
      throw new IllegalArgumentException("denominator must be finite and non-negative, got " + t);
    }
  }
}
