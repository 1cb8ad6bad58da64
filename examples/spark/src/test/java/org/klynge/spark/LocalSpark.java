package org.klynge.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.klynge.core.data.Reconciliation;
import org.klynge.core.result.ResultTable;

/** A local Spark session for one test class, and what the tests share. */
final class LocalSpark {

  private LocalSpark() {}

  /** A session on two local cores, bound to the loopback address, without the web UI. */
  static SparkSession start() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("klynge-spark-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
  }

  /** A Dataset of text columns named {@code header}, one row per array. */
  static Dataset<Row> textTable(SparkSession spark, List<String> header, List<String[]> rows) {
    List<StructField> fields = new ArrayList<>();
    header.forEach(name -> fields.add(DataTypes.createStructField(name, DataTypes.StringType, true)));
    List<Row> data = new ArrayList<>();
    rows.forEach(r -> data.add(RowFactory.create((Object[]) r)));
    return spark.createDataFrame(data, new StructType(fields.toArray(StructField[]::new)));
  }

  /** Writes {@code rows} under {@code header} as a CSV file, quoting fields with a comma or a quote. */
  static void writeCsv(Path file, List<String> header, List<String[]> rows) {
    StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        String field = row[i] == null ? "" : row[i];
        boolean quoted = field.contains(",") || field.contains("\"");
        text.append(i == 0 ? "" : ",")
            .append(quoted ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
      }
      text.append('\n');
    }
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The account of the patient data alone, its sources named as the Spark runner names them
   * ({@code patients.csv} → {@code patients}; the CSV reader also counts the organisation's rows).
   */
  static Map<String, ?> patientCounts(Reconciliation reconciliation) {
    Map<String, Object> counts = new TreeMap<>();
    reconciliation.counts().forEach((source, lines) -> {
      String table = source.endsWith(".csv") ? source.substring(0, source.length() - 4) : source;
      if (List.of(SparkEvaluator.PATIENTS, SparkEvaluator.LISTINGS, SparkEvaluator.EVENTS).contains(table)) {
        counts.put(table, lines);
      }
    });
    return counts;
  }

  /** The reasons and columns of the examples, in order of reason, column and detail; locations differ by source. */
  static List<String> exampleReasons(Reconciliation reconciliation) {
    return reconciliation.examples().stream()
        .map(r -> r.outcome() + " " + r.reason() + " " + r.location().column().orElse(""))
        .sorted().toList();
  }

  /**
   * Asserts that the Spark runner's table is the in-process table: every row, the provenance, and
   * the account of every patient, listing and event row (counts by outcome and reason, exact
   * duplicates, and the reasons of the examples kept).
   */
  static void assertSameResults(ResultTable inProcess, ResultTable onSpark) {
    assertEquals(inProcess.rows(), onSpark.rows());
    assertEquals(inProcess.provenance(), onSpark.provenance());
    assertEquals(patientCounts(inProcess.reconciliation()),
        patientCounts(onSpark.reconciliation()));
    assertEquals(inProcess.reconciliation().exactDuplicates(),
        onSpark.reconciliation().exactDuplicates());
  }
}
