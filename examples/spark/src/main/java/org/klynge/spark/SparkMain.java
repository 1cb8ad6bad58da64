package org.klynge.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.klynge.core.data.Extract;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Granularity;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.format.DefinitionLoader;
import org.klynge.core.io.CsvExtractReader;
import org.klynge.core.io.ExtractException;
import org.klynge.core.io.ExtractTable;
import org.klynge.core.result.ResultTable;
import org.klynge.core.result.ResultWriter;
import org.klynge.core.validation.DefinitionException;
import org.klynge.indicators.Catalogue;

/**
 * The {@code spark-submit} job: patients, listings and events from Parquet (or another Spark
 * source, or tables), the organisation from a folder of CSV files as the command line reads it,
 * the bundled catalogue or definition files, one period; the result table written as CSV on the
 * driver and as Parquet through Spark. See {@code docs/spark.md}.
 *
 * <pre>
 * spark-submit --class org.klynge.spark.SparkMain klynge-spark-job.jar \
 *   --patients lake/patients --listings lake/listings --events lake/events \
 *   --organisation organisation/ --period 2024 --out results/
 * </pre>
 *
 * <p>Exit codes: 0 done, 1 bad input (data, organisation or definitions), 2 bad arguments.
 */
public final class SparkMain {

  private static final List<String> OPTIONS = List.of("--patients", "--listings", "--events", "--organisation",
      "--definitions", "--package", "--period", "--granularity", "--partitions", "--format", "--out", "--parquet");

  private SparkMain() {}

  /** Runs the job with {@code args}; exits with the job's code. */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the job in the active (or a new) Spark session; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("klynge-spark: " + e.getMessage());
      err.println(usage());
      return 2;
    }
    try {
      SparkSession spark = SparkSession.builder().appName("klynge").getOrCreate();
      DefinitionSet definitions = options.containsKey("--definitions")
          ? DefinitionLoader.load(Arrays.stream(options.get("--definitions").split(",")).map(Path::of).toList())
              .orThrow()
          : Catalogue.definitions();
      Evaluator evaluator = options.containsKey("--package")
          ? Evaluator.forPackage(definitions, options.get("--package")) : Evaluator.compileAll(definitions);
      Extract organisation = readOrganisation(Path.of(options.get("--organisation")));
      EvaluationOptions evaluation = evaluationOptions(options);
      SparkEvaluator runner = SparkEvaluator.of(evaluator).withAsOf(organisation.asOf());
      if (options.containsKey("--partitions")) {
        runner = runner.withPartitions(Integer.parseInt(options.get("--partitions")));
      }
      String format = options.getOrDefault("--format", "parquet");
      long started = System.nanoTime();
      ResultTable results = runner.evaluate(read(spark, format, options.get("--patients")),
          read(spark, format, options.get("--listings")), read(spark, format, options.get("--events")),
          organisation.organisation(), evaluation);
      double seconds = (System.nanoTime() - started) / 1e9;

      Path outFolder = Path.of(options.get("--out"));
      Files.createDirectories(outFolder);
      Path csv = outFolder.resolve("results.csv");
      ResultWriter.write(results, csv);
      Files.writeString(outFolder.resolve("reconciliation.txt"), results.reconciliation().summary());
      String parquet = options.getOrDefault("--parquet", outFolder.resolve("results.parquet").toString());
      ResultRows.of(spark, results).coalesce(1).write().mode(SaveMode.Overwrite).parquet(parquet);
      out.printf("evaluated %d indicators in %.1f s: %d rows to %s and %s%n", evaluator.indicators().size(), seconds,
          results.rows().size(), csv, parquet);
      out.print(results.reconciliation().summary());
      return 0;
    } catch (ExtractException | DefinitionException e) {
      err.println("klynge-spark: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("klynge-spark: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("klynge-spark: " + e.getMessage());
      return 2;
    }
  }

  private static Dataset<Row> read(SparkSession spark, String format, String where) {
    return format.equals("table") ? spark.table(where) : spark.read().format(format).load(where);
  }

  /**
   * The organisation (and as-of dates) in {@code folder}: its organisation tables in the CSV data
   * format, read by {@link CsvExtractReader} with every check it makes; patient data there is not read.
   */
  static Extract readOrganisation(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("--organisation " + folder + ": not a folder of organisation CSV files");
    }
    Path copy = Files.createTempDirectory("klynge-organisation");
    try {
      for (ExtractTable table : ExtractTable.values()) {
        Path file = folder.resolve(table.fileName());
        if (table.fatal() && Files.exists(file)) {
          Files.copy(file, copy.resolve(table.fileName()));
        } else if (!table.fatal()) {
          Files.writeString(copy.resolve(table.fileName()), String.join(",", table.requiredColumns()) + "\n");
        }
      }
      return CsvExtractReader.create().read(copy);
    } finally {
      try (var files = Files.list(copy)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(copy);
    }
  }

  private static EvaluationOptions evaluationOptions(Map<String, String> options) {
    MeasurementPeriod period = MeasurementPeriod.parse(options.get("--period"));
    String granularity = options.getOrDefault("--granularity", "whole");
    Granularity g = Granularity.fromCode(granularity).orElseThrow(() -> new IllegalArgumentException(
        "--granularity " + granularity + ": expected whole, year, quarter, month or rolling12"));
    return EvaluationOptions.of(period, g);
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!OPTIONS.contains(name)) {
        throw new IllegalArgumentException("unknown option " + name);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      if (options.put(name, args[++i]) != null) {
        throw new IllegalArgumentException(name + " is given twice");
      }
    }
    List<String> missing = new ArrayList<>();
    for (String required : List.of("--patients", "--listings", "--events", "--organisation", "--period", "--out")) {
      if (!options.containsKey(required)) {
        missing.add(required);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("missing " + String.join(", ", missing));
    }
    if (options.containsKey("--partitions") && !options.get("--partitions").matches("[1-9][0-9]{0,6}")) {
      throw new IllegalArgumentException("--partitions " + options.get("--partitions") + ": expected a whole number"
          + " of at least 1");
    }
    return options;
  }

  static String usage() {
    return String.join("\n",
        "usage: spark-submit --class org.klynge.spark.SparkMain JAR",
        "  --patients PATH --listings PATH --events PATH   the patient data (Parquet unless --format says otherwise)",
        "  --organisation DIR        regions.csv, clusters.csv, clinics.csv, ... as in docs/data-format.md",
        "  --period PERIOD           2024, 2024-Q2, 2024-03 or 2024-01-01..2024-06-30",
        "  --out DIR                 results.csv and reconciliation.txt, on the driver",
        "  [--parquet PATH]          the results as Parquet (default DIR/results.parquet)",
        "  [--definitions PATH,...]  definition files or folders (default: the bundled catalogue)",
        "  [--package ID]            only this package's indicators",
        "  [--granularity G]         whole, year, quarter, month or rolling12 (default whole)",
        "  [--partitions N]          patient partitions (default: the session's default parallelism)",
        "  [--format F]              parquet, orc, delta, ... or table (the paths are table names)");
  }
}
