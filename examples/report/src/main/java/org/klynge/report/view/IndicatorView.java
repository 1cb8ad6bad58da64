package org.klynge.report.view;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.MeasurementPeriod;

/**
 * What the report shows of one indicator: its texts in the report's language, the table of the
 * own clinic, the rest of the cluster, the cluster and the nation, the funnel and the run chart.
 *
 * @param indicator the definition
 * @param title the title in the report's language (or the base title)
 * @param description the description in the report's language (or the base one)
 * @param unit the unit in the report's language (or the base one)
 * @param period the period of the table and the funnel (the package period)
 * @param levels the table's rows
 * @param funnel the funnel plot
 * @param run the run chart
 */
public record IndicatorView(
    Indicator indicator,
    String title,
    String description,
    String unit,
    MeasurementPeriod period,
    List<LevelRow> levels,
    FunnelView funnel,
    RunView run) {
  public IndicatorView {
    requireNonNull(indicator, "indicator");
    requireNonNull(title, "title");
    requireNonNull(description, "description");
    requireNonNull(unit, "unit");
    requireNonNull(period, "period");
    levels = ImmutableList.copyOf(levels);
    requireNonNull(funnel, "funnel");
    requireNonNull(run, "run");
  }
}
