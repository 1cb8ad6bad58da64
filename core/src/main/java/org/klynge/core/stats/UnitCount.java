package org.klynge.core.stats;

/**
 * One unit's numerator and denominator, for estimating overdispersion.
 *
 * @param numerator events or persons in the numerator
 * @param denominator persons or person-time
 */
public record UnitCount(long numerator, double denominator) {
  public UnitCount {
    if (numerator < 0 || !(denominator >= 0) || !Double.isFinite(denominator)) {
      throw new IllegalArgumentException(
          "counts must be finite and non-negative, got " + numerator + "/" + denominator);
    }
  }
}
