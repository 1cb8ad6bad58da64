package org.klynge.report.view;

import static java.util.Objects.requireNonNull;

import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.disclosure.Status;
import org.klynge.core.stats.BeforeAfter;
import org.klynge.core.stats.SegmentedRegression;

/** What the report can say about one unit before and after a meeting. */
public sealed interface BeforeAfterResult {

  /**
   * Levels before and after, their difference and the interrupted time series (or why it is too short).
   *
   * @param levels the pooled levels
   * @param trend the segmented regression
   */
  record Computed(BeforeAfter levels, SegmentedRegression trend) implements BeforeAfterResult {
    public Computed {
      requireNonNull(levels, "levels");
      requireNonNull(trend, "trend");
    }
  }

  /**
   * Withheld: a period's counts are not shown exactly, and pooled figures would give them away or be wrong.
   *
   * @param period the first such period
   * @param status its status
   */
  record Withheld(MeasurementPeriod period, Status status) implements BeforeAfterResult {
    public Withheld {
      requireNonNull(period, "period");
      requireNonNull(status, "status");
    }
  }

  /** Every period is 0: there is no level, interval or trend to estimate. */
  record AllZero() implements BeforeAfterResult {}

  /** No period has patients. */
  record NoPatients() implements BeforeAfterResult {}
}
