package org.klynge.core.stats;

/**
 * The result of a segmented regression (interrupted time series): fitted, or too short to fit.
 */
public sealed interface SegmentedRegression {
  /**
   * The OLS fit of {@code yₜ = β₀ + β₁t + β₂Dₜ + β₃(t − t₀)Dₜ}.
   *
   * @param baselineLevel β₀, the level at the first period
   * @param baselineSlope β₁, the change per period before the date
   * @param levelChange β₂, the step at the date
   * @param slopeChange β₃, the change in slope after the date
   * @param pointsBefore periods used before the date
   * @param pointsAfter periods used on or after the date
   * @param residualDegreesOfFreedom {@code n − 4}
   * @param residualStandardError {@code σ̂ = √(RSS / (n − 4))}
   */
  record Fitted(
      Coefficient baselineLevel,
      Coefficient baselineSlope,
      Coefficient levelChange,
      Coefficient slopeChange,
      int pointsBefore,
      int pointsAfter,
      int residualDegreesOfFreedom,
      double residualStandardError)
      implements SegmentedRegression {}

  /**
   * Not enough periods on one side of the date.
   *
   * @param pointsBefore periods with a positive denominator before the date
   * @param pointsAfter periods with a positive denominator on or after the date
   * @param minimumEachSide {@link InterruptedTimeSeries#MIN_POINTS_EACH_SIDE}
   */
  record TooShort(int pointsBefore, int pointsAfter, int minimumEachSide) implements SegmentedRegression {}
}
