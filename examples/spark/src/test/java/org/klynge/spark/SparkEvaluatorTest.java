package org.klynge.spark;

import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klynge.core.data.Extract;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.Reconciliation;
import org.klynge.core.data.Rejection;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.io.CsvExtractReader;
import org.klynge.core.io.ExtractException;
import org.klynge.core.model.Organisation;
import org.klynge.core.result.ResultTable;
import org.klynge.indicators.Catalogue;

class SparkEvaluatorTest {

  private static final EvaluationOptions OPTIONS = EvaluationOptions.of(MeasurementPeriod.year(2024))
      .withPeriods(List.of(MeasurementPeriod.year(2023), MeasurementPeriod.year(2024)));

  private static SparkSession spark;
  private static Evaluator evaluator;

  @TempDir
  Path folder;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start();
    evaluator = Evaluator.compileAll(Catalogue.definitions());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private Extract readCsv(RandomExtract random) throws IOException {
    random.writeCsv(folder);
    return CsvExtractReader.create().withCodeSystems(Catalogue.definitions().declaredSystems()).read(folder);
  }

  private ResultTable onSpark(RandomExtract random, Extract read, int partitions) {
    return SparkEvaluator.of(evaluator).withPartitions(partitions).withAsOf(read.asOf()).evaluate(
        LocalSpark.textTable(spark, RandomExtract.PATIENT_COLUMNS, random.patients),
        LocalSpark.textTable(spark, RandomExtract.LISTING_COLUMNS, random.listings),
        LocalSpark.textTable(spark, RandomExtract.EVENT_COLUMNS, random.events),
        read.organisation(), OPTIONS);
  }

  /** The reasons of the examples of every reason with fewer rows than are kept as examples (all of them kept). */
  private static List<String> allExampleReasons(Reconciliation reconciliation) {
    Map<String, Long> perReason = new TreeMap<>();
    reconciliation.counts().values().forEach(lines -> lines.forEach((line, n) -> {
      if (line.outcome() != Outcome.USED) {
        perReason.merge(line.outcome() + " " + line.reason(), n, Long::sum);
      }
    }));
    return LocalSpark.exampleReasons(reconciliation).stream().filter(example -> perReason.entrySet().stream()
        .anyMatch(e -> example.startsWith(e.getKey() + " ") && e.getValue() < Reconciliation.EXAMPLES_PER_REASON))
        .toList();
  }

  @Test
  void evaluate_randomExtracts_givesTheInProcessResults() throws IOException {
    int[] partitionCounts = {1, 2, 3, 7, 5, 2};
    for (int seed = 0; seed < partitionCounts.length; seed++) {
      RandomExtract random = RandomExtract.generate(seed, 100 + 60 * seed);
      Extract read = readCsv(random);
      ResultTable inProcess = evaluator.evaluate(read, OPTIONS);

      ResultTable onSpark = onSpark(random, read, partitionCounts[seed]);

      LocalSpark.assertSameResults(inProcess, onSpark);
      assertEquals(allExampleReasons(inProcess.reconciliation()), allExampleReasons(onSpark.reconciliation()),
          "seed " + seed);
      assertTrue(inProcess.rows().stream().anyMatch(r -> r.counts().denominator() > 0), "seed " + seed);
    }
  }

  @Test
  void evaluate_oneTwoOrSevenPartitions_givesIdenticalResults() throws IOException {
    RandomExtract random = RandomExtract.generate(42, 300);
    Extract read = readCsv(random);

    ResultTable one = onSpark(random, read, 1);
    ResultTable two = onSpark(random, read, 2);
    ResultTable seven = onSpark(random, read, 7);

    for (ResultTable other : List.of(two, seven)) {
      assertEquals(one.rows(), other.rows());
      assertEquals(one.provenance(), other.provenance());
      assertEquals(one.reconciliation().counts(), other.reconciliation().counts());
      assertEquals(one.reconciliation().exactDuplicates(), other.reconciliation().exactDuplicates());
    }
    LocalSpark.assertSameResults(evaluator.evaluate(read, OPTIONS), seven);
  }

  @Test
  void evaluate_rejectedRows_areCountedWithReasonAndLocation() throws IOException {
    RandomExtract random = RandomExtract.generate(7, 20);
    Extract read = readCsv(random);

    Reconciliation account = onSpark(random, read, 3).reconciliation();

    assertEquals(random.patients.size(), account.read(SparkEvaluator.PATIENTS));
    assertEquals(random.listings.size(), account.read(SparkEvaluator.LISTINGS));
    assertEquals(random.events.size(), account.read(SparkEvaluator.EVENTS));
    assertEquals(4, account.count(SparkEvaluator.PATIENTS, Outcome.REJECTED), account.summary());
    for (String reason : List.of("unknown patient", "unknown event type", "unknown code system", "unparseable number",
        "unparseable date", "unknown status", "negative quantity", "unreadable value code", "missing value")) {
      assertEquals(1L, account.counts().get(SparkEvaluator.EVENTS).get(new Reconciliation.Line(Outcome.REJECTED,
          reason)), reason + "\n" + account.summary());
    }
    assertEquals(read.reconciliation().count("events.csv", Outcome.REJECTED),
        account.count(SparkEvaluator.EVENTS, Outcome.REJECTED));
    assertEquals(account.read(SparkEvaluator.EVENTS), account.count(SparkEvaluator.EVENTS, Outcome.USED)
        + account.count(SparkEvaluator.EVENTS, Outcome.EXCLUDED) + account.count(SparkEvaluator.EVENTS,
            Outcome.REJECTED));
    Rejection status = account.examples().stream().filter(r -> r.reason().equals("unknown status")).findFirst()
        .orElseThrow();
    assertEquals(SparkEvaluator.EVENTS, status.location().source());
    assertEquals("status", status.location().column().orElseThrow());
    int statusRow = 0;
    while (!random.events.get(statusRow)[10].equals("finished")) {
      statusRow++;
    }
    assertEquals(statusRow + 1, status.location().line(), status.toString());
    assertTrue(status.detail().startsWith("finished (expected one of"), status.detail());
  }

