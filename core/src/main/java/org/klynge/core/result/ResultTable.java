package org.klynge.core.result;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.stream.Stream;
import org.klynge.core.data.Reconciliation;
import org.klynge.core.definition.MeasurementPeriod;

/**
 * The results of one evaluation: rows ordered by indicator (in definition order), period,
 * level (clinic first) and unit id, with provenance and the reconciliation of the input.
 *
 * @param rows the result rows
 * @param provenance definitions, data and engine behind the rows
 * @param reconciliation what became of every input row
 */
public record ResultTable(ImmutableList<ResultRow> rows, Provenance provenance, Reconciliation reconciliation) {

  public ResultTable {
    rows = ImmutableList.copyOf(rows);
  }

  /** Rows of one indicator. */
  public Stream<ResultRow> rowsOf(String indicatorId) {
    return rows.stream().filter(r -> r.indicatorId().equals(indicatorId));
  }

  /** The row for an indicator, level, unit and period, if any. */
  public Optional<ResultRow> row(String indicatorId, Level level, String unitId, MeasurementPeriod period) {
    return rows.stream()
        .filter(r -> r.indicatorId().equals(indicatorId) && r.level() == level && r.unitId().equals(unitId)
            && r.period().equals(period))
        .findFirst();
  }

  /** The nation row for an indicator and period, if any. */
  public Optional<ResultRow> nation(String indicatorId, MeasurementPeriod period) {
    return row(indicatorId, Level.NATION, UnitIds.NATION, period);
  }
}
