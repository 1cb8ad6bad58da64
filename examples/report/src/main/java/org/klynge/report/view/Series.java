package org.klynge.report.view;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * One line of a run chart.
 *
 * @param unit whose line it is
 * @param points one per period of the chart, in order
 */
public record Series(Unit unit, List<ChartPoint> points) {
  public Series {
    requireNonNull(unit, "unit");
    points = ImmutableList.copyOf(points);
  }

  /** True when every point with a value is 0 and there is at least one: a flat line with nothing to estimate. */
  public boolean allZero() {
    return points.stream().anyMatch(p -> p.value().isPresent())
        && points.stream().allMatch(p -> p.value().isEmpty() || p.value().getAsDouble() == 0);
  }
}
