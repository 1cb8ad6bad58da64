package org.klynge.report.view;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.klynge.core.result.Funnel;

/**
 * A clinic as plotted in a funnel: its denominator, its value and its limits.
 *
 * @param label the clinic's pseudonym, or empty for the own clinic
 * @param own whether it is the viewer's own clinic
 * @param n the denominator (x)
 * @param value the value in the indicator's unit (y)
 * @param funnel the limits at its size, when they could be computed
 */
public record FunnelPoint(String label, boolean own, double n, double value, Optional<Funnel> funnel) {
  public FunnelPoint {
    requireNonNull(label, "label");
    requireNonNull(funnel, "funnel");
  }

  /** Where the point lies against its limits. */
  public Position position() {
    if (funnel.isEmpty()) {
      return Position.NO_LIMITS;
    }
    Funnel f = funnel.get();
    if (f.inner().contains(value)) {
      return Position.WITHIN;
    }
    boolean above = value > f.parentValue();
    if (f.outer().contains(value)) {
      return above ? Position.ABOVE_95 : Position.BELOW_95;
    }
    return above ? Position.ABOVE_998 : Position.BELOW_998;
  }

  /** A point's place against the funnel's limits. */
  public enum Position {
    /** No limits could be computed. */
    NO_LIMITS,
    /** Inside the 95 % limits. */
    WITHIN,
    /** Above the 95 % limits, inside the 99.8 % ones. */
    ABOVE_95,
    /** Below the 95 % limits, inside the 99.8 % ones. */
    BELOW_95,
    /** Above the 99.8 % limits. */
    ABOVE_998,
    /** Below the 99.8 % limits. */
    BELOW_998
  }
}
