package org.klynge.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klynge.core.data.Extract;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.io.CsvExtractReader;
import org.klynge.core.io.CsvExtractWriter;
import org.klynge.core.result.ResultTable;
import org.klynge.examples.synthetic.SyntheticNation;
import org.klynge.indicators.Catalogue;

/**
 * The synthetic nation at scale 0.01, written as CSV, loaded into Spark with typed columns (dates
 * as {@code date}, numbers as {@code double}), written as Parquet by Spark and read back: the
 * Spark runner gives the in-process table of the same files.
 */
class SyntheticNationSparkTest {

  private static SparkSession spark;

  @TempDir
  static Path folder;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Dataset<Row> parquetOf(String table, String schema) {
    String parquet = folder.resolve(table + ".parquet").toString();
    spark.read().option("header", "true").option("escape", "\"").option("multiLine", "true")
        .schema(StructType.fromDDL(schema)).csv(folder.resolve(table + ".csv").toString())
        .write().parquet(parquet);
    return spark.read().parquet(parquet);
  }

  @Test
  void evaluate_nationFromParquet_givesTheInProcessResults() throws IOException {
    CsvExtractWriter.write(SyntheticNation.generate(new SyntheticNation.Settings(0.01, 42, 2024)), folder);
    Extract read = CsvExtractReader.create().withCodeSystems(Catalogue.definitions().declaredSystems()).read(folder);
    Evaluator evaluator = Evaluator.compileAll(Catalogue.definitions());
    EvaluationOptions options = EvaluationOptions.of(MeasurementPeriod.year(2024));
    ResultTable inProcess = evaluator.evaluate(read, options.withThreads(2));

    Dataset<Row> patients = parquetOf("patients", "patient_id STRING, sex STRING, birth_date DATE, death_date DATE");
    Dataset<Row> listings = parquetOf("listings", "patient_id STRING, clinic_id STRING, valid_from DATE,"
        + " valid_to DATE");
    Dataset<Row> events = parquetOf("events", "patient_id STRING, type STRING, system STRING, code STRING,"
        + " date DATE, value DOUBLE, unit STRING, quantity DOUBLE, end_date DATE, value_code STRING, status STRING,"
        + " event_id STRING");
    ResultTable onSpark = SparkEvaluator.of(evaluator).withPartitions(3).withAsOf(read.asOf())
        .evaluate(patients, listings, events, read.organisation(), options);

    LocalSpark.assertSameResults(inProcess, onSpark);
    assertEquals(read.reconciliation().read("events.csv"), onSpark.reconciliation().read(SparkEvaluator.EVENTS));
    assertTrue(onSpark.reconciliation().read(SparkEvaluator.EVENTS) > 100_000,
        onSpark.reconciliation().summary());
  }
}
