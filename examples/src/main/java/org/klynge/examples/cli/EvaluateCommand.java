package org.klynge.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.klynge.core.data.Extract;
import org.klynge.core.definition.Granularity;
import org.klynge.core.disclosure.Audience;
import org.klynge.core.disclosure.DisclosurePolicy;
import org.klynge.core.disclosure.Viewer;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.files.FileProblems;
import org.klynge.core.result.AssessedTable;
import org.klynge.core.result.Assessment;
import org.klynge.core.result.Publication;
import org.klynge.core.result.PublishedTable;
import org.klynge.core.result.ResultTable;
import org.klynge.core.result.ResultWriter;
import org.klynge.examples.demo.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code klynge evaluate}: evaluates definitions over a CSV extract and writes the result table with
 * its statistics, as published to one audience (disclosure control applied).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = KlyngeCommand.Version.class,
    description = {
    "Evaluates definitions over a CSV extract and writes results (.csv or .json, by the file name)",
    "with confidence intervals, standard fulfilment, funnel limits and comparisons, as published to",
    "an audience: small counts and the cells that would give them away are suppressed.",
    "Prints the reconciliation of every input row."})
final class EvaluateCommand implements Callable<Integer> {

  @Mixin
  DataOptions options;

  @Option(names = "--granularity", paramLabel = "G", defaultValue = "whole",
      description = "whole, year, quarter, month or rolling12 (default: ${DEFAULT-VALUE}).")
  String granularity;

