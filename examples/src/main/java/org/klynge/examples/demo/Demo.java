package org.klynge.examples.demo;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.klynge.core.data.Extract;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.io.CsvExtractWriter;
import org.klynge.core.disclosure.Audience;
import org.klynge.core.disclosure.DisclosurePolicy;
import org.klynge.core.disclosure.Viewer;
import org.klynge.core.result.AssessedTable;
import org.klynge.core.result.Assessment;
import org.klynge.core.result.Level;
import org.klynge.core.result.Publication;
import org.klynge.core.result.PublishedTable;
import org.klynge.core.result.PatientListEntry;
import org.klynge.core.result.ResultRow;
import org.klynge.core.result.ResultTable;
import org.klynge.core.result.ResultWriter;
import org.klynge.examples.synthetic.SyntheticCodes;
import org.klynge.examples.synthetic.SyntheticNation;
import org.klynge.indicators.Catalogue;
import org.klynge.report.ClusterReport;
import org.klynge.report.Recipient;

/**
 * The demo: generates a synthetic nation, evaluates every catalogue indicator for the year and
 * for each month in one pass, and writes the extract, the results, a cluster report (HTML) for the
 * chosen cluster, and the actionable patient list of its largest clinic.
 */
public final class Demo {

  /**
   * Settings.
   *
   * @param out the folder to write to
   * @param scale the synthetic nation's scale (0.01 ≈ 55,000 patients)
   * @param seed the generator's seed
   * @param year the measurement year
   * @param clusterId the cluster the report is for
   * @param threads threads for the evaluation
   * @param writeExtract whether to write the synthetic extract as CSV to {@code out/extract}
   * @param locale the language of the reports ({@code da} or {@code en})
   * @param packageId the one package to write a report for; empty for every package and an index
   */
  public record Settings(
      Path out, double scale, long seed, int year, String clusterId, int threads, boolean writeExtract,
      Locale locale, Optional<String> packageId) {
    public Settings {
      requireNonNull(out, "out");
      requireNonNull(clusterId, "clusterId");
      requireNonNull(locale, "locale");
      requireNonNull(packageId, "packageId");
    }

    /** Settings for Danish reports on every package. */
    public Settings(Path out, double scale, long seed, int year, String clusterId, int threads, boolean writeExtract) {
      this(out, scale, seed, year, clusterId, threads, writeExtract, Locale.forLanguageTag("da"), Optional.empty());
    }
  }

  /**
   * What the demo produced.
   *
   * @param extract the synthetic data
   * @param definitions the catalogue
   * @param results every indicator, yearly and monthly
   * @param clinicId the clinic whose patient list was written
   * @param files the files written
   */
  public record Output(Extract extract, DefinitionSet definitions, ResultTable results, String clinicId, List<Path> files) {}

  /** The key that orders pseudonyms in the demo's published tables (fixed, so runs are reproducible). */
  private static final String PSEUDONYM_KEY = "klynge-demo";

  private Demo() {}

  /** The yearly period followed by the twelve months, evaluated in the same pass. */
  public static ImmutableList<MeasurementPeriod> periods(int year) {
    ImmutableList.Builder<MeasurementPeriod> out = ImmutableList.builder();
    out.add(MeasurementPeriod.year(year));
    for (int m = 1; m <= 12; m++) {
      out.add(MeasurementPeriod.month(YearMonth.of(year, m)));
    }
    return out.build();
  }

  /**
   * The year and its months, and every period the packages' reports read (each package's period,
   * and its charts' months, quarters or rolling 12 months), each once.
   */
  public static ImmutableList<MeasurementPeriod> periods(int year, DefinitionSet definitions,
      List<ClusterPackage> packages) {
    Set<MeasurementPeriod> out = new LinkedHashSet<>(periods(year));
    for (ClusterPackage pkg : packages) {
      out.addAll(ClusterReport.periods(definitions, pkg));
    }
    return ImmutableList.copyOf(out);
  }

