package org.klynge.core.stats;

/**
 * Confidence levels and their two-sided normal quantiles.
 *
 * <p>Example: {@code ConfidenceLevel.z(0.95)} = 1.959964 (the 0.975 quantile of the standard normal).
 */
public final class ConfidenceLevel {
  /** The default confidence level, 95 %. */
  public static final double DEFAULT = 0.95;
  /** Inner funnel-plot limit, about two standard deviations. */
  public static final double FUNNEL_INNER = 0.95;
  /** Outer funnel-plot limit, about three standard deviations. */
  public static final double FUNNEL_OUTER = 0.998;

  // the levels the statistics use, solved once: a quantile costs far more than the arithmetic around it
  private static final double Z_DEFAULT = quantile(DEFAULT);
  private static final double Z_FUNNEL_OUTER = quantile(FUNNEL_OUTER);

  private ConfidenceLevel() {}

  /**
   * Checks that {@code level} lies strictly between 0 and 1 and returns it.
   *
   * @throws IllegalArgumentException otherwise, e.g. for 95 (a percentage instead of a fraction)
   */
  public static double check(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException(
          "confidence level must lie strictly between 0 and 1 (e.g. 0.95), got " + level);
    }
    return level;
  }

  /**
   * The two-sided critical value {@code z = Φ⁻¹(1 − α/2)} with {@code α = 1 − level}.
   *
   * <p>Example: {@code z(0.95)} = 1.959964, {@code z(0.998)} = 3.090232.
   */
  public static double z(double level) {
    if (level == DEFAULT) {
      return Z_DEFAULT;
    }
    if (level == FUNNEL_OUTER) {
      return Z_FUNNEL_OUTER;
    }
    return quantile(check(level));
  }

  private static double quantile(double level) {
    return Distributions.normalQuantile(1 - (1 - level) / 2);
  }

  /** {@code α = 1 − level}. Example: {@code alpha(0.95)} = 0.05. */
  public static double alpha(double level) {
    return 1 - check(level);
  }
}
