package org.klynge.examples.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.klynge.core.data.Extract;
import org.klynge.core.disclosure.Audience;
import org.klynge.core.disclosure.DisclosurePolicy;
import org.klynge.core.disclosure.Viewer;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.io.CsvExtractReader;
import org.klynge.core.io.CsvExtractWriter;
import org.klynge.core.result.AssessedTable;
import org.klynge.core.result.Assessment;
import org.klynge.core.result.Publication;
import org.klynge.core.result.PublishedTable;
import org.klynge.core.result.ResultTable;
import org.klynge.core.result.ResultWriter;

/**
 * The whole job for the benchmark's extract, one phase after the other, as a user runs it: load the
 * extract from CSV files (Klynge's reader), evaluate, assess (intervals, funnels, comparisons),
 * publish for the cluster audience (disclosure control) and write the published table as CSV. Each
 * phase prints its name before it starts and its time when it ends; the summary line is {@code
 * whole job: load X s, evaluate Y s, assess Z s, publish W s, write V s}.
 */
final class WholeJob {

  /** The key that orders pseudonyms in the published table (fixed, so runs are reproducible). */
  private static final String PSEUDONYM_KEY = "klynge-bench";

  /**
   * The phases' times in seconds.
   *
   * @param load reading the CSV extract
   * @param evaluate evaluating the benchmark package
   * @param assess the statistics of every row
   * @param publish disclosure control for the cluster audience
   * @param write the published table to a CSV file
   */
  record Times(double load, double evaluate, double assess, double publish, double write) {
    /** The summary line. */
    String line() {
      return String.format(Locale.ROOT, "whole job: load %.2f s, evaluate %.2f s, assess %.2f s, publish %.2f s, write %.2f s",
          load, evaluate, assess, publish, write);
    }
  }

  private WholeJob() {}

  /** Writes {@code extract} as CSV to a temporary folder (not timed), runs the phases and prints them. */
  static Times run(Extract extract, Evaluator evaluator, EvaluationOptions options, PrintWriter out) throws IOException {
    Path dir = Files.createTempDirectory("klynge-bench-job");
    try {
      long w = System.nanoTime();
      start(out, "whole job, set-up: writing the extract as CSV");
      CsvExtractWriter.write(extract, dir);
      done(out, w);
      long t = System.nanoTime();
      start(out, "whole job, 1 of 5: loading the CSV extract");
      Extract loaded = CsvExtractReader.create().read(dir);
      double load = done(out, t);
      t = System.nanoTime();
      start(out, "whole job, 2 of 5: evaluating " + evaluator.indicators().size() + " indicators, "
          + options.threads() + " threads");
      ResultTable results = evaluator.evaluate(loaded, options);
      double evaluate = done(out, t);
      t = System.nanoTime();
      start(out, String.format(Locale.ROOT, "whole job, 3 of 5: assessing %,d rows", results.rows().size()));
      AssessedTable assessed = Assessment.assess(results, evaluator.indicators());
      double assess = done(out, t);
      t = System.nanoTime();
      start(out, "whole job, 4 of 5: publishing for the cluster audience");
      PublishedTable published = Publication.publish(assessed, Viewer.of(Audience.CLUSTER), DisclosurePolicy.defaults(),
          PSEUDONYM_KEY);
      double publish = done(out, t);
      t = System.nanoTime();
      start(out, "whole job, 5 of 5: writing the published table");
      ResultWriter.write(published, dir.resolve("results.csv"));
      double write = done(out, t);
      return new Times(load, evaluate, assess, publish, write);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static void start(PrintWriter out, String what) {
    out.print(what + " … ");
    out.flush();
  }

  private static double done(PrintWriter out, long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    out.printf(Locale.ROOT, "done (%.2f s)%n", seconds);
    out.flush();
    return seconds;
  }
}
