package org.klynge.core.engine;

import org.klynge.core.data.PatientData;
import org.klynge.core.definition.Rate;

/**
 * The bound form of what a summing rate adds per counted event: its value in the rate's unit,
 * its quantity, or its days in the window, in millionths so that partial sums add exactly in any
 * order. An event without a usable amount (no value or quantity, or a unit that does not convert)
 * adds nothing and is counted as not summed.
 */
final class RateSum {
  /** Millionths per unit. */
  static final double SCALE = 1_000_000;
  /** What {@link #millionths} gives for an event without a usable amount. */
  static final long UNUSABLE = Long.MIN_VALUE;

  private final Rate.Summed summed;
  private final double[] scale;
  private final double[] offset;

  RateSum(Rate rate, PatientData data) {
    this.summed = rate.sum();
    double[][] conversions = EventLookup.conversions(data, rate.unit());
    this.scale = conversions[0];
    this.offset = conversions[1];
  }

  /**
   * What event {@code e} adds, in millionths, when it counts in the window {@code from..to}; or
   * {@link #UNUSABLE}.
   */
  long millionths(PatientData d, int e, int from, int to) {
    return switch (summed) {
      case EVENTS -> (long) SCALE;
      case VALUE -> {
        int u = d.eventUnit(e) + 1;
        yield scaled(scale[u] * d.eventValue(e) + offset[u]);
      }
      case QUANTITY -> scaled(d.eventQuantity(e));
      case DAYS -> {
        long days = (long) Math.min(d.eventEndDay(e), to) - Math.max(d.eventDay(e), from) + 1;
        yield days > 0 ? days * (long) SCALE : 0;
      }
    };
  }

  /** {@code amount} in millionths, rounded half-even; unusable when it is missing or too large to sum. */
  private static long scaled(double amount) {
    double m = Math.rint(amount * SCALE);
    return Double.isNaN(m) || Math.abs(m) > 1e15 ? UNUSABLE : (long) m;
  }
}