  @Option(names = "--threads", paramLabel = "N", description = "Threads (default: available processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "results.csv or results.json")
  Path out;

  @Option(names = "--audience", paramLabel = "A", defaultValue = "public",
      description = "Who the results are for: clinic, cluster, region or public (default: ${DEFAULT-VALUE},"
          + " the most restrictive). Region and public see cluster level and above only.")
  String audience;

  @Option(names = "--viewer-clinic", paramLabel = "ID",
      description = "The viewer's own clinic, shown under its id and never suppressed (required for clinic"
          + " and cluster audiences).")
  String viewerClinic;

  @Option(names = "--threshold", paramLabel = "N", defaultValue = "5",
      description = "Counts from 1 to N - 1 are suppressed, for every audience, so that the tables of all"
          + " audiences can be combined safely (default: ${DEFAULT-VALUE}).")
  int threshold;

  @Option(names = "--protection", paramLabel = "P",
      description = "The protection level: the range an attacker can derive for a suppressed small count"
          + " must reach P above it and down to 0 or P below it (default: the threshold).")
  Integer protection;

  @Option(names = "--small-complements", negatable = true,
      description = "Also suppress when 1 to N - 1 patients of a denominator lack the attribute"
          + " (default: for the public audience only).")
  Boolean smallComplements;

  @Option(names = "--round-to", paramLabel = "N", description = "Round published counts to multiples of N;"
      + " values and intervals are then computed from the rounded counts, funnels and comparisons withheld.")
  Integer roundTo;

  @Option(names = "--overdispersion", paramLabel = "M", defaultValue = "none",
      description = "Funnel limits allowing for overdispersion: none, multiplicative or additive"
          + " (default: ${DEFAULT-VALUE}).")
  String overdispersion;

  @Option(names = "--force", description = "Replace --out if it exists.")
  boolean force;

  @Option(names = "--format", paramLabel = "F", defaultValue = "text",
      description = "How the reconciliation of input rows is printed: text or json (default: ${DEFAULT-VALUE});"
          + " with json, progress goes to standard error and standard output holds the JSON alone.")
  OutputFormat format;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    OutputChecks.resultFile(spec.commandLine(), out, options.data, options.definitions, force);
    PrintWriter log = format == OutputFormat.json ? spec.commandLine().getErr() : spec.commandLine().getOut();
    Granularity g = Granularity.fromCode(granularity).orElseThrow(() -> new CommandLine.ParameterException(
        spec.commandLine(), "unknown granularity '" + granularity + "': use whole, year, quarter, month or rolling12"));
    Audience aud = audience();
    if (aud.showsClinics() && viewerClinic == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--viewer-clinic is required for the " + aud.code() + " audience");
    }
    if (threshold < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threshold must be at least 1, got " + threshold);
    }
    if (protection != null && protection < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--protection must be at least 1, got " + protection);
    }
    if (roundTo != null && roundTo < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--round-to must be a positive whole number, got " + roundTo);
    }
    Assessment.FunnelAdjustment adjustment = adjustment();
    Viewer viewer = new Viewer(aud, Optional.ofNullable(viewerClinic));
    DisclosurePolicy policy = policy(threshold, protection, smallComplements, roundTo);
    var evaluator = options.evaluator();
    Extract extract = options.readData(log);
    if (viewerClinic != null && !extract.organisation().clinics().containsKey(viewerClinic)) {
      throw new IllegalArgumentException("--viewer-clinic " + viewerClinic + ": no such clinic in " + options.data
          + " (it has " + extract.organisation().clinics().size() + " clinics, e.g. "
          + extract.organisation().clinics().keySet().stream().limit(3).toList() + ")");
    }
    var evaluation = EvaluationOptions.of(options.period, g).withThreads(threads);
    ResultTable table = Progress.step(log, "evaluating " + evaluator.indicators().size() + " indicator(s) for "
        + evaluation.periods().size() + " period(s) over " + extract.patients().patientCount() + " patients",
        () -> evaluator.evaluate(extract, evaluation));
    AssessedTable assessed = Assessment.assess(table, evaluator.indicators(), adjustment);
    DisclosurePolicy applied = policy;
    PublishedTable published = Progress.step(log, "applying disclosure control for the " + aud.code() + " audience",
        () -> Publication.publish(assessed, viewer, applied, pseudonymKey()));
    Progress.step(log, "writing " + out, () -> {
      try {
        ResultWriter.write(published, out);
      } catch (IOException e) {
        throw new IOException(FileProblems.describe(out, e), e); // a full disk says only "No space left on device"
      }
      return null;
    });
    long suppressed = published.rows().stream().filter(r -> r.suppressed()).count();
    log.println(published.rows().size() + " rows written to " + out + " (" + suppressed + " suppressed, threshold "
        + threshold + ", protection " + published.protection()
        + (roundTo == null ? "" : ", counts rounded to multiples of " + roundTo) + ")");
    if (format == OutputFormat.json) {
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println(JsonOutput.write(JsonOutput.reconciliation(table.reconciliation())));
      stdout.flush();
    } else {
      log.print(table.reconciliation().summary());
    }
    log.print(table.completenessSummary(evaluator.indicators()));
    log.flush();
    return 0;
  }

  /** One policy for every audience, so that their tables agree. */
  static DisclosurePolicy policy(int threshold, Integer protection, Boolean smallComplements, Integer roundTo) {
    DisclosurePolicy policy = DisclosurePolicy.defaults();
    for (Audience a : Audience.values()) {
      policy = policy.withThreshold(a, threshold);
      if (protection != null) {
        policy = policy.withProtection(a, protection);
      }
      if (smallComplements != null) {
        policy = policy.withSmallComplements(a, smallComplements);
      }
    }
    return roundTo == null ? policy : policy.withRounding(roundTo);
  }

  private Audience audience() {
    for (Audience a : Audience.values()) {
      if (a.code().equals(audience.toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new CommandLine.ParameterException(spec.commandLine(),
        "unknown audience '" + audience + "': use clinic, cluster, region or public");
  }

  private Assessment.FunnelAdjustment adjustment() {
    for (Assessment.FunnelAdjustment a : Assessment.FunnelAdjustment.values()) {
      if (a.name().toLowerCase(Locale.ROOT).equals(overdispersion.toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new CommandLine.ParameterException(spec.commandLine(),
        "unknown overdispersion model '" + overdispersion + "': use none, multiplicative or additive");
  }

  /** A fresh secret per run: pseudonyms are stable within one output and unlinkable across runs. */
  private static String pseudonymKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return HexFormat.of().formatHex(key);
  }
}
