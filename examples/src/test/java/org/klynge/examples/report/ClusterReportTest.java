package org.klynge.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.result.Level;
import org.klynge.core.result.PublishedRow;

class ClusterReportTest {

  private final ClusterReport.Input input = ReportFixture.input();
  private final String html = ClusterReport.render(input);

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  private static String between(String text, String start, String end) {
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
    assertTrue(html.contains(suppressed + (suppressed == 1 ? " clinic is" : " clinics are") + " suppressed and not plotted"));
    // other clinics appear by pseudonym, never by id
    clinics.stream().filter(r -> !r.suppressed() && !r.unitId().equals("A"))
        .forEach(r -> assertTrue(r.unitId().startsWith("k1-"), "pseudonym " + r.unitId()));
    assertFalse(svg.contains(">B:") || svg.contains(">D:"), "real clinic ids of other clinics are not shown");
  }

  @Test
  void suppressedValues_printSuppressed_neverZero() {
    MeasurementPeriod march = MeasurementPeriod.month(YearMonth.of(2024, 3));
    PublishedRow cluster = input.published().rows().stream()
        .filter(r -> r.level() == Level.CLUSTER && r.unitId().equals("k1") && r.period().equals(march)).findFirst().orElseThrow();
    assertTrue(cluster.suppressed(), "the fixture suppresses the cluster in March");

    String months = between(html, "<summary>The monthly values as a table</summary>", "</table>");
    String marchRow = between(months, "<tr><th scope=\"row\">Mar</th>", "</tr>");
    assertTrue(marchRow.contains("<td class=\"suppressed\">suppressed</td>"), marchRow);
    assertFalse(marchRow.matches("(?s).*>0(\\.0)?<.*"), marchRow);
    // the own clinic is never suppressed for its viewer
    assertTrue(marchRow.startsWith("<tr><th scope=\"row\">Mar</th><td class=\"num\">50.0</td>"), marchRow);
    // pooled before/after figures would give the hidden month away
    assertTrue(html.contains("withheld: Mar is suppressed"), "cluster before/after withheld");
    assertTrue(html.contains("Cluster: suppressed in Mar"));
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
  void runChart_marksTheMeetingAndWritesBeforeAfter() {
    String svg = between(html, "<svg class=\"run-chart\"", "</svg>");
    assertEquals(1, count(svg, "<line class=\"meeting-line\""), svg);
    assertTrue(svg.contains("meeting 27 Feb 2024"));
    assertTrue(count(svg, "<circle class=\"point\"") >= 30, "own clinic, cluster and nation points");
    String ba = between(html, "<div class=\"before-after\">", "</div>");
    assertTrue(ba.contains("Meeting 27 Feb 2024"), ba);
    // own clinic: Jan–Feb before (2 months), Mar–Dec after: too short for a time series
    assertTrue(ba.contains("before: 66.7"), ba);
    assertTrue(ba.contains("too short</em> (2 before, 10 after"), ba);
    assertTrue(ba.contains("difference: <strong>"), ba);
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
    assertFalse(Pattern.compile("(?i)(src|href|xlink:href)\\s*=\\s*\"(?!#)").matcher(html).find(), "only in-page links");
    assertFalse(Pattern.compile("(?i)url\\(\\s*['\"]?(https?:|//)").matcher(html).find());
    assertFalse(Pattern.compile("(?i)<(script|link|img|iframe|object)\\b").matcher(html).find());
    assertFalse(html.contains("@import") || html.contains("@font-face"));
    // any http(s) left is in text, never in an attribute
    assertFalse(Pattern.compile("(?i)=\\s*\"\\s*https?:").matcher(html).find());
    assertFalse(html.contains("xmlns=\"http"), "inline SVG in HTML needs no namespace");
  }

  @Test
  void document_hasTitleHeadingsProvenanceAndReconciliation() {
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<title>Cluster report: Klynge &lt;Øst&gt;"));
    assertEquals(1, count(html, "<h1>"));
    assertTrue(html.contains("<h2 id=\"provenance\">Provenance</h2>"));
    assertTrue(html.contains("<code>0123abcd</code>"));
    assertTrue(html.contains("test-1.0"));
    assertTrue(html.contains("2025-01-31"));
    String recon = between(html, "<h2 id=\"reconciliation\">", "</table>");
    assertTrue(recon.contains("<td class=\"num\">100</td><td class=\"num\">90</td><td class=\"num\">7</td><td class=\"num\">3</td>"),
        recon);
    assertTrue(html.contains("Is there a relevant clinical problem?"));
    assertTrue(html.endsWith("</html>\n"));
  }

  @Test
  void svgHelper_ticksAndEscape() {
    Svg.Ticks t = Svg.ticks(0, 93, 5);
    assertEquals(0, t.min());
    assertEquals(100, t.max());
    assertEquals(20, t.step());
    assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Svg.escape("<a href=\"x\">&'"));
    assertEquals("M0 1 L2 3 M5 6", Svg.path(new double[] {0, 2, 4, 5}, new double[] {1, 3, Double.NaN, 6}));
    assertEquals("1.5", Svg.num(1.5));
    assertEquals("0", Svg.num(-0.001));
  }
}
