package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.klynge.core.stats.Estimate;

/**
 * A unit compared with a reference group (the rest of its cluster, or the rest of the nation).
 *
 * @param kind a difference (proportions: percentage points) or a ratio (rates and ratios)
 * @param estimate the difference or ratio with its 95 % confidence interval
 */
public record Comparison(Kind kind, Estimate estimate) {

  public Comparison {
    requireNonNull(kind, "kind");
    requireNonNull(estimate, "estimate");
  }

  /** How the unit is compared. */
  public enum Kind {
    /** Own value minus the reference's, in percentage points (Newcombe hybrid score interval). */
    DIFFERENCE,
    /** Own rate divided by the reference's (exact conditional interval); 1 means equal. */
    RATIO;

    /** The lower-case name used in files. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
