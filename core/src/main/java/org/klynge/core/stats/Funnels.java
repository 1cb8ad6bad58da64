package org.klynge.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Funnel-plot control limits around a parent value (Spiegelhalter 2005, Stat Med 24:1185; "Funnel
 * plots for comparing institutional performance"), by the normal approximation:
 *
 * <pre>
 *   limits = θ₀ ± z · s(θ₀, ρ),   s = √(θ₀(1 − θ₀)/n) for proportions, √(θ₀/T) for rates
 * </pre>
 *
 * widened by an {@link Overdispersion} model, clipped to {@code [0, 1]} for proportions and to
 * {@code [0, ∞)} for rates. Values are unscaled (a proportion in [0, 1], a rate per unit of
 * denominator); scale the result with {@link Interval#scaled(double)}. Zero denominator: no funnel
 * point, {@link Optional#empty()}.
 */
public final class Funnels {
  /** The share of z-scores pulled in at each end before estimating φ (Spiegelhalter 2005, §3.3.3). */
  public static final double WINSORISE_FRACTION = 0.10;
  /** The level of the χ² test that decides whether overdispersion is present. */
  public static final double OVERDISPERSION_TEST_LEVEL = 0.95;

  private Funnels() {}

  /**
   * The standard error of a unit with denominator {@code denominator} under the parent value.
   * Example: proportion, θ₀ = 0.8, n = 100: √(0.8·0.2/100) = 0.04.
   */
  public static double standardError(Measure measure, double parent, double denominator) {
    checkParent(measure, parent);
    if (!(denominator > 0) || !Double.isFinite(denominator)) {
      throw new IllegalArgumentException("denominator must be finite and positive, got " + denominator);
    }
    return switch (measure) {
      case PROPORTION -> Math.sqrt(parent * (1 - parent) / denominator);
      case RATE -> Math.sqrt(parent / denominator);
    };
  }

  /**
   * Limits at one confidence level.
   *
   * <p>Example: proportion, θ₀ = 0.8, n = 100, 95 %: 0.8 ± 1.959964 · 0.04 = 0.7216 to 0.8784.
   *
   * @return empty when the denominator is 0
   */
  public static Optional<Interval> limits(
      Measure measure, double parent, double denominator, Overdispersion overdispersion, double level) {
    if (denominator == 0) {
      checkParent(measure, parent);
      ConfidenceLevel.check(level);
      return Optional.empty();
    }
    double s = overdispersion.widen(standardError(measure, parent, denominator));
    double half = ConfidenceLevel.z(level) * s;
    double lower = Math.max(0, parent - half);
    double upper = parent + half;
    if (measure == Measure.PROPORTION) {
      upper = Math.min(1, upper);
    }
    return Optional.of(new Interval(lower, upper));
  }

  /**
   * The 95 % and 99.8 % limits.
   *
   * <p>Example: proportion, θ₀ = 0.8, n = 100, no overdispersion: 95 % 0.7216 to 0.8784; 99.8 %
   * 0.8 ± 3.090232 · 0.04 = 0.6764 to 0.9236.
   *
   * @return empty when the denominator is 0
   */
  public static Optional<FunnelLimits> funnel(
      Measure measure, double parent, double denominator, Overdispersion overdispersion) {
    Optional<Interval> inner = limits(measure, parent, denominator, overdispersion, ConfidenceLevel.FUNNEL_INNER);
    Optional<Interval> outer = limits(measure, parent, denominator, overdispersion, ConfidenceLevel.FUNNEL_OUTER);
    return inner.map(i -> new FunnelLimits(denominator, parent, i, outer.orElseThrow()));
  }

  /**
   * The z-score of a unit: {@code zᵢ = (yᵢ − θ₀) / s(θ₀, ρᵢ)} with {@code yᵢ} the unit's
   * proportion or rate. Example: 70/100 against θ₀ = 0.8: (0.7 − 0.8)/0.04 = −2.5.
   *
   * @return empty when the denominator is 0 or the parent value has no variance (θ₀ = 0 or 1)
   */
  public static Optional<Double> zScore(Measure measure, double parent, UnitCount unit) {
    checkParent(measure, parent);
    if (unit.denominator() == 0) {
      return Optional.empty();
    }
    double s = standardError(measure, parent, unit.denominator());
    if (s == 0) {
      return Optional.empty();
    }
    return Optional.of((unit.numerator() / unit.denominator() - parent) / s);
  }

  /**
   * Estimates overdispersion from the units (Spiegelhalter 2005, §3.3.3 and §3.4):
   *
   * <ol>
   *   <li>z-scores {@code zᵢ} for the {@code I} units with a positive denominator;
   *   <li>winsorise: with {@code k = ⌊0.1·I⌋}, z-scores below the (k+1)-th smallest are set to it,
   *       above the (k+1)-th largest likewise (no change when {@code I < 10});
   *   <li>{@code φ̂ = Σ z̃ᵢ² / I}; overdispersion is declared when {@code Iφ̂ > χ²(0.95; I)};
   *   <li>{@code τ̂² = max(0, (Iφ̂ − (I − 1)) / (Σwᵢ − Σwᵢ²/Σwᵢ))}, {@code wᵢ = 1/sᵢ²}
   *       (DerSimonian–Laird style).
   * </ol>
   *
   * <p>Example: ten units of n = 100 around θ₀ = 0.8 with z-scores −3, −2, −1, −1, 0, 0, 1, 1, 2,
   * 3: winsorised to −2, −2, −1, −1, 0, 0, 1, 1, 2, 2, so φ̂ = 20/10 = 2.0; Iφ̂ = 20 &gt; χ²(0.95;
   * 10) = 18.31, overdispersed; wᵢ = 625, τ̂² = (20 − 9)/(6250 − 625) = 0.001956.
   */
  public static OverdispersionEstimate estimateOverdispersion(
      Measure measure, double parent, List<UnitCount> units) {
    checkParent(measure, parent);
    List<Double> zs = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (UnitCount unit : units) {
      Optional<Double> z = zScore(measure, parent, unit);
      if (z.isPresent()) {
        zs.add(z.get());
        double s = standardError(measure, parent, unit.denominator());
        weights.add(1 / (s * s));
      }
    }
    int count = zs.size();
    if (count == 0) {
      return new OverdispersionEstimate(0, 1, 0, false);
    }
    double[] winsorised = winsorise(zs.stream().mapToDouble(Double::doubleValue).toArray());
    double sumSquares = 0;
    for (double z : winsorised) {
      sumSquares += z * z;
    }
    double phi = sumSquares / count;
    boolean overdispersed = sumSquares > Distributions.chiSquareQuantile(OVERDISPERSION_TEST_LEVEL, count);
    double sumW = 0;
    double sumW2 = 0;
    for (double w : weights) {
      sumW += w;
      sumW2 += w * w;
    }
    double spread = sumW - sumW2 / sumW;
    double tau2 = spread > 0 ? Math.max(0, (sumSquares - (count - 1)) / spread) : 0;
    return new OverdispersionEstimate(count, phi, tau2, overdispersed);
  }

  /** Winsorises at {@link #WINSORISE_FRACTION} on each side; see {@link #estimateOverdispersion}. */
  static double[] winsorise(double[] z) {
    double[] sorted = z.clone();
    Arrays.sort(sorted);
    int k = (int) Math.floor(WINSORISE_FRACTION * z.length);
    double low = sorted[k];
    double high = sorted[z.length - 1 - k];
    double[] out = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      out[i] = Math.min(high, Math.max(low, z[i]));
    }
    return out;
  }

  private static void checkParent(Measure measure, double parent) {
    if (!(parent >= 0) || !Double.isFinite(parent) || (measure == Measure.PROPORTION && parent > 1)) {
      throw new IllegalArgumentException(
          "parent value must be finite, non-negative" + (measure == Measure.PROPORTION ? " and at most 1" : "")
              + ", got " + parent);
    }
  }
}
