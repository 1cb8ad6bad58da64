package org.klynge.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.result.PublishedTable;
import org.klynge.report.html.IndexPage;
import org.klynge.report.html.Messages;
import org.klynge.report.html.PackagePage;
import org.klynge.report.view.PackageView;
import org.klynge.report.view.PackageViews;

/**
 * The cluster report: one self-contained HTML page per cluster package, for the cluster meeting
 * on it, in Danish or English.
 *
 * <pre>{@code
 * String html = ClusterReport.render(published, definitions, pkg,
 *     new Recipient("k01", "Klynge Nord", "c0042", "Lægerne i Byen"), Locale.forLanguageTag("da"));
 * }</pre>
 *
 * <p>For each indicator of the package the page shows a table of the own clinic, the rest of the
 * cluster, the cluster and the nation over the package period; a funnel plot of the cluster's
 * clinics; and a run chart by the package's granularity (a yearly share as rolling 12 months),
 * with the meetings and, where the points allow it, the levels before and after them. The page
 * says its rules in its own language: what "suppressed" means, that the own clinic is never
 * suppressed for its viewer, and how to read a funnel. Everything shown comes from the published
 * table, so the audience's disclosure control holds throughout. The page has no scripts, fonts,
 * images or links outside itself, a print style sheet for A4, and works at phone width.
 *
 * <p>The published table must hold the periods {@link #periods} lists for the package; periods
 * that are missing read "not available".
 */
public final class ClusterReport {

  private ClusterReport() {}

  /**
   * The report of {@code pkg} as one HTML document.
   *
   * @param published the results as published to the viewer (normally the cluster audience, with the own clinic)
   * @param definitions the definitions the package's indicator references resolve in
   * @param pkg the package
   * @param recipient the cluster and own clinic, with their names
   * @param locale the language: {@code da} for Danish, anything else for English
   * @throws IllegalArgumentException when the recipient's clinic is not the viewer's own clinic
   */
  public static String render(PublishedTable published, DefinitionSet definitions, ClusterPackage pkg,
      Recipient recipient, Locale locale) {
    return PackagePage.draw(view(published, definitions, pkg, recipient, locale), Messages.of(locale));
  }

  /** Writes the report of {@code pkg} to {@code file} (UTF-8). */
  public static void write(PublishedTable published, DefinitionSet definitions, ClusterPackage pkg,
      Recipient recipient, Locale locale, Path file) throws IOException {
    Files.writeString(file, render(published, definitions, pkg, recipient, locale), StandardCharsets.UTF_8);
  }

  /**
   * Writes one report per package to {@code folder} as {@code report-CLUSTER-PACKAGE.html}, and
   * an {@code index.html} that links them; returns the files written, the index first.
   */
  public static List<Path> writeAll(PublishedTable published, DefinitionSet definitions, List<ClusterPackage> packages,
      Recipient recipient, Locale locale, Path folder) throws IOException {
    Messages m = Messages.of(locale);
    List<Path> files = new ArrayList<>();
    List<IndexPage.Entry> entries = new ArrayList<>();
    for (ClusterPackage pkg : packages) {
      PackageView view = view(published, definitions, pkg, recipient, locale);
      String name = fileName(recipient.clusterId(), pkg);
      Path file = folder.resolve(name);
      Files.writeString(file, PackagePage.draw(view, m), StandardCharsets.UTF_8);
      files.add(file);
      entries.add(new IndexPage.Entry(view, name));
    }
    Path index = folder.resolve("index.html");
    Files.writeString(index, IndexPage.draw(recipient.clusterId(), recipient.clusterName(), recipient.clinicName(),
        entries, m), StandardCharsets.UTF_8);
    files.add(0, index);
    return files;
  }

  /** The file name {@link #writeAll} gives a package's report: {@code report-CLUSTER-PACKAGE.html}. */
  public static String fileName(String clusterId, ClusterPackage pkg) {
    return "report-" + clusterId + "-" + pkg.id() + ".html";
  }

  /**
   * Every period a report of {@code pkg} reads: the package period, and the periods of each
   * indicator's run chart (the package's granularity, or rolling 12 months for a yearly share).
   * Evaluate these to have a complete report.
   */
  public static List<MeasurementPeriod> periods(DefinitionSet definitions,
      ClusterPackage pkg) {
    return PackageViews.periods(pkg, definitions.indicatorsOf(pkg));
  }

  private static PackageView view(PublishedTable published, DefinitionSet definitions, ClusterPackage pkg,
      Recipient recipient, Locale locale) {
    if (published.viewer().ownClinic().isPresent()
        && !published.viewer().ownClinic().get().equals(recipient.clinicId())) {
      throw new IllegalArgumentException("the report is for clinic " + recipient.clinicId()
          + ", but the table was published for the own clinic " + published.viewer().ownClinic().get());
    }
    List<Indicator> indicators = definitions.indicatorsOf(pkg);
    return PackageViews.build(published, pkg, indicators, recipient.clusterId(), recipient.clusterName(),
        recipient.clinicId(), recipient.clinicName(), locale);
  }
}
