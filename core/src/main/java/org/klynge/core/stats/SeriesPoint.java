package org.klynge.core.stats;

import java.time.LocalDate;

/**
 * One period of a series, e.g. one month of redeemed prescriptions.
 *
 * @param period the first day of the period
 * @param numerator events or persons in the numerator
 * @param denominator persons or person-time (a whole number for proportions)
 */
public record SeriesPoint(LocalDate period, long numerator, double denominator) {
  public SeriesPoint {
    if (period == null) {
      throw new IllegalArgumentException("period is required");
    }
    if (numerator < 0 || !(denominator >= 0) || !Double.isFinite(denominator)) {
      throw new IllegalArgumentException(
          "period " + period + ": counts must be finite and non-negative, got " + numerator + "/" + denominator);
    }
  }
}
