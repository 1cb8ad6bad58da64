package org.klynge.examples.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.klynge.core.data.Extract;
import org.klynge.core.io.CsvExtractReader;
import org.klynge.core.io.CsvExtractWriter;

/**
 * Loading the CSV extract: Klynge's reader (parse, check, account for every row, build the
 * columnar layout) against DuckDB's {@code read_csv} of the same patients, listings and events
 * files into tables, side by side in one run. The two take turns, {@link #LOADS} times each,
 * and the ratio is of the medians, because one load of either varies by a fifth from run to run
 * on these machines.
 */
final class CsvLoadComparison {

  /** Loads of each, taken in turn. */
  static final int LOADS = 3;

  private CsvLoadComparison() {}

  /** Writes the extract to a temporary folder, loads it both ways, prints the times and returns Klynge ÷ DuckDB. */
  static double run(Extract extract, int threads, PrintWriter out) throws IOException, SQLException {
    Path dir = Files.createTempDirectory("klynge-bench-csv");
    try {
      long w = System.nanoTime();
      CsvExtractWriter.write(extract, dir);
      double written = (System.nanoTime() - w) / 1e9;
      long bytes;
      try (Stream<Path> files = Files.list(dir)) {
        bytes = files.mapToLong(f -> f.toFile().length()).sum();
      }
      out.printf(Locale.ROOT, "csv extract: %.0f MiB written in %.1f s%n", bytes / 1048576.0, written);
      out.flush();
      double[] klynge = new double[LOADS];
      double[] duck = new double[LOADS];
      for (int i = 0; i < LOADS; i++) {
        klynge[i] = loadWithKlynge(extract, dir);
        duck[i] = loadWithDuckDb(dir, threads);
      }
      Arrays.sort(klynge);
      Arrays.sort(duck);
      double ratio = klynge[LOADS / 2] / duck[LOADS / 2];
      out.printf(Locale.ROOT, "csv load (median of %d, taking turns): klynge %.2f s (checked, reconciled, columnar; "
          + "min %.2f), duckdb read_csv %.2f s (min %.2f); ratio %.2f%n",
          LOADS, klynge[LOADS / 2], klynge[0], duck[LOADS / 2], duck[0], ratio);
      out.flush();
      return ratio;
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static double loadWithKlynge(Extract extract, Path dir) throws IOException {
    long k = System.nanoTime();
    Extract read = CsvExtractReader.create().read(dir);
    double seconds = (System.nanoTime() - k) / 1e9;
    if (read.patients().eventCount() != extract.patients().eventCount()) {
      throw new IllegalStateException("the CSV round trip lost events: " + read.patients().eventCount()
          + " read, " + extract.patients().eventCount() + " written");
    }
    return seconds;
  }

  private static double loadWithDuckDb(Path dir, int threads) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET threads = " + threads);
      long d = System.nanoTime();
      for (String table : new String[] {"patients", "listings", "events"}) {
        s.execute("CREATE TABLE " + table + " AS SELECT * FROM read_csv('" + dir.resolve(table + ".csv") + "')");
      }
      return (System.nanoTime() - d) / 1e9;
    }
  }
}