  @Test
  void evaluate_withoutRowNumbers_locatesRejectedRowsByTableAndColumn() throws IOException {
    RandomExtract random = RandomExtract.generate(8, 20);
    Extract read = readCsv(random);

    Reconciliation account = SparkEvaluator.of(evaluator).withPartitions(2).withoutRowNumbers().evaluate(
        LocalSpark.textTable(spark, RandomExtract.PATIENT_COLUMNS, random.patients),
        LocalSpark.textTable(spark, RandomExtract.LISTING_COLUMNS, random.listings),
        LocalSpark.textTable(spark, RandomExtract.EVENT_COLUMNS, random.events),
        read.organisation(), OPTIONS).reconciliation();

    assertEquals(patientCountsOf(read), LocalSpark.patientCounts(account));
    Rejection status = account.examples().stream().filter(r -> r.reason().equals("unknown status")).findFirst()
        .orElseThrow();
    assertEquals("events [status]", status.location().toString());
  }

  private static Map<String, ?> patientCountsOf(Extract read) {
    return LocalSpark.patientCounts(evaluator.evaluate(read, OPTIONS).reconciliation());
  }

  @Test
  void evaluate_missingColumn_namesTableColumnAndType() {
    Dataset<Row> patients = LocalSpark.textTable(spark, RandomExtract.PATIENT_COLUMNS, List.of());
    Dataset<Row> listings = LocalSpark.textTable(spark, RandomExtract.LISTING_COLUMNS, List.of());
    Dataset<Row> events = LocalSpark.textTable(spark, RandomExtract.EVENT_COLUMNS, List.of()).drop("system");

    ExtractException e = assertThrows(ExtractException.class, () -> SparkEvaluator.of(evaluator)
        .evaluate(patients, listings, events, organisation(), OPTIONS));

    assertEquals(1, e.problems().size(), e.getMessage());
    Rejection problem = e.problems().get(0);
    assertEquals("missing column", problem.reason());
    assertEquals("events [system]", problem.location().toString());
    assertTrue(problem.detail().startsWith("expected text (string); the table has patient_id, type, code, date"),
        problem.detail());
  }

  @Test
  void evaluate_mistypedColumns_namesEachTableColumnAndType() {
    Dataset<Row> patients = LocalSpark.textTable(spark, RandomExtract.PATIENT_COLUMNS, List.of())
        .withColumn("BIRTH_DATE", lit(19500101));
    Dataset<Row> listings = LocalSpark.textTable(spark, RandomExtract.LISTING_COLUMNS, List.of())
        .withColumn("valid_to", current_timestamp());
    Dataset<Row> events = LocalSpark.textTable(spark, RandomExtract.EVENT_COLUMNS, List.of())
        .withColumn("value", lit(true));

    List<String> problems = new ArrayList<>();
    for (int table = 0; table < 3; table++) {
      Dataset<Row> p = table == 0 ? patients : LocalSpark.textTable(spark, RandomExtract.PATIENT_COLUMNS, List.of());
      Dataset<Row> l = table == 1 ? listings : LocalSpark.textTable(spark, RandomExtract.LISTING_COLUMNS, List.of());
      Dataset<Row> ev = table == 2 ? events : LocalSpark.textTable(spark, RandomExtract.EVENT_COLUMNS, List.of());
      ExtractException e = assertThrows(ExtractException.class, () -> SparkEvaluator.of(evaluator)
          .evaluate(p, l, ev, organisation(), OPTIONS));
      e.problems().forEach(r -> problems.add(r.location() + ": " + r.reason() + " (" + r.detail() + ")"));
    }

    assertEquals(List.of(
        "patients [birth_date]: wrong column type (expected date (date, or string holding YYYY-MM-DD), found int)",
        "listings [valid_to]: wrong column type (expected date (date, or string holding YYYY-MM-DD), found timestamp)",
        "events [value]: wrong column type (expected number (a numeric type, or string holding a decimal), found"
            + " boolean)"), problems);
  }

  private Organisation organisation() {
    try {
      return readCsv(RandomExtract.generate(1, 1)).organisation();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
