package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.klynge.core.stats.BeforeAfter;
import org.klynge.core.stats.SegmentedRegression;

/**
 * One unit's indicator before and after a cluster meeting, made by {@link Assessment#beforeAfter}.
 * Values are in the indicator's units (percent, rate per N, ratio).
 *
 * @param meetingDate the meeting; periods starting before it are "before", the rest "after"
 * @param levels the pooled levels before and after with intervals and their difference
 * @param trend the segmented regression, or {@link SegmentedRegression.TooShort} with fewer than 3
 *     periods with a denominator on either side
 */
public record MeetingComparison(LocalDate meetingDate, BeforeAfter levels, SegmentedRegression trend) {

  public MeetingComparison {
    requireNonNull(meetingDate, "meetingDate");
    requireNonNull(levels, "levels");
    requireNonNull(trend, "trend");
  }
}
