package org.klynge.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.klynge.core.data.Extract;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.io.CsvExtractWriter;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.UnitConversion;
import org.klynge.core.result.Level;
import org.klynge.core.result.ResultRow;
import org.klynge.core.result.ResultTable;
import org.klynge.examples.bench.Benchmark;
import org.klynge.examples.synthetic.SyntheticNation;
import org.klynge.spark.SparkEvaluator;

/**
 * The Spark benchmark: the benchmark package's six indicators (those of the examples' {@link
 * Benchmark}) over the synthetic nation read from Parquet, evaluated by {@link SparkEvaluator}
 * and by the same indicators written as Spark SQL (the examples' DuckDB query, translated), on
 * the same local session.
 *
 * <p>The nation is generated at the scale given (default 0.2), written as CSV, loaded by Spark
 * with typed columns and written as Parquet into a temporary folder; both implementations read
 * the Parquet tables. The clinic-level denominators and numerators (events, for the rate) of the
 * two must be identical, or the benchmark stops with exit code 1 before any time is printed.
 * Each implementation then runs five times, alternating, on {@code local[2]} (the check is
 * their warm-up); the Klynge runner then runs again, after one warm-up, five times on a
 * {@code local[1]} session. Both use {@value #PARTITIONS} partitions. It prints
 *
 * <pre>
 * spark: klynge X s, spark sql Y s, speedup Z
 * spark scaling: local[1] X s, local[2] Y s
 * </pre>
 *
 * <p>(medians; speedup = Spark SQL's median ÷ Klynge's). It lives in the module's tests because
 * the generator is in {@code klynge-examples}, a test dependency; {@code examples/spark/bench-spark.sh}
 * builds the module and runs it.
 */
public final class SparkBenchmark {

  private static final int YEAR = 2024;
  private static final int RUNS = 5;
  private static final int PARTITIONS = 8;
  private static final long SEED = 42;

  private static final String PATIENTS = "patient_id STRING, sex STRING, birth_date DATE, death_date DATE";
  private static final String LISTINGS = "patient_id STRING, clinic_id STRING, valid_from DATE, valid_to DATE";
  private static final String EVENTS = "patient_id STRING, type STRING, system STRING, code STRING, date DATE,"
      + " value DOUBLE, unit STRING, quantity DOUBLE, end_date DATE, value_code STRING, status STRING,"
      + " event_id STRING";

  private SparkBenchmark() {}

  /** The three tables as Spark reads them back from Parquet. */
  private record Tables(Dataset<Row> patients, Dataset<Row> listings, Dataset<Row> events) {}

