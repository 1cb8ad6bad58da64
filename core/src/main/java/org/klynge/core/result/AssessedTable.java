package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.klynge.core.definition.Indicator;

/**
 * A result table with statistics for every row, made by {@link Assessment#assess}.
 *
 * @param rows the rows, in the order of the source table
 * @param indicators the indicators the rows are for
 * @param source the table assessed (provenance and reconciliation come from it)
 */
public record AssessedTable(ImmutableList<AssessedRow> rows, ImmutableList<Indicator> indicators, ResultTable source) {

  public AssessedTable {
    rows = ImmutableList.copyOf(rows);
    indicators = ImmutableList.copyOf(indicators);
    requireNonNull(source, "source");
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
