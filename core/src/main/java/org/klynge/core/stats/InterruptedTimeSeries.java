package org.klynge.core.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Before/after comparisons around a date (for example a cluster meeting) over a series of periods.
 *
 * <p>Periods with a zero denominator carry no value and are left out (and not counted). Periods
 * whose first day is before the date are "before"; the rest are "after". Values are {@code
 * numerator / denominator · multiplier} (100 for a percentage, 1,000 for per 1,000).
 */
public final class InterruptedTimeSeries {
  /** The fewest periods on each side of the date for which a segmented regression is fitted. */
  public static final int MIN_POINTS_EACH_SIDE = 3;

  private static final int PARAMETERS = 4;

  private InterruptedTimeSeries() {}

  /**
   * Pooled levels before and after {@code date}: {@code Σx / Σn · m} on each side with a Wilson
   * (proportions) or exact Poisson (rates) interval, and the difference after − before with
   * Newcombe's hybrid score interval (proportions) or the Wald rate-difference interval (rates);
   * see {@link Comparisons}.
   *
   * <p>Example: chloramphenicol prescriptions per 1,000 listed patients, January–February 90
   * prescriptions over 2 × 4,000 person-months, March–July 150 over 5 × 4,000: before 11.25, after
   * 7.50, difference −3.75 (Wald: −3.75 ± 1.96·√(150/20000² + 90/8000²)·1000 = −6.37 to −1.13).
   */
  public static BeforeAfter beforeAfter(
      List<SeriesPoint> series, LocalDate date, Measure measure, double multiplier, double level) {
    checkMultiplier(multiplier);
    ConfidenceLevel.check(level);
    long xBefore = 0;
    double nBefore = 0;
    long xAfter = 0;
    double nAfter = 0;
    int before = 0;
    int after = 0;
    for (SeriesPoint p : usable(series, measure)) {
      if (p.period().isBefore(date)) {
        xBefore += p.numerator();
        nBefore += p.denominator();
        before++;
      } else {
        xAfter += p.numerator();
        nAfter += p.denominator();
        after++;
      }
    }
    Optional<Estimate> levelBefore = level(xBefore, nBefore, measure, multiplier, level);
    Optional<Estimate> levelAfter = level(xAfter, nAfter, measure, multiplier, level);
    Optional<Estimate> difference;
    if (levelBefore.isEmpty() || levelAfter.isEmpty()) {
      difference = Optional.empty();
    } else if (measure == Measure.PROPORTION) {
      difference = Comparisons.proportionDifference(xAfter, (long) nAfter, xBefore, (long) nBefore, level)
          .map(e -> new Estimate(e.value() * multiplier, e.interval().scaled(multiplier)));
    } else {
      difference = Comparisons.rateDifference(xAfter, nAfter, xBefore, nBefore, multiplier, level);
    }
    return new BeforeAfter(before, after, levelBefore, levelAfter, difference);
  }

