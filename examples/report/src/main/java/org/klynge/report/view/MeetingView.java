package org.klynge.report.view;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.Map;

/**
 * A meeting and what the report says about each unit before and after it.
 *
 * @param date the meeting date
 * @param inRange whether the date lies within the periods charted
 * @param units the result per unit (the own clinic and the cluster)
 */
public record MeetingView(LocalDate date, boolean inRange, Map<Unit, BeforeAfterResult> units) {
  public MeetingView {
    requireNonNull(date, "date");
    units = ImmutableMap.copyOf(units);
  }
}
