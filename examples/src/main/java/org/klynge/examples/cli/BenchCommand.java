package org.klynge.examples.cli;

import java.util.concurrent.Callable;
import org.klynge.examples.bench.Benchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code klynge bench}: the national benchmark against DuckDB and a hand-written loop. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = KlyngeCommand.Version.class,
    description = {
    "Generates the synthetic nation, evaluates the benchmark package with Klynge (1 and N threads), DuckDB and a"
        + " hand-written loop, checks that all counts agree, then prints times; then runs the whole job for the same"
        + " extract (load from CSV, evaluate, assess, publish, write) and prints one line of phase times.",
    "Last line: speedup vs duckdb: X.XX, vs floor: Y.YY. Use -Xmx8g or more at scale 1."})
final class BenchCommand implements Callable<Integer> {

  @Option(names = "--scale", defaultValue = "1.0", description = "1.0 = 5.5 M patients (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--threads", defaultValue = "2", description = "Threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--runs", defaultValue = "5", description = "Timed runs per implementation (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--no-duckdb", description = "Leave DuckDB out.")
  boolean noDuckdb;

  @Option(names = "--csv", description = "Also write the extract as CSV and compare loading it with DuckDB's read_csv.")
  boolean csv;

  @Option(names = "--no-whole-job", description = "Leave out the whole job (load from CSV, evaluate, assess, publish, write).")
  boolean noWholeJob;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private static boolean duckDbPresent() {
    try {
      Class.forName("org.duckdb.DuckDBDriver", false, BenchCommand.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  @Override
  public Integer call() throws Exception {
    if ((!noDuckdb || csv) && !duckDbPresent()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "bench compares Klynge with DuckDB, which klynge.jar"
          + " leaves out (about 80 MB); run examples/target/klynge-bench.jar instead, or add --no-duckdb (without --csv)");
    }
    var outcome = Benchmark.run(new Benchmark.Settings(scale, threads, runs, seed, !noDuckdb, csv, !noWholeJob), spec.commandLine().getOut());
    return outcome.agreed() ? 0 : 1;
  }
}
