package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.klynge.core.stats.Interval;
import org.klynge.core.stats.OverdispersionEstimate;

/**
 * Funnel-plot limits of one unit around its parent's value, in the row's own units (percent,
 * rate per N, ratio).
 *
 * @param parentValue the parent's value the funnel is centred on
 * @param inner the 95 % limits for the unit's denominator
 * @param outer the 99.8 % limits for the unit's denominator
 * @param overdispersion the overdispersion estimated among the parent's units, when asked for; the
 *     limits are widened by it only when it is significant ({@link OverdispersionEstimate#overdispersed()})
 */
public record Funnel(double parentValue, Interval inner, Interval outer, Optional<OverdispersionEstimate> overdispersion) {

  public Funnel {
    if (!Double.isFinite(parentValue)) {
      throw new IllegalArgumentException("parent value must be finite, got " + parentValue);
    }
    requireNonNull(inner, "inner");
    requireNonNull(outer, "outer");
    overdispersion = overdispersion == null ? Optional.empty() : overdispersion;
  }
}
