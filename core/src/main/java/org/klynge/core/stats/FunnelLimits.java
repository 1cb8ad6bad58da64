package org.klynge.core.stats;

/**
 * Funnel-plot control limits for one denominator size.
 *
 * @param denominator the denominator (persons or person-time)
 * @param parent the parent (target) value the funnel is centred on
 * @param inner the 95 % limits ({@link ConfidenceLevel#FUNNEL_INNER})
 * @param outer the 99.8 % limits ({@link ConfidenceLevel#FUNNEL_OUTER})
 */
public record FunnelLimits(double denominator, double parent, Interval inner, Interval outer) {
  public FunnelLimits {
    if (inner == null || outer == null) {
      throw new IllegalArgumentException("both limits are required");
    }
  }
}
