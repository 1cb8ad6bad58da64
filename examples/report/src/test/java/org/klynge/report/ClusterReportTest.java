package org.klynge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.result.Level;
import org.klynge.core.result.PublishedRow;

class ClusterReportTest {

  static final Locale DA = Locale.forLanguageTag("da");

  private final ReportFixture.Input input = ReportFixture.input();
  private final String html = render(Locale.ENGLISH);
  private final String da = render(DA);

  private String render(Locale locale) {
    return ClusterReport.render(input.published(), input.definitions(), input.pkg(), input.recipient(), locale);
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  static String between(String text, String start, String end) {
    int a = text.indexOf(start);
    assertTrue(a >= 0, "no " + start);
    int b = text.indexOf(end, a);
    assertTrue(b >= 0, "no " + end + " after " + start);
    return text.substring(a, b + end.length());
  }

  private List<PublishedRow> clinicsOfCluster(MeasurementPeriod period) {
    return input.published().rows().stream()
        .filter(r -> r.level() == Level.CLINIC && r.parentId().equals("k1") && r.period().equals(period)).toList();
  }

  @Test
  void funnel_hasOnePointPerShownClinicAndLimitPaths() {
    List<PublishedRow> clinics = clinicsOfCluster(MeasurementPeriod.year(2024));
    long shown = clinics.stream().filter(r -> !r.suppressed() && r.value().value().isPresent()).count();
    long suppressed = clinics.stream().filter(PublishedRow::suppressed).count();
    assertTrue(suppressed >= 1, "the fixture suppresses clinic C");
    assertTrue(shown >= 2, "the fixture shows the own clinic and others");

    String svg = between(html, "<svg class=\"funnel-plot\"", "</svg>");
    assertEquals(shown, count(svg, "<circle class=\"clinic"), svg);
    assertEquals(1, count(svg, "<circle class=\"clinic own\""));
    assertEquals(2, count(svg, "<path class=\"limit limit-95\""));
    assertEquals(2, count(svg, "<path class=\"limit limit-998\""));
    Matcher d = Pattern.compile("<path class=\"limit[^\"]*\" d=\"(M[^\"]+)\"").matcher(svg);
    while (d.find()) {
      assertTrue(d.group(1).split(" L").length > 10, "a limit curve has many points: " + d.group(1));
    }
    assertTrue(svg.contains("<title id="), "an accessible title");
    assertTrue(svg.contains("<desc id="), "an accessible description");
    assertTrue(html.contains(suppressed == 1 ? "1 clinic is suppressed and not plotted" : suppressed + " clinics are"));
    clinics.stream().filter(r -> !r.suppressed() && !r.unitId().equals("A"))
        .forEach(r -> assertTrue(r.unitId().startsWith("k1-"), "pseudonym " + r.unitId()));
    assertFalse(svg.contains(">B:") || svg.contains(">D:"), "real clinic ids of other clinics are not shown");
    assertTrue(html.contains("Each dot: one clinic over 2024."));
  }

  @Test
  void suppressedValues_printSuppressed_neverZero() {
    MeasurementPeriod march = MeasurementPeriod.month(YearMonth.of(2024, 3));
    PublishedRow cluster = input.published().rows().stream()
        .filter(r -> r.level() == Level.CLUSTER && r.unitId().equals("k1") && r.period().equals(march)).findFirst().orElseThrow();
    assertTrue(cluster.suppressed(), "the fixture suppresses the cluster in March");

    String months = between(html, "<summary>The values as a table</summary>", "</table>");
    String marchRow = between(months, "<tr><th scope=\"row\">Mar 2024</th>", "</tr>");
    assertTrue(marchRow.contains("<td class=\"suppressed\">suppressed</td>"), marchRow);
    assertFalse(marchRow.matches("(?s).*>0(\\.0)?<.*"), marchRow);
    // the own clinic is never suppressed for its viewer
    assertTrue(marchRow.startsWith("<tr><th scope=\"row\">Mar 2024</th><td class=\"num\">50.0</td>"), marchRow);
    assertTrue(html.contains("withheld: Mar 2024 is suppressed"), "cluster before/after withheld");
    assertTrue(html.contains("Cluster: suppressed in Mar 2024"));
  }

  @Test
  void rules_sayTheOwnClinicExemptionSuppressionAndFunnel_inTheReportsLanguage() {
    String rules = between(html, "<section class=\"rules\"", "</section>");
    assertTrue(rules.contains("a count from 1 to 4 is hidden"), rules);
    assertTrue(rules.contains("Your own clinic is never suppressed for you"), rules);
    assertTrue(rules.contains("Funnel plot: each dot is a clinic"), rules);
    String regler = between(da, "<section class=\"rules\"", "</section>");
    assertTrue(regler.contains("skjules et antal fra 1 til 4"), regler);
    assertTrue(regler.contains("Din egen praksis skjules aldrig for dig"), regler);
    assertTrue(regler.contains("Tragtdiagram: hvert punkt er en praksis"), regler);
  }

  @Test
  void levelsTable_showsOwnRestClusterNationWithStandard() {
    String table = between(html, "<table class=\"levels\">", "</table>");
    assertTrue(table.contains("Own clinic: Clinic A &amp; Partners"), table);
    assertTrue(table.contains("Rest of cluster"));
    assertTrue(table.contains("Nation"));
    assertTrue(table.contains("<th scope=\"col\">Standard: point</th>"));
    assertTrue(table.contains("80.0"), "own clinic 96/120 = 80.0 %");
    assertTrue(table.contains("rest of cluster: "), "own clinic against the rest of the cluster");
  }

  @Test
  void danish_numbersDatesTextsAndTranslations() {
    assertTrue(da.startsWith("<!DOCTYPE html>\n<html lang=\"da\">"));
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
    String table = between(da, "<table class=\"levels\">", "</table>");
    assertTrue(table.contains(">80,0<"), "decimal comma: " + table);
    assertTrue(table.contains("Egen praksis: Clinic A &amp; Partners"), table);
    assertTrue(table.contains("Hele landet"), table);
    assertTrue(da.contains("HbA1c målt &lt;årligt&gt;"), "the indicator's Danish title");
    assertTrue(da.contains("<h1>Diabetes &amp; opfølgning</h1>"), "the package's Danish title");
    assertTrue(da.contains("Indkalde patienterne."), "the package's Danish questions");
    assertTrue(da.contains("Er der et relevant klinisk problem?"));
    assertTrue(da.contains("møde 27. feb. 2024"), "Danish date on the chart");
    assertTrue(da.contains("Hvert punkt: én kalendermåned."));
    // a figure of thousands: the reconciliation's 100 read rows stay 100; the nation's denominator has a point
    assertTrue(Pattern.compile(">1\\.\\d{3}<").matcher(da).find(), "thousands point in Danish");
    assertTrue(Pattern.compile(">1,\\d{3}<").matcher(html).find(), "thousands comma in English");
    assertFalse(da.contains("Own clinic") || da.contains("suppressed<"), "no English fixed text in the Danish report");
  }

  @Test
  void runChart_marksTheMeetingAndWritesBeforeAfter() {
    String svg = between(html, "<svg class=\"run-chart\"", "</svg>");
    assertEquals(1, count(svg, "<line class=\"meeting-line\""), svg);
    assertTrue(svg.contains("meeting 27 Feb 2024"));
    assertTrue(count(svg, "<circle class=\"point\"") >= 30, "own clinic, cluster and nation points");
    String ba = between(html, "<div class=\"before-after\">", "</div>");
    assertTrue(ba.contains("Meeting 27 Feb 2024"), ba);
    // own clinic: Jan–Feb before (2 months), Mar–Dec after: too short for a time series
    assertTrue(ba.contains("before: 66.7"), ba);
    assertTrue(ba.contains("too short (2 before, 10 after"), ba);
    assertTrue(ba.contains("difference: <strong>"), ba);
    assertTrue(html.contains("Each point: one calendar month."));
  }

  @Test
  void textIsEscaped() {
    assertTrue(html.contains("Klynge &lt;Øst&gt; &amp; &quot;Vest&quot;"));
    assertFalse(html.contains(ReportFixture.CLUSTER_NAME));
    assertTrue(html.contains("HbA1c measured &lt;yearly&gt;"));
    assertFalse(html.contains("<yearly>"));
    assertTrue(html.contains("rejected: unknown patient &lt;p9&gt;: 3"));
    assertTrue(html.contains("Diabetes &amp; follow-up"));
  }

  @Test
  void selfContained_noNetworkReferences() {
    for (String page : List.of(html, da)) {
      assertFalse(Pattern.compile("(?i)(src|href|xlink:href)\\s*=\\s*\"(?!#)").matcher(page).find(), "only in-page links");
      assertFalse(Pattern.compile("(?i)url\\(\\s*['\"]?(https?:|//)").matcher(page).find());
      assertFalse(Pattern.compile("(?i)<(script|link|img|iframe|object)\\b").matcher(page).find());
      assertFalse(page.contains("@import") || page.contains("@font-face"));
      assertFalse(Pattern.compile("(?i)=\\s*\"\\s*https?:").matcher(page).find());
      assertFalse(page.contains("xmlns=\"http"), "inline SVG in HTML needs no namespace");
    }
  }

  @Test
  void document_hasTitleHeadingsPrintRulesProvenanceAndReconciliation() {
    assertTrue(html.contains("<title>Diabetes &amp; follow-up: cluster report for Klynge &lt;Øst&gt;"), html.substring(0, 400));
    assertEquals(1, count(html, "<h1>"));
    assertTrue(html.contains("<h2 id=\"provenance\">Provenance</h2>"));
    assertTrue(html.contains("<code>0123abcd</code>"));
    assertTrue(html.contains("test-1.0"));
    assertTrue(html.contains("31 Jan 2025"));
    String recon = between(html, "<h2 id=\"reconciliation\">", "</table>");
    assertTrue(recon.contains("<td class=\"num\">100</td><td class=\"num\">90</td><td class=\"num\">7</td><td class=\"num\">3</td>"),
        recon);
    assertTrue(html.contains("Is there a relevant clinical problem?"));
    assertTrue(html.contains("@page { size: A4"));
    assertTrue(html.contains("break-inside: avoid"));
    assertTrue(html.endsWith("</html>\n"));
  }

  @Test
  void render_recipientNotTheViewersClinic_isRefused() {
    Recipient other = new Recipient("k1", "K", "B", "Clinic B");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClusterReport.render(input.published(), input.definitions(), input.pkg(), other, DA));
    assertTrue(e.getMessage().contains("published for the own clinic A"), e.getMessage());
  }

  @Test
  void writeAll_writesOneReportPerPackageAndAnIndex(@TempDir Path dir) throws Exception {
    List<Path> files = ClusterReport.writeAll(input.published(), input.definitions(), List.of(input.pkg()),
        input.recipient(), DA, dir);
    assertEquals(List.of(dir.resolve("index.html"), dir.resolve("report-k1-diabetes.html")), files);
    String index = Files.readString(files.get(0));
    assertTrue(index.contains("<a href=\"report-k1-diabetes.html\">Diabetes &amp; opfølgning</a>"), index);
    assertTrue(index.contains("Periode 1. jan. 2024–31. dec. 2024. 1 indikator. Møde: 27. feb. 2024."), index);
  }
}
