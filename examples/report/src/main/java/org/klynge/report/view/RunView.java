package org.klynge.report.view;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.List;
import org.klynge.core.definition.Granularity;
import org.klynge.core.definition.MeasurementPeriod;

/**
 * What a run chart shows: the own clinic, the cluster and the nation over the package's periods,
 * the meetings, and the comparison before and after each meeting.
 *
 * @param granularity what one point is: a month, a quarter or rolling 12 months
 * @param periods the periods charted, in order
 * @param series the lines: own clinic, cluster, nation
 * @param meetings the package's meeting dates
 * @param beforeAfter one per meeting, when a comparison is possible at all
 * @param noComparison why there is no comparison, when {@code beforeAfter} is empty
 */
public record RunView(
    Granularity granularity,
    List<MeasurementPeriod> periods,
    List<Series> series,
    List<LocalDate> meetings,
    List<MeetingView> beforeAfter,
    NoComparison noComparison) {
  public RunView {
    requireNonNull(granularity, "granularity");
    periods = ImmutableList.copyOf(periods);
    series = ImmutableList.copyOf(series);
    meetings = ImmutableList.copyOf(meetings);
    beforeAfter = ImmutableList.copyOf(beforeAfter);
    requireNonNull(noComparison, "noComparison");
  }

  /** Why a chart has no before/after comparison ({@link #NONE} when it has one). */
  public enum NoComparison {
    /** There is a comparison. */
    NONE,
    /** The package has no meeting date. */
    NO_MEETING,
    /** A continuous summary has no counts to pool. */
    CONTINUOUS,
    /** Rolling 12-month points overlap: pooling them would count the same months several times. */
    ROLLING,
    /** A rate per person-year: the published denominator counts persons, not person-time. */
    PERSON_TIME,
    /** No period of the chart was published. */
    NO_PERIODS
  }
}
