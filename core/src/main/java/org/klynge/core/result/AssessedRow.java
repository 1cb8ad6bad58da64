package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

/**
 * A result row with its statistics.
 *
 * @param row the result row, unchanged
 * @param statistics its interval, standard fulfilment, funnel limits and comparisons
 */
public record AssessedRow(ResultRow row, RowStatistics statistics) {

  public AssessedRow {
    requireNonNull(row, "row");
    requireNonNull(statistics, "statistics");
  }
}
