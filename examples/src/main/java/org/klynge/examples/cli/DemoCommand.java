package org.klynge.examples.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.klynge.examples.demo.Demo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code klynge demo}: the main job on embedded synthetic data. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = KlyngeCommand.Version.class,
    description = {
    "Generates a synthetic nation, evaluates the whole catalogue for the year and each month, and writes the extract,"
        + " results.csv/results.json, one cluster report per package (report-CLUSTER-PACKAGE.html, in Danish unless"
        + " --lang en) with an index.html, and a clinic's actionable patient list to --out."})
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "klynge-demo", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--scale", defaultValue = "0.1", description = "Size of the synthetic nation; 1.0 = 5.5 M patients (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--year", defaultValue = "2024", description = "Measurement year (default: ${DEFAULT-VALUE}).")
  int year;

  @Option(names = "--cluster", description = "The cluster the report is for (default: the cluster with the eye-drop meeting).")
  String cluster = Demo.defaultCluster();

  @Option(names = "--lang", paramLabel = "da|en", defaultValue = "da",
      description = "Language of the reports: da (Danish) or en (English) (default: ${DEFAULT-VALUE}).")
  ReportLanguage lang;

  @Option(names = "--package", paramLabel = "ID",
      description = "Write the report of this package only (default: every package, and an index.html).")
  String packageId;

  @Option(names = "--write-extract", description = "Also write the synthetic extract as CSV files to DIR/extract.")
  boolean writeExtract;

  @Option(names = "--threads", description = "Threads (default: available processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--force", description = "Write into --out even if it holds files, replacing the demo's own.")
  boolean force;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    OutputChecks.outputFolder(spec.commandLine(), out, force);
    Demo.run(new Demo.Settings(out, scale, seed, year, cluster, threads, writeExtract, lang.locale(),
        Optional.ofNullable(packageId)), spec.commandLine().getOut());
    return 0;
  }
}
