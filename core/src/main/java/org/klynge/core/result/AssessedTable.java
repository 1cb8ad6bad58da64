package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.MeasurementPeriod;

/**
 * A result table with statistics for every row, made by {@link Assessment#assess}.
 *
 * @param rows the rows, in the order of the source table
 * @param indicators the indicators the rows are for
 * @param source the table assessed (provenance and reconciliation come from it)
 * @param distributions per indicator and period, in the order of the rows: where the clinics
 *     stand nationally (deciles and each clinic's percentile)
 */
public record AssessedTable(ImmutableList<AssessedRow> rows, ImmutableList<Indicator> indicators, ResultTable source,
    ImmutableList<ClinicDistribution> distributions) {

  public AssessedTable {
    rows = ImmutableList.copyOf(rows);
    indicators = ImmutableList.copyOf(indicators);
    requireNonNull(source, "source");
    distributions = distributions == null ? ImmutableList.of() : ImmutableList.copyOf(distributions);
  }

  /** Assessed rows without clinic distributions. */
  public AssessedTable(ImmutableList<AssessedRow> rows, ImmutableList<Indicator> indicators, ResultTable source) {
    this(rows, indicators, source, ImmutableList.of());
  }

  /** Where the clinics stand on one indicator in one period, when it has clinic rows. */
  public Optional<ClinicDistribution> distribution(String indicatorId, String indicatorVersion,
      MeasurementPeriod period) {
    return distributions.stream().filter(d -> d.indicatorId().equals(indicatorId)
        && d.indicatorVersion().equals(indicatorVersion) && d.period().equals(period)).findFirst();
  }

  /** The indicator a row is for. */
  public Indicator indicatorOf(ResultRow row) {
    return Assessment.indicatorOf(indicators, row);
  }

  /** The rows of one indicator. */
  public List<AssessedRow> rowsOf(String indicatorId) {
    return rows.stream().filter(r -> r.row().indicatorId().equals(indicatorId)).toList();
  }
}