  /** Runs the demo, printing progress to {@code log}. */
  public static Output run(Settings s, PrintWriter log) throws IOException {
    DefinitionSet catalogue = Catalogue.definitions();
    List<ClusterPackage> packages = s.packageId().isEmpty() ? catalogue.packages()
        : List.of(catalogue.packages().stream().filter(p -> p.id().equals(s.packageId().get())).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no package '" + s.packageId().get() + "' in the catalogue; "
                + "the packages are " + catalogue.packages().stream().map(ClusterPackage::id)
                    .collect(Collectors.joining(", ")))));
    Files.createDirectories(s.out());
    List<Path> files = new ArrayList<>();
    Extract extract = Progress.step(log, String.format(Locale.ROOT, "generating a synthetic nation at scale %.3f", s.scale()),
        () -> SyntheticNation.generate(new SyntheticNation.Settings(s.scale(), s.seed(), s.year(), true)));
    log.println("  " + extract.patients().patientCount() + " patients, " + extract.patients().eventCount()
        + " events, " + extract.organisation().clusters().size() + " clusters, "
        + extract.organisation().clinics().size() + " clinics");
    if (!extract.organisation().clusters().containsKey(s.clusterId())) {
      throw new IllegalArgumentException("no cluster '" + s.clusterId() + "' in the synthetic organisation");
    }
    if (s.writeExtract()) {
      Path extractDir = s.out().resolve("extract");
      Progress.step(log, "writing the extract to " + extractDir, () -> {
        CsvExtractWriter.write(extract, extractDir);
        return null;
      });
      files.add(extractDir);
    }

    DefinitionSet definitions = Catalogue.definitions();
    Evaluator evaluator = Evaluator.compileAll(definitions);
    var options = new EvaluationOptions(periods(s.year(), definitions, packages), s.threads(), 0);
    ResultTable results = Progress.step(log, "evaluating " + evaluator.indicators().size() + " indicators for "
        + options.periods().size() + " periods", () -> evaluator.evaluate(extract, options));
    MeasurementPeriod year = MeasurementPeriod.year(s.year());
    String clinic = largestClinic(results, s.clusterId(), year);
    // published for the cluster audience, seen from the clinic whose patient list is written
    AssessedTable assessed = Progress.step(log, "assessing " + results.rows().size() + " rows",
        () -> Assessment.assess(results, evaluator.indicators()));
    PublishedTable published = Progress.step(log, "publishing for the cluster audience (viewer: clinic " + clinic + ")",
        () -> Publication.publish(assessed, new Viewer(Audience.CLUSTER, Optional.of(clinic)),
            DisclosurePolicy.defaults(), PSEUDONYM_KEY));
    for (String name : List.of("results.csv", "results.json")) {
      Path file = s.out().resolve(name);
      Progress.step(log, "writing " + file, () -> {
        ResultWriter.write(published.forCluster(s.clusterId()), file);
        return null;
      });
      files.add(file);
    }
    Recipient recipient = new Recipient(s.clusterId(), extract.organisation().clusters().get(s.clusterId()).name(), clinic,
        Optional.ofNullable(extract.organisation().clinics().get(clinic)).map(c -> c.name()).orElse(clinic));
    List<Path> reports = Progress.step(log, "writing the cluster reports (" + s.locale().getLanguage() + ") for "
        + packages.size() + (packages.size() == 1 ? " package" : " packages"), () -> {
          if (s.packageId().isPresent()) {
            Path file = s.out().resolve(ClusterReport.fileName(s.clusterId(), packages.get(0)));
            ClusterReport.write(published, definitions, packages.get(0), recipient, s.locale(), file);
            return List.of(file);
          }
          return ClusterReport.writeAll(published, definitions, packages, recipient, s.locale(), s.out());
        });
    files.addAll(reports);
    String indicator = "dvdd-1f-hba1c-measured";
    List<PatientListEntry> gap = evaluator.patientList(extract, indicator, clinic, year).stream()
        .filter(PatientListEntry::inGap).toList();
    Path list = s.out().resolve("patients-" + clinic + "-" + indicator + ".csv");
    writePatientList(list, gap);
    files.add(list);

    log.println();
    log.println("nation, " + s.year() + ":");
    results.rows().stream().filter(r -> r.level() == Level.NATION && r.period().equals(year))
        .forEach(r -> log.printf(Locale.ROOT, "  %-36s %s%n", r.indicatorId(),
            r.value().isPresent() ? String.format(Locale.ROOT, "%.1f", r.value().getAsDouble()) : "–"));
    log.println();
    log.println("every input row, accounted for (the synthetic data holds a few deliberately bad rows):");
    log.print(results.reconciliation().summary());
    String incomplete = results.completenessSummary(evaluator.indicators());
    if (!incomplete.isEmpty()) {
      log.println();
      log.println("clinics whose data are too incomplete to judge (their values are withheld, never shown as 0):");
      log.print(incomplete);
    }
    log.println();
    log.println(gap.size() + " patients of clinic " + clinic + " are counted for " + indicator
        + " but have no HbA1c in " + s.year() + ": " + list);
    log.println("published results for the cluster audience: " + s.out().resolve("results.csv") + ", "
        + s.out().resolve("results.json"));
    log.println("cluster reports for " + s.clusterId() + " (open them in a browser; they need no network): "
        + reports.get(0));
    log.flush();
    return new Output(extract, definitions, results, clinic, files);
  }

  /** The clinic of the cluster with the most patients in the initial population of the first indicator. */
  static String largestClinic(ResultTable results, String clusterId, MeasurementPeriod period) {
    return results.rows().stream()
        .filter(r -> r.level() == Level.CLINIC && r.parentId().equals(clusterId) && r.period().equals(period))
        .collect(Collectors.groupingBy(ResultRow::unitId, Collectors.summingLong(r -> r.counts().initialPopulation())))
        .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey)
        .orElseThrow(() -> new IllegalStateException("cluster " + clusterId + " has no clinics with patients"));
  }

  private static void writePatientList(Path file, List<PatientListEntry> entries) throws IOException {
    try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("patient_id,populations,facts\n");
      for (PatientListEntry e : entries) {
        out.write(e.patientId() + "," + quote(e.populations().stream().map(p -> p.code()).collect(Collectors.joining(" ")))
            + "," + quote(String.join("; ", e.facts())) + "\n");
      }
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  /** The cluster with the eye-drop meeting in the synthetic data, a good default for the report. */
  public static String defaultCluster() {
    return SyntheticCodes.EYE_DROP_MEETING_CLUSTER;
  }
}
