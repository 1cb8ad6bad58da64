package org.klynge.examples.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark compiling and correct: at a small scale, Klynge, DuckDB and the
 * hand-written loop must agree on every count. Times are printed, never asserted.
 */
class BenchmarkSmokeTest {

  @Test
  void run_smallScale_allImplementationsAgree() throws Exception {
    StringWriter out = new StringWriter();
    var outcome = Benchmark.run(new Benchmark.Settings(0.005, 2, 1, 7, true), new PrintWriter(out));
    assertTrue(outcome.agreed(), out.toString());
    String lines = out.toString().strip();
    assertTrue(lines.substring(lines.lastIndexOf('\n') + 1).matches("speedup vs duckdb: \\d+\\.\\d\\d, vs floor: \\d+\\.\\d\\d"),
        lines);
    assertTrue(lines.matches("(?s).*\nwhole job: load [0-9.]+ s, evaluate [0-9.]+ s, assess [0-9.]+ s, publish [0-9.]+ s,"
        + " write [0-9.]+ s\n.*"), lines);
    assertTrue(lines.contains("timing klynge, 1 thread: warm-up … run 1 of 1"), lines);
  }

  @Test
  void run_withCsv_loadsTheWrittenExtractBothWays() throws Exception {
    StringWriter out = new StringWriter();
    var outcome = Benchmark.run(new Benchmark.Settings(0.002, 2, 1, 7, true, true), new PrintWriter(out));
    assertTrue(outcome.agreed(), out.toString());
    assertTrue(out.toString().matches("(?s).*csv load \\(median of 3, taking turns\\): klynge [0-9.]+ s .*ratio [0-9.]+\n.*"),
        out.toString());
  }
}
