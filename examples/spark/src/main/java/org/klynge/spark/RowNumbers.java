package org.klynge.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.shiftleft;
import static org.apache.spark.sql.functions.spark_partition_id;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Row numbers for a Dataset as Spark reads it: the rows of its input partitions in order, numbered
 * from 1, as {@code RDD.zipWithIndex} numbers them, but computed in the scan itself: one small job
 * counts the rows of each input partition (for Parquet, from the files' metadata), and each row's
 * number is its partition's offset plus its place there, taken from {@code
 * monotonically_increasing_id()} (the partition times 2<sup>33</sup> plus the place). For a
 * Dataset read from files the numbers are the same every time it is read; after a shuffle they
 * need not be.
 */
final class RowNumbers {

  private RowNumbers() {}

  /** The 1-based number of each row of {@code data}, a column to select beside {@code data}'s own. */
  static Column of(Dataset<Row> data) {
    Map<Integer, Long> counts = new TreeMap<>();
    for (Row r : data.select(spark_partition_id().as("partition")).groupBy("partition").count().collectAsList()) {
      counts.put(r.getInt(0), r.getLong(1));
    }
    int partitions = counts.isEmpty() ? 1 : Collections.max(counts.keySet()) + 1;
    long[] offsets = new long[partitions];
    for (int p = 1; p < partitions; p++) {
      offsets[p] = offsets[p - 1] + counts.getOrDefault(p - 1, 0L);
    }
    Column partition = spark_partition_id().cast("long");
    Column place = monotonically_increasing_id().minus(shiftleft(partition, 33));
    // a partition the count did not see (the input re-planned between the two jobs) has no number: 0
    return coalesce(element_at(lit(offsets), partition.plus(1).cast("int")).plus(place).plus(1), lit(0L));
  }

  /** Every row's number unknown: 0. */
  static Column unknown() {
    return lit(0L);
  }
}