  /**
   * Runs the benchmark.
   *
   * @param args the scale, optionally (default 0.2)
   */
  public static void main(String[] args) throws Exception {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.2;
    MeasurementPeriod period = MeasurementPeriod.year(YEAR);
    Path folder = Files.createTempDirectory("klynge-spark-bench");
    try {
      System.out.printf(Locale.ROOT, "generating the synthetic nation at scale %.3f …%n", scale);
      Extract extract = SyntheticNation.generate(new SyntheticNation.Settings(scale, SEED, YEAR));
      System.out.printf(Locale.ROOT, "%,d patients, %,d events; writing CSV …%n", extract.patients().patientCount(),
          extract.patients().eventCount());
      CsvExtractWriter.write(extract, folder);
      Organisation organisation = extract.organisation();
      Map<String, LocalDate> asOf = extract.asOf();
      extract = null;
      Evaluator evaluator = Evaluator.compileAll(Benchmark.definitions());
      EvaluationOptions options = EvaluationOptions.of(period);

      double[] klyngeTwo;
      double[] sql;
      SparkSession spark = start(2);
      try {
        System.out.println("writing Parquet with Spark and reading it back …");
        Tables tables = new Tables(parquet(spark, folder, "patients", PATIENTS), parquet(spark, folder, "listings",
            LISTINGS), parquet(spark, folder, "events", EVENTS));
        SparkEvaluator runner = SparkEvaluator.of(evaluator).withPartitions(PARTITIONS).withAsOf(asOf);
        String query = query(spark, tables, period.start(), period.referenceDate());

        System.out.println("checking that the counts agree …");
        Map<String, long[]> klynge = counts(runner.evaluate(tables.patients(), tables.listings(), tables.events(),
            organisation, options));
        Map<String, long[]> bySql = counts(spark.sql(query).collectAsList());
        List<String> differences = differences(klynge, bySql, 10);
        if (!differences.isEmpty()) {
          System.err.println("spark: the clinic counts of Klynge and Spark SQL differ; no times are printed:");
          differences.forEach(d -> System.err.println("  " + d));
          System.exit(1);
        }
        System.out.printf(Locale.ROOT, "counts agree: %,d cells (indicator × clinic) identical%n", klynge.size());

        klyngeTwo = new double[RUNS];
        sql = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
          klyngeTwo[i] = time(() -> runner.evaluate(tables.patients(), tables.listings(), tables.events(),
              organisation, options));
          sql[i] = time(() -> spark.sql(query).collectAsList());
          System.out.printf(Locale.ROOT, "run %d of %d: klynge %.2f s, spark sql %.2f s%n", i + 1, RUNS, klyngeTwo[i],
              sql[i]);
        }
      } finally {
        spark.stop();
      }

      double[] klyngeOne = new double[RUNS];
      SparkSession one = start(1);
      try {
        Tables tables = new Tables(one.read().parquet(folder.resolve("patients.parquet").toString()),
            one.read().parquet(folder.resolve("listings.parquet").toString()),
            one.read().parquet(folder.resolve("events.parquet").toString()));
        SparkEvaluator runner = SparkEvaluator.of(evaluator).withPartitions(PARTITIONS).withAsOf(asOf);
        runner.evaluate(tables.patients(), tables.listings(), tables.events(), organisation, options);
        for (int i = 0; i < RUNS; i++) {
          klyngeOne[i] = time(() -> runner.evaluate(tables.patients(), tables.listings(), tables.events(),
              organisation, options));
          System.out.printf(Locale.ROOT, "local[1] run %d of %d: klynge %.2f s%n", i + 1, RUNS, klyngeOne[i]);
        }
      } finally {
        one.stop();
      }

      System.out.printf(Locale.ROOT, "spark: klynge %.2f s, spark sql %.2f s, speedup %.2f%n", median(klyngeTwo),
          median(sql), median(sql) / median(klyngeTwo));
      System.out.printf(Locale.ROOT, "spark scaling: local[1] %.2f s, local[2] %.2f s%n", median(klyngeOne),
          median(klyngeTwo));
    } finally {
      delete(folder);
    }
  }

  /** A local session on {@code cores} cores, bound to the loopback address, without the web UI. */
  private static SparkSession start(int cores) {
    return SparkSession.builder()
        .master("local[" + cores + "]")
        .appName("klynge-spark-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", String.valueOf(PARTITIONS))
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
  }

  /** The CSV file of {@code table} loaded with typed columns, written as Parquet and read back. */
  private static Dataset<Row> parquet(SparkSession spark, Path folder, String table, String schema) {
    String parquet = folder.resolve(table + ".parquet").toString();
    spark.read().option("header", "true").option("escape", "\"").option("multiLine", "true")
        .schema(StructType.fromDDL(schema)).csv(folder.resolve(table + ".csv").toString())
        .write().parquet(parquet);
    return spark.read().parquet(parquet);
  }

  /**
   * The six indicators as one Spark SQL query over the tables, rolled up to clinics: the DuckDB
   * query of the examples' benchmark, on the tables' text columns; registers the views it reads.
   */
  private static String query(SparkSession spark, Tables tables, LocalDate start, LocalDate reference) {
    tables.patients().createOrReplaceTempView("patients");
    tables.listings().createOrReplaceTempView("listings");
    tables.events().createOrReplaceTempView("events");
    // the HbA1c units and their conversion to mmol/mol, by the numbers the engine uses
    List<Row> units = new ArrayList<>();
    for (Row r : tables.events().where("code = 'NPU27300'").select("unit").distinct().collectAsList()) {
      String unit = r.isNullAt(0) ? "" : r.getString(0);
      Optional<UnitConversion.Linear> linear = UnitConversion.between(unit, UnitConversion.MMOL_PER_MOL);
      units.add(RowFactory.create(unit, linear.map(UnitConversion.Linear::scale).orElse(null),
          linear.map(UnitConversion.Linear::offset).orElse(null)));
    }
    spark.createDataFrame(units, new StructType()
        .add("unit", DataTypes.StringType).add("scale", DataTypes.DoubleType).add("offset", DataTypes.DoubleType))
        .createOrReplaceTempView("units");
    int rp = reference.getYear() * 10000 + reference.getMonthValue() * 100 + reference.getDayOfMonth();
    return """
        WITH flagged AS (
          SELECT patient_id, date, value, coalesce(unit, '') AS unit,
            type = 'diagnosis' AND ((system = 'icpc2' AND startswith(code, 'T90')) OR (system = 'icd10' AND startswith(code, 'DE11'))) AS t2d,
            type = 'lab' AND system = 'npu' AND code = 'NPU27300' AS hba1c,
            type = 'prescription' AND system = 'atc' AND startswith(code, 'C10AA') AS statin,
            type = 'service' AND system = 'fee' AND code = '0120' AS control,
            type = 'prescription' AND system = 'atc' AND (startswith(code, 'J01CA08') OR startswith(code, 'J01EB02')
                OR startswith(code, 'J01XE01') OR startswith(code, 'J01EA01')) AS uti,
            type = 'diagnosis' AND ((system = 'icpc2' AND startswith(code, 'P70')) OR (system = 'icd10' AND (startswith(code, 'DF00')
                OR startswith(code, 'DF01') OR startswith(code, 'DF02') OR startswith(code, 'DF03')))) AS dementia,
            type = 'prescription' AND system = 'atc' AND startswith(code, 'N06D') AS anti_dementia,
            type = 'prescription' AND system = 'atc' AND startswith(code, 'N05A') AS antipsychotic
          FROM events
          WHERE date <= DATE'%2$s'),
        attributed AS (
          SELECT p.patient_id, l.clinic_id, p.sex = 'F' AS female,
                 div(%3$d - (year(p.birth_date) * 10000 + month(p.birth_date) * 100 + day(p.birth_date)), 10000) AS age
          FROM patients p JOIN listings l ON l.patient_id = p.patient_id
            AND l.valid_from <= DATE'%2$s' AND coalesce(l.valid_to, DATE'9999-12-31') >= DATE'%2$s'
          WHERE p.death_date IS NULL OR p.death_date >= DATE'%2$s'),
        per_patient AS (
          SELECT e.patient_id,
            bool_or(t2d) AS t2d,
            bool_or(dementia) AS dementia,
            bool_or(hba1c AND date >= DATE'%1$s') AS measured,
            bool_or(statin AND date >= DATE'%1$s') AS statin,
            bool_or(control AND date >= DATE'%1$s') AS control,
            bool_or(anti_dementia AND date >= DATE'%1$s') AS anti_dementia,
            bool_or(antipsychotic AND date >= DATE'%1$s') AS antipsychotic,
            count(*) FILTER (WHERE uti AND date >= DATE'%1$s') AS uti_events,
            max_by(u.scale * e.value + u.offset, struct(e.date, u.scale * e.value + u.offset))
              FILTER (WHERE hba1c AND date >= DATE'%1$s' AND e.value IS NOT NULL AND u.scale IS NOT NULL) AS latest
          FROM flagged e LEFT JOIN units u ON u.unit = e.unit
          WHERE t2d OR hba1c OR statin OR control OR uti OR dementia OR anti_dementia OR antipsychotic
          GROUP BY e.patient_id),
        joined AS (
          SELECT a.clinic_id, a.female, a.age,
                 a.age >= 18 AND coalesce(x.t2d, false) AS diabetic,
                 coalesce(x.measured, false) AS measured, x.latest,
                 coalesce(x.statin, false) AS statin, coalesce(x.control, false) AS control,
                 coalesce(x.uti_events, 0) AS uti_events,
                 a.age >= 65 AND (coalesce(x.dementia, false) OR coalesce(x.anti_dementia, false)) AS demented,
                 coalesce(x.antipsychotic, false) AS antipsychotic
          FROM attributed a LEFT JOIN per_patient x ON x.patient_id = a.patient_id)
        SELECT clinic_id,
          count_if(diabetic) AS diabetics,
          count_if(diabetic AND measured) AS measured,
          count_if(diabetic AND measured AND latest > 58) AS above,
          count_if(diabetic AND statin) AS statin,
          count_if(diabetic AND control) AS control,
          count_if(female AND age >= 18) AS women,
          coalesce(sum(uti_events) FILTER (WHERE female AND age >= 18), 0) AS uti_events,
          count_if(demented) AS demented,
          count_if(demented AND antipsychotic) AS demented_antipsychotic
        FROM joined
        GROUP BY clinic_id
        """.formatted(start, reference, rp);
  }

  /** Klynge's clinic counts: per indicator and clinic, the denominator and the numerator (events, for the rate). */
  private static Map<String, long[]> counts(ResultTable table) {
    Map<String, long[]> out = new TreeMap<>();
    for (ResultRow r : table.rows()) {
      if (r.level() != Level.CLINIC || r.counts().initialPopulation() == 0) {
        continue;
      }
      boolean rate = r.indicatorId().equals("uti-per-1000-women");
      add(out, r.indicatorId(), r.unitId(), r.counts().effectiveDenominator(),
          rate ? r.counts().events() : r.counts().effectiveNumerator());
    }
    return out;
  }

  /** The query's clinic counts, keyed as {@link #counts(ResultTable)}. */
  private static Map<String, long[]> counts(List<Row> rows) {
    Map<String, long[]> out = new TreeMap<>();
    for (Row r : rows) {
      String clinic = r.getAs("clinic_id");
      long diabetics = r.<Long>getAs("diabetics");
      if (diabetics > 0) {
        add(out, "hba1c-measured", clinic, diabetics, r.<Long>getAs("measured"));
        add(out, "hba1c-above-58", clinic, r.<Long>getAs("measured"), r.<Long>getAs("above"));
        add(out, "statin-treated", clinic, diabetics, r.<Long>getAs("statin"));
        add(out, "annual-control", clinic, diabetics, r.<Long>getAs("control"));
      }
      if (r.<Long>getAs("women") > 0) {
        add(out, "uti-per-1000-women", clinic, r.<Long>getAs("women"), r.<Long>getAs("uti_events"));
      }
      if (r.<Long>getAs("demented") > 0) {
        add(out, "dementia-antipsychotics", clinic, r.<Long>getAs("demented"),
            r.<Long>getAs("demented_antipsychotic"));
      }
    }
    return out;
  }

  private static void add(Map<String, long[]> cells, String indicator, String clinic, long denominator,
      long numerator) {
    long[] c = cells.computeIfAbsent(indicator + " | " + clinic, k -> new long[2]);
    c[0] += denominator;
    c[1] += numerator;
  }

  /** The cells where {@code a} and {@code b} differ, at most {@code limit}. */
  private static List<String> differences(Map<String, long[]> a, Map<String, long[]> b, int limit) {
    List<String> out = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String k : keys) {
      long[] x = a.getOrDefault(k, new long[2]);
      long[] y = b.getOrDefault(k, new long[2]);
      if (x[0] != y[0] || x[1] != y[1]) {
        out.add(k + ": klynge " + x[0] + "/" + x[1] + " vs spark sql " + y[0] + "/" + y[1]);
        if (out.size() >= limit) {
          break;
        }
      }
    }
    return out;
  }

  /** A timed piece of work. */
  private interface Work {
    Object run() throws Exception;
  }

  private static double time(Work work) throws Exception {
    long t = System.nanoTime();
    if (work.run() == null) {
      throw new IllegalStateException("benchmark work returned nothing");
    }
    return (System.nanoTime() - t) / 1e9;
  }

  private static double median(double[] times) {
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
