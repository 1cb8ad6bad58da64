package org.klynge.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.klynge.core.audit.Audit;
import org.klynge.core.audit.AuditCell;
import org.klynge.core.audit.AuditFinding;
import org.klynge.core.audit.AuditInputException;
import org.klynge.core.audit.AuditReport;
import org.klynge.core.audit.AuditSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code klynge audit --threshold N [--protection P] FILE...}: attacks published result files together and
 * reports every hidden count that can be narrowed below the protection, every small count shown, and
 * files that contradict each other.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = {
    "Audits published result files (.csv or .json) for counts anyone can work out.",
    "Attacks the files together as anyone holding them could: works out, by linear",
    "programming over the sums and differences between their counts, the range of",
    "values each hidden count can take. Prints a summary and each finding on one",
    "line. Exit code 0 when there are no findings, 1 when there are, 2 on usage or",
    "input errors."})
final class AuditCommand implements Callable<Integer> {

  /** How many cells of an inconsistent component are printed. */
  static final int CELLS_SHOWN = 10;

  @Option(names = "--threshold", paramLabel = "N", required = true,
      description = "Counts from 1 to N - 1 must not be shown (other than the viewer's own clinic's).")
  int threshold;

  @Option(names = "--protection", paramLabel = "P",
      description = "A hidden count must keep a range at least P wide: upper - lower >= P (default: N).")
  Integer protection;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Published result files, audited together.")
  List<Path> files;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (threshold < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threshold must be at least 1, got " + threshold);
    }
    if (protection != null && protection < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--protection must be at least 1, got " + protection);
    }
    AuditSettings settings = protection == null ? AuditSettings.of(threshold) : new AuditSettings(threshold, protection);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    AuditReport report;
    try {
      report = Audit.run(files, settings);
    } catch (AuditInputException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 2;
    } catch (NoSuchFileException e) {
      err.println("error: no such file: " + e.getMessage());
      err.flush();
      return 2;
    } catch (IOException e) {
      err.println("error: cannot read " + e.getMessage());
      err.flush();
      return 2;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.println(summary(report, seconds));
    for (AuditFinding f : report.findings()) {
      out.println(line(f));
    }
    out.println(verdict(report, settings));
    out.flush();
    return report.passed() ? 0 : 1;
  }

  /** {@code audited 2 files: 1204 rows, 56 hidden cells, 7 components, 89 linear programs in 0.41 s}. */
  static String summary(AuditReport r, double seconds) {
    return "audited " + count(r.files(), "file") + ": " + count(r.rows(), "row") + ", "
        + count(r.hiddenCells(), "hidden cell") + ", " + count(r.components(), "component") + ", "
        + count(r.linearPrograms(), "linear program")
        + (r.periodRelationsDropped() == 0 ? ""
            : ", " + count(r.periodRelationsDropped(), "period relation") + " dropped as inconsistent")
        + String.format(Locale.ROOT, " in %.2f s", seconds);
  }

  private static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** A finding on one line; an inconsistent one lists its first {@link #CELLS_SHOWN} cells. */
  static String line(AuditFinding f) {
    if (f.kind() != AuditFinding.Kind.INCONSISTENT || f.cells().size() <= CELLS_SHOWN) {
      return f.toString();
    }
    return f.kind() + " " + f.cells().stream().limit(CELLS_SHOWN).map(AuditCell::toString)
        .collect(Collectors.joining("; ")) + "; and " + (f.cells().size() - CELLS_SHOWN) + " more";
  }

  /** {@code passed: …} or {@code failed: 3 findings (2 RANGE_TOO_NARROW, 1 SMALL_COUNT_SHOWN)}. */
  static String verdict(AuditReport r, AuditSettings s) {
    String settings = "threshold " + s.threshold() + ", protection " + s.protection();
    if (r.passed()) {
      return "passed: no findings (" + settings + ")";
    }
    String kinds = Arrays.stream(AuditFinding.Kind.values())
        .filter(k -> !r.findings(k).isEmpty())
        .map(k -> r.findings(k).size() + " " + k)
        .collect(Collectors.joining(", "));
    return "failed: " + r.findings().size() + " finding" + (r.findings().size() == 1 ? "" : "s") + " (" + kinds
        + "; " + settings + ")";
  }
}