  /**
   * Segmented regression by ordinary least squares (Wagner et al. 2002, J Clin Pharm Ther 27:299):
   *
   * <pre>
   *   yₜ = β₀ + β₁·t + β₂·Dₜ + β₃·(t − t₀)·Dₜ + εₜ
   * </pre>
   *
   * with {@code t = 0, 1, …} the position of the period in date order (periods are assumed equally
   * spaced), {@code Dₜ = 1} on or after the date, {@code t₀} the position of the first period after
   * it. {@code β̂ = (XᵀX)⁻¹Xᵀy}, {@code Var(β̂) = σ̂²(XᵀX)⁻¹}, {@code σ̂² = RSS/(n − 4)}; intervals
   * use Student's t with {@code n − 4} degrees of freedom. Each value is weighted equally; it is a
   * descriptive model (no autocorrelation correction).
   *
   * <p>Needs at least {@link #MIN_POINTS_EACH_SIDE} usable periods on each side, otherwise {@link
   * SegmentedRegression.TooShort}.
   *
   * <p>Worked example (checked independently with NumPy least squares): values 10, 11, 12.5, 13,
   * 14.2 before and 11, 11.4, 11.9, 12.1, 12.8 after: β₀ = 10.06 (SE 0.148), β₁ = 1.04 (0.060),
   * level change β₂ = −4.28 (0.249), slope change β₃ = −0.61 (0.085), σ̂ = 0.191 on 6 df.
   */
  public static SegmentedRegression segmentedRegression(
      List<SeriesPoint> series, LocalDate date, Measure measure, double multiplier, double level) {
    checkMultiplier(multiplier);
    ConfidenceLevel.check(level);
    List<SeriesPoint> points = usable(series, measure);
    int before = (int) points.stream().filter(p -> p.period().isBefore(date)).count();
    int after = points.size() - before;
    if (before < MIN_POINTS_EACH_SIDE || after < MIN_POINTS_EACH_SIDE) {
      return new SegmentedRegression.TooShort(before, after, MIN_POINTS_EACH_SIDE);
    }
    int n = points.size();
    double[][] x = new double[n][PARAMETERS];
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      SeriesPoint p = points.get(t);
      double d = t >= before ? 1 : 0;
      x[t] = new double[] {1, t, d, (t - before) * d};
      y[t] = p.numerator() / p.denominator() * multiplier;
    }
    double[][] xtx = new double[PARAMETERS][PARAMETERS];
    double[] xty = new double[PARAMETERS];
    for (int t = 0; t < n; t++) {
      for (int i = 0; i < PARAMETERS; i++) {
        xty[i] += x[t][i] * y[t];
        for (int j = 0; j < PARAMETERS; j++) {
          xtx[i][j] += x[t][i] * x[t][j];
        }
      }
    }
    double[][] inverse = invert(xtx);
    double[] beta = new double[PARAMETERS];
    for (int i = 0; i < PARAMETERS; i++) {
      for (int j = 0; j < PARAMETERS; j++) {
        beta[i] += inverse[i][j] * xty[j];
      }
    }
    double rss = 0;
    for (int t = 0; t < n; t++) {
      double fitted = 0;
      for (int i = 0; i < PARAMETERS; i++) {
        fitted += x[t][i] * beta[i];
      }
      rss += (y[t] - fitted) * (y[t] - fitted);
    }
    int df = n - PARAMETERS;
    double sigma2 = rss / df;
    double tCrit = Distributions.studentTQuantile(1 - (1 - level) / 2, df);
    Coefficient[] c = new Coefficient[PARAMETERS];
    for (int i = 0; i < PARAMETERS; i++) {
      double se = Math.sqrt(Math.max(0, sigma2 * inverse[i][i]));
      c[i] = new Coefficient(beta[i], se, new Interval(beta[i] - tCrit * se, beta[i] + tCrit * se));
    }
    return new SegmentedRegression.Fitted(c[0], c[1], c[2], c[3], before, after, df, Math.sqrt(sigma2));
  }

  private static Optional<Estimate> level(long x, double n, Measure measure, double multiplier, double level) {
    if (n == 0) {
      return Optional.empty();
    }
    if (measure == Measure.PROPORTION) {
      return Proportions.estimate(x, (long) n, ProportionMethod.WILSON, level)
          .map(e -> new Estimate(e.value() * multiplier, e.interval().scaled(multiplier)));
    }
    return Rates.rate(x, n, multiplier, RateMethod.EXACT, level);
  }

  private static List<SeriesPoint> usable(List<SeriesPoint> series, Measure measure) {
    List<SeriesPoint> out = new ArrayList<>();
    for (SeriesPoint p : series) {
      if (measure == Measure.PROPORTION) {
        if (p.denominator() != Math.rint(p.denominator())) {
          throw new IllegalArgumentException(
              "period " + p.period() + ": a proportion needs a whole-number denominator, got " + p.denominator());
        }
        if (p.numerator() > p.denominator()) {
          throw new IllegalArgumentException(
              "period " + p.period() + ": numerator " + p.numerator() + " exceeds denominator " + p.denominator());
        }
      }
      if (p.denominator() > 0) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparing(SeriesPoint::period));
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i).period().equals(out.get(i - 1).period())) {
        throw new IllegalArgumentException("period " + out.get(i).period() + " occurs twice");
      }
    }
    return out;
  }

  /** Gauss–Jordan inversion with partial pivoting of a small non-singular matrix. */
  static double[][] invert(double[][] m) {
    int k = m.length;
    double[][] a = new double[k][2 * k];
    for (int i = 0; i < k; i++) {
      System.arraycopy(m[i], 0, a[i], 0, k);
      a[i][k + i] = 1;
    }
    for (int col = 0; col < k; col++) {
      int pivot = col;
      for (int r = col + 1; r < k; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(a[pivot][col]) < 1e-12) {
        throw new IllegalStateException("design matrix is singular");
      }
      double[] tmp = a[col];
      a[col] = a[pivot];
      a[pivot] = tmp;
      double p = a[col][col];
      for (int j = 0; j < 2 * k; j++) {
        a[col][j] /= p;
      }
      for (int r = 0; r < k; r++) {
        if (r != col && a[r][col] != 0) {
          double f = a[r][col];
          for (int j = 0; j < 2 * k; j++) {
            a[r][j] -= f * a[col][j];
          }
        }
      }
    }
    double[][] inv = new double[k][k];
    for (int i = 0; i < k; i++) {
      System.arraycopy(a[i], k, inv[i], 0, k);
    }
    return inv;
  }

  private static void checkMultiplier(double multiplier) {
    if (!(multiplier > 0) || !Double.isFinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be finite and positive, got " + multiplier);
    }
  }
}
