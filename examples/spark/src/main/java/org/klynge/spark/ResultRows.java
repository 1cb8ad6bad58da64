package org.klynge.spark;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.klynge.core.result.PopulationCounts;
import org.klynge.core.result.ResultRow;
import org.klynge.core.result.ResultTable;

/**
 * A result table as a Spark Dataset, one row per result row, with the columns of
 * {@link org.klynge.core.result.ResultWriter#CSV_COLUMNS}: ids and labels as text, the period's
 * ends as dates, counts as {@code bigint}, the value as a {@code double} (null when the denominator
 * is 0). For showing results in a notebook or writing them to a lake; the table is small (indicators
 * × periods × units), so it is made on the driver.
 */
public final class ResultRows {

  /** The schema of {@link #of}, in the order of the CSV columns. */
  public static final StructType SCHEMA = StructType.fromDDL("indicator_id STRING, indicator_version STRING,"
      + " level STRING, unit_id STRING, parent_id STRING, period_start DATE, period_end DATE, period STRING,"
      + " initial_population BIGINT, denominator BIGINT, denominator_exclusions BIGINT,"
      + " denominator_exceptions BIGINT, numerator BIGINT, numerator_exclusions BIGINT, events BIGINT,"
      + " person_days BIGINT, valued BIGINT, sum DOUBLE, not_summed BIGINT, value DOUBLE");

  private ResultRows() {}

  /** The rows of {@code table} as a Dataset of {@code spark}. */
  public static Dataset<Row> of(SparkSession spark, ResultTable table) {
    List<Row> rows = new ArrayList<>(table.rows().size());
    for (ResultRow r : table.rows()) {
      PopulationCounts c = r.counts();
      rows.add(RowFactory.create(r.indicatorId(), r.indicatorVersion(), r.level().code(), r.unitId(), r.parentId(),
          Date.valueOf(r.period().start()), Date.valueOf(r.period().end()), r.period().label(),
          c.initialPopulation(), c.denominator(), c.denominatorExclusions(), c.denominatorExceptions(),
          c.numerator(), c.numeratorExclusions(), c.events(), c.personDays(), c.valued(), c.sum(), c.notSummed(),
          r.value().isPresent() ? r.value().getAsDouble() : null));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }
}
