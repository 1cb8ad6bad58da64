package org.klynge.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klynge.core.data.Extract;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.io.CsvExtractReader;
import org.klynge.core.result.ResultTable;
import org.klynge.core.result.ResultWriter;
import org.klynge.indicators.Catalogue;

class SparkMainTest {

  private static SparkSession spark;

  @TempDir
  Path folder;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private int run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    return SparkMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true,
        StandardCharsets.UTF_8));
  }

  @Test
  void run_parquetTables_writesTheInProcessTableAsCsvAndParquet() throws IOException {
    RandomExtract random = RandomExtract.generate(3, 200);
    Path data = Files.createDirectories(folder.resolve("extract"));
    random.writeCsv(data);
    LocalSpark.textTable(spark, RandomExtract.PATIENT_COLUMNS, random.patients).write()
        .parquet(folder.resolve("patients").toString());
    LocalSpark.textTable(spark, RandomExtract.LISTING_COLUMNS, random.listings).write()
        .parquet(folder.resolve("listings").toString());
    LocalSpark.textTable(spark, RandomExtract.EVENT_COLUMNS, random.events).write()
        .parquet(folder.resolve("events").toString());
    Path out = folder.resolve("out");

    int code = run("--patients", folder.resolve("patients").toString(), "--listings",
        folder.resolve("listings").toString(), "--events", folder.resolve("events").toString(), "--organisation",
        data.toString(), "--period", "2024", "--partitions", "3", "--out", out.toString());

    assertEquals(0, code);
    Extract read = CsvExtractReader.create().withCodeSystems(Catalogue.definitions().declaredSystems()).read(data);
    ResultTable inProcess = Evaluator.compileAll(Catalogue.definitions())
        .evaluate(read, EvaluationOptions.of(MeasurementPeriod.year(2024)));
    StringWriter expected = new StringWriter();
    ResultWriter.writeCsv(inProcess, expected);
    assertEquals(expected.toString(), Files.readString(out.resolve("results.csv")));
    List<Row> parquet = spark.read().parquet(out.resolve("results.parquet").toString()).collectAsList();
    assertEquals(inProcess.rows().size(), parquet.size());
    assertEquals(inProcess.rows().stream().mapToLong(r -> r.counts().numerator()).sum(),
        parquet.stream().mapToLong(r -> r.getLong(r.fieldIndex("numerator"))).sum());
    assertTrue(Files.readString(out.resolve("reconciliation.txt")).contains("events: read " + random.events.size()));
  }

  @Test
  void run_missingOption_isAUsageError() {
    assertEquals(2, run("--patients", "p", "--period", "2024"));
    assertEquals(2, run("--patients", "p", "--listings", "l", "--events", "e", "--organisation", "o",
        "--period", "2024", "--out", "x", "--partitions", "0"));
  }
}
