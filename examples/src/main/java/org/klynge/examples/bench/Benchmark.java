package org.klynge.examples.bench;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.klynge.core.data.Extract;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.format.DefinitionLoader;
import org.klynge.core.format.Syntax;
import org.klynge.core.result.ResultTable;
import org.klynge.examples.synthetic.SyntheticNation;

/**
 * Runs the benchmark: generates the synthetic nation, evaluates the benchmark package with
 * Klynge (1 and N threads), with DuckDB (N threads) and with the hand-written loop (N threads),
 * checks that every count agrees, and only then prints the times; then, unless left out, runs the
 * whole job for the same extract ({@link WholeJob}: load from CSV, evaluate, assess, publish,
 * write) and prints one line of phase times. Every step says what it does before it starts and
 * each timed run prints as it ends, so the benchmark is never silent for long. The last line is
 * {@code speedup vs duckdb: X.XX, vs floor: Y.YY} (Klynge N threads' throughput ÷ the other's,
 * from median times of this run).
 */
public final class Benchmark {

  /**
   * Settings.
   *
   * @param scale the synthetic nation's scale (1.0 = 5.5 M patients)
   * @param threads threads for the parallel runs
   * @param runs timed runs of each implementation (after one warm-up)
   * @param seed the generator's seed
   * @param duckdb whether to include DuckDB
   * @param csv whether to also compare loading the extract from CSV files
   * @param wholeJob whether to run the whole job for the extract and print its phases
   */
  public record Settings(double scale, int threads, int runs, long seed, boolean duckdb, boolean csv, boolean wholeJob) {
    /** Settings with the whole job. */
    public Settings(double scale, int threads, int runs, long seed, boolean duckdb, boolean csv) {
      this(scale, threads, runs, seed, duckdb, csv, true);
    }

    /** Settings with the whole job, without the CSV load comparison. */
    public Settings(double scale, int threads, int runs, long seed, boolean duckdb) {
      this(scale, threads, runs, seed, duckdb, false, true);
    }
  }

  /** The outcome: whether all implementations agreed, and the median times in seconds. */
  public record Outcome(boolean agreed, double klyngeOne, double klyngeN, double duckdb, double floor) {}

  private static final int YEAR = 2024;

  private Benchmark() {}

