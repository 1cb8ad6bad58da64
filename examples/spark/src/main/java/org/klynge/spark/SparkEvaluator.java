package org.klynge.spark;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.klynge.core.data.DuplicatePolicy;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.engine.PartialResult;
import org.klynge.core.io.ExtractTable;
import org.klynge.core.model.EventType;
import org.klynge.core.model.Organisation;
import org.klynge.core.result.ResultTable;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Evaluates compiled indicators over patient data held in Spark: the same engine and the same
 * numbers as {@link Evaluator#evaluate}, for data too large for one machine or kept in a lake.
 *
 * <p>The patients, listings and events are {@code Dataset<Row>}s with the columns of {@code
 * docs/data-format.md} (matched ignoring case, other columns ignored); dates may be Spark {@code
 * date}s or ISO text, numbers any numeric type or decimal text. The organisation is given, as to
 * {@link Evaluator#finish}. The three tables are repartitioned by {@code patient_id} into the same
 * partitions and sorted by patient within them; each partition becomes an extract on its executor,
 * checked row by row as the CSV reader checks a file, and is evaluated there to a
 * {@link PartialResult}; the partial results are tree-reduced by {@link PartialResult#plus} and
 * finished on the driver.
 *
 * <pre>{@code
 * Evaluator compiled = Evaluator.compileAll(Catalogue.definitions());
 * ResultTable results = SparkEvaluator.of(compiled).withPartitions(64)
 *     .evaluate(patients, listings, events, organisation, EvaluationOptions.of(MeasurementPeriod.year(2024)));
 * }</pre>
 *
 * <p>A bad row is rejected and counted in the result's reconciliation under the table's name
 * ({@code patients}, {@code listings}, {@code events}), never dropped: its location is the table,
 * the column and, as the line, the row's 1-based number in the Dataset as Spark reads it (input
 * partitions in order, rows in order within them: for one Parquet file, its row order), counted
 * by a small job per table unless {@link #withoutRowNumbers()}. An {@code event_id} is
 * checked for duplicates among the events of one patient (all of a patient's rows are in one
 * partition).
 *
 * <p>Immutable; {@link #evaluate} may be called from any thread with the session's Datasets.
 */
public final class SparkEvaluator {

  /** The source patient rows are counted under. */
  public static final String PATIENTS = ExtractTable.PATIENTS.tableName();
  /** The source listing rows are counted under. */
  public static final String LISTINGS = ExtractTable.LISTINGS.tableName();
  /** The source event rows are counted under. */
  public static final String EVENTS = ExtractTable.EVENTS.tableName();

  private static final String LINE = "__klynge_line";

  private final Evaluator evaluator;
  private final int partitions;
  private final ImmutableSortedMap<String, LocalDate> asOf;
  private final ImmutableMap<EventType, DuplicatePolicy> duplicates;
  private final boolean rowNumbers;

  private SparkEvaluator(Evaluator evaluator, int partitions, ImmutableSortedMap<String, LocalDate> asOf,
      ImmutableMap<EventType, DuplicatePolicy> duplicates, boolean rowNumbers) {
    this.evaluator = evaluator;
    this.partitions = partitions;
    this.asOf = asOf;
    this.duplicates = duplicates;
    this.rowNumbers = rowNumbers;
  }

  /**
   * A runner of {@code evaluator} with as many partitions as the session's default parallelism
   * (one per core of the cluster), no data dates and the default duplicate policies.
   */
  public static SparkEvaluator of(Evaluator evaluator) {
    return new SparkEvaluator(requireNonNull(evaluator, "evaluator"), 0, ImmutableSortedMap.of(), ImmutableMap.of(),
        true);
  }

  /** This runner with the patients divided into {@code n} partitions (see {@code docs/spark.md} on sizing). */
  public SparkEvaluator withPartitions(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, was " + n);
    }
    return new SparkEvaluator(evaluator, n, asOf, duplicates, rowNumbers);
  }

  /** This runner recording the date each source's data is complete to, as {@code asof.csv} does. */
  public SparkEvaluator withAsOf(Map<String, LocalDate> dates) {
    return new SparkEvaluator(evaluator, partitions, ImmutableSortedMap.copyOf(dates), duplicates, rowNumbers);
  }

  /** This runner taking exact duplicates of events of {@code type} by {@code policy}. */
  public SparkEvaluator withDuplicates(EventType type, DuplicatePolicy policy) {
    Map<EventType, DuplicatePolicy> policies = new EnumMap<>(EventType.class);
    policies.putAll(duplicates);
    policies.put(requireNonNull(type, "type"), requireNonNull(policy, "policy"));
    return new SparkEvaluator(evaluator, partitions, asOf, ImmutableMap.copyOf(policies), rowNumbers);
  }

  /**
   * This runner without row numbers: rejected rows are located by table and column only (line 0),
   * which saves the small job per table that counts the rows of each input partition.
   */
  public SparkEvaluator withoutRowNumbers() {
    return new SparkEvaluator(evaluator, partitions, asOf, duplicates, false);
  }

  /** The partitions asked for; 0 for the session's default parallelism. */
  public int partitions() {
    return partitions;
  }

  /**
   * The result table of every indicator and period of {@code options} over the patients, with
   * {@code organisation}'s clinics, clusters and regions: the table {@link Evaluator#evaluate}
   * gives for the same rows read as an extract.
   *
   * @throws org.klynge.core.io.ExtractException when a table lacks a required column, has one
   *     twice, or a column's type cannot hold its values (naming table, column and type expected)
   */
  public ResultTable evaluate(Dataset<Row> patients, Dataset<Row> listings, Dataset<Row> events,
      Organisation organisation, EvaluationOptions options) {
    return evaluator.finish(evaluatePart(patients, listings, events, organisation, options), organisation);
  }

  /**
   * The merged partial result of all partitions, before {@link Evaluator#finish}: for jobs that
   * merge it with results of other data first.
   *
   * @throws org.klynge.core.io.ExtractException as {@link #evaluate}
   */
  public PartialResult evaluatePart(Dataset<Row> patients, Dataset<Row> listings, Dataset<Row> events,
      Organisation organisation, EvaluationOptions options) {
    requireNonNull(organisation, "organisation");
    requireNonNull(options, "options");
    TableSchema patientSchema = TableSchema.check(ExtractTable.PATIENTS, requireNonNull(patients, "patients"));
    TableSchema listingSchema = TableSchema.check(ExtractTable.LISTINGS, requireNonNull(listings, "listings"));
    TableSchema eventSchema = TableSchema.check(ExtractTable.EVENTS, requireNonNull(events, "events"));
    SparkSession spark = patients.sparkSession();
    int n = partitions > 0 ? partitions : spark.sparkContext().defaultParallelism();
    RDD<Row> patientRows = byPatient(patients, patientSchema, n);
    RDD<Row> listingRows = byPatient(listings, listingSchema, n);
    RDD<Row> eventRows = byPatient(events, eventSchema, n);
    for (RDD<Row> rdd : List.of(patientRows, listingRows, eventRows)) {
      if (rdd.getNumPartitions() != n) {
        throw new IllegalStateException("Spark made " + rdd.getNumPartitions() + " partitions where " + n
            + " were asked for; the tables would not be co-partitioned");
      }
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<ShippedEvaluator> shippedEvaluator = context.broadcast(new ShippedEvaluator(evaluator));
    Broadcast<ShippedOrganisation> shippedOrganisation = context.broadcast(new ShippedOrganisation(organisation));
    try {
      PartEvaluation perPartition = new PartEvaluation(shippedEvaluator, shippedOrganisation, patientSchema.header(),
          listingSchema.header(), eventSchema.header(), asOf, duplicates, options.periods());
      ClassTag<Row> row = ClassTag$.MODULE$.apply(Row.class);
      RDD<PartialResult> partials = patientRows.zipPartitions(listingRows, eventRows, false, perPartition, row, row,
          ClassTag$.MODULE$.apply(PartialResult.class));
      return partials.toJavaRDD().treeReduce(PartialResult::plus);
    } finally {
      shippedEvaluator.destroy();
      shippedOrganisation.destroy();
    }
  }

  /** The table's known columns and each row's line, in {@code n} partitions by patient, sorted by patient and line. */
  private RDD<Row> byPatient(Dataset<Row> data, TableSchema schema, int n) {
    Column[] selected = schema.select();
    Column[] withLine = Arrays.copyOf(selected, selected.length + 1);
    withLine[selected.length] = (rowNumbers ? RowNumbers.of(data) : RowNumbers.unknown()).as(LINE);
    return data.select(withLine)
        .repartition(n, col("patient_id"))
        .sortWithinPartitions(col("patient_id"), col(LINE))
        .rdd();
  }
}
