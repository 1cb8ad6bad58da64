package org.klynge.core.stats;

/**
 * A point estimate with its confidence interval.
 *
 * @param value the point estimate
 * @param interval the confidence interval
 */
public record Estimate(double value, Interval interval) {
  public Estimate {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("estimate must be finite, got " + value);
    }
    if (interval == null) {
      throw new IllegalArgumentException("interval is required");
    }
  }
}