  /** The benchmark package's definitions (bundled with the examples). */
  public static DefinitionSet definitions() {
    try (InputStream in = Benchmark.class.getResourceAsStream("bench-definitions.yaml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return DefinitionLoader.loadTexts(List.of(new DefinitionLoader.Source("bench-definitions.yaml", text,
          Syntax.YAML))).orThrow();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the benchmark definitions", e);
    }
  }

  /** Runs the benchmark and prints its table to {@code out}. */
  public static Outcome run(Settings s, PrintWriter out) throws Exception {
    MeasurementPeriod period = MeasurementPeriod.year(YEAR);
    LocalDate ref = period.referenceDate();
    long t0 = System.nanoTime();
    out.printf(Locale.ROOT, "generating the synthetic nation at scale %.3f … ", s.scale());
    out.flush();
    int[] tenths = {0};
    Extract extract = SyntheticNation.generate(new SyntheticNation.Settings(s.scale(), s.seed(), YEAR, false),
        (made, total) -> {
          int tenth = (int) (made * 10 / Math.max(1, total));
          if (tenth > tenths[0]) {
            tenths[0] = tenth;
            out.print(tenth == 10 ? "all patients, building the columns … " : tenth * 10 + " % … ");
            out.flush();
          }
        });
    double generate = seconds(t0);
    out.printf(Locale.ROOT, "done (%.1f s)%n", generate);
    var data = extract.patients();
    out.printf(Locale.ROOT, "data: scale %.3f, %,d patients, %,d events, %,d clinics; generated in %.1f s; columnar %.0f MiB%n",
        s.scale(), data.patientCount(), data.eventCount(), data.clinicIds().size(), generate,
        data.estimatedBytes() / 1048576.0);
    out.flush();

    Evaluator evaluator = Evaluator.compileAll(definitions());
    var one = EvaluationOptions.of(period).withThreads(1);
    var many = EvaluationOptions.of(period).withThreads(s.threads());
    OrganisationUnits units = OrganisationUnits.on(extract.organisation(), data, ref);
    HandWrittenFloor floor = new HandWrittenFloor(data, period.start(), ref);

    // correctness first: every implementation must give the same counts
    out.print("checking that the counts agree: klynge " + s.threads() + " threads … ");
    out.flush();
    ResultTable table = evaluator.evaluate(extract, many);
    BenchCounts klynge = BenchCounts.of(table);
    out.print("1 thread … ");
    out.flush();
    BenchCounts klyngeOne = BenchCounts.of(evaluator.evaluate(extract, one));
    out.print("floor … ");
    out.flush();
    BenchCounts hand = HandWrittenFloor.counts(floor.run(s.threads()), units);
    List<String> problems = new ArrayList<>();
    problems.addAll(prefix("klynge 1 thread vs N threads", klynge.differences(klyngeOne, 10)));
    problems.addAll(prefix("klynge vs floor", klynge.differences(hand, 10)));
    DuckDbBaseline duck = null;
    double duckLoad = Double.NaN;
    if (s.duckdb()) {
      out.print("loading duckdb … ");
      out.flush();
      duck = new DuckDbBaseline(s.threads());
      long l0 = System.nanoTime();
      duck.load(data, units);
      duckLoad = seconds(l0);
      out.print("duckdb … ");
      out.flush();
      problems.addAll(prefix("klynge vs duckdb", klynge.differences(duck.run(period.start(), ref), 10)));
    }
    out.println("done");
    if (!problems.isEmpty()) {
      out.println("counts differ; no times are printed:");
      problems.forEach(p -> out.println("  " + p));
      out.flush();
      if (duck != null) {
        duck.close();
      }
      return new Outcome(false, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    out.printf(Locale.ROOT, "counts agree: %,d cells (indicator × unit) identical across Klynge (1 and N threads), the floor%s%n",
        klynge.size(), s.duckdb() ? " and DuckDB" : "");
    out.flush();

    double[] kOne = time(out, "klynge, 1 thread", s.runs(), () -> evaluator.evaluate(extract, one));
    double[] kN = time(out, "klynge, " + s.threads() + " threads", s.runs(), () -> evaluator.evaluate(extract, many));
    double[] fl = time(out, "floor, " + s.threads() + " threads", s.runs(), () -> floor.run(s.threads()));
    double[] dk = new double[0];
    if (duck != null) {
      DuckDbBaseline d = duck;
      dk = time(out, "duckdb, " + s.threads() + " threads", s.runs(), () -> d.run(period.start(), ref));
      duck.close();
    }
    long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();

    out.println();
    out.printf(Locale.ROOT, "%-22s %9s %9s %9s %14s %14s%n", "implementation", "load s", "min s", "median s",
        "patients/s", "events/s");
    row(out, "klynge, 1 thread", Double.NaN, kOne, data.patientCount(), data.eventCount());
    row(out, "klynge, " + s.threads() + " threads", Double.NaN, kN, data.patientCount(), data.eventCount());
    if (dk.length > 0) {
      row(out, "duckdb, " + s.threads() + " threads", duckLoad, dk, data.patientCount(), data.eventCount());
    }
    row(out, "floor, " + s.threads() + " threads", Double.NaN, fl, data.patientCount(), data.eventCount());
    out.printf(Locale.ROOT, "memory: columnar data %.0f MiB (%.1f bytes/event), peak heap %.0f MiB; machine: %d cores, max heap %.0f MiB%n",
        data.estimatedBytes() / 1048576.0, (double) data.estimatedBytes() / Math.max(1, data.eventCount()),
        peakHeap / 1048576.0, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576.0);
    if (s.csv()) {
      CsvLoadComparison.run(extract, s.threads(), out);
    }
    if (s.wholeJob()) {
      out.println(WholeJob.run(extract, evaluator, many, out).line());
      out.flush();
    }
    double vsDuck = dk.length > 0 ? median(dk) / median(kN) : Double.NaN;
    double vsFloor = median(fl) / median(kN);
    out.printf(Locale.ROOT, "speedup vs duckdb: %.2f, vs floor: %.2f%n", vsDuck, vsFloor);
    out.flush();
    return new Outcome(true, median(kOne), median(kN), dk.length > 0 ? median(dk) : Double.NaN, median(fl));
  }

  private static List<String> prefix(String what, List<String> differences) {
    return differences.stream().map(d -> what + ": " + d).toList();
  }

  /** A timed piece of work. */
  private interface Work {
    Object run() throws Exception;
  }

  /** One warm-up, then {@code runs} timed runs; seconds each. Prints each run as it ends. */
  private static double[] time(PrintWriter log, String name, int runs, Work work) throws Exception {
    log.print("timing " + name + ": warm-up … ");
    log.flush();
    work.run();
    double[] out = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      Object result = work.run();
      out[i] = seconds(t);
      if (result == null) {
        throw new IllegalStateException("benchmark work returned nothing");
      }
      log.printf(Locale.ROOT, "run %d of %d %.3f s%s", i + 1, runs, out[i], i + 1 < runs ? ", " : "");
      log.flush();
    }
    log.println();
    log.flush();
    return out;
  }

  private static void row(PrintWriter out, String name, double load, double[] times, long patients, long events) {
    double med = median(times);
    out.printf(Locale.ROOT, "%-22s %9s %9.3f %9.3f %,14.0f %,14.0f%n", name,
        Double.isNaN(load) ? "-" : String.format(Locale.ROOT, "%.2f", load),
        Arrays.stream(times).min().orElse(Double.NaN), med, patients / med, events / med);
  }

  static double median(double[] times) {
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static ImmutableList<String> indicators() {
    return ImmutableList.copyOf(BenchCounts.INDICATORS);
  }
}
