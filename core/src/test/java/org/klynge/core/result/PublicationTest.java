package org.klynge.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.klynge.core.result.Tables.p;
import static org.klynge.core.result.Tables.table;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.klynge.core.definition.Indicator;
import org.klynge.core.disclosure.Audience;
import org.klynge.core.disclosure.DisclosurePolicy;
import org.klynge.core.disclosure.Status;
import org.klynge.core.disclosure.SuppressionReason;
import org.klynge.core.disclosure.Range;
import org.klynge.core.disclosure.Viewer;

/** Disclosure control applied to an assessed result table, for each audience. */
class PublicationTest {
  private static final String KEY = "test-key";
  private static final Indicator PROP = Tables.proportion("prop");

  /**
   * Cluster k1: A 3/40, B 20/60, D 30/90 (53/190); cluster k2: E 30/50, F 40/60 (70/110); region r1
   * and the nation 123/300. The example of {@link Publication}.
   */
  private static AssessedTable assessed() {
    List<ResultRow> rows = new ArrayList<>();
    rows.add(p(PROP, Level.CLINIC, "A", "k1", 3, 40));
    rows.add(p(PROP, Level.CLINIC, "B", "k1", 20, 60));
    rows.add(p(PROP, Level.CLINIC, "D", "k1", 30, 90));
    rows.add(p(PROP, Level.CLINIC, "E", "k2", 30, 50));
    rows.add(p(PROP, Level.CLINIC, "F", "k2", 40, 60));
    rows.add(p(PROP, Level.REST_OF_CLUSTER, "A", "k1", 50, 150));
    rows.add(p(PROP, Level.REST_OF_CLUSTER, "B", "k1", 33, 130));
    rows.add(p(PROP, Level.REST_OF_CLUSTER, "D", "k1", 23, 100));
    rows.add(p(PROP, Level.REST_OF_CLUSTER, "E", "k2", 40, 60));
    rows.add(p(PROP, Level.REST_OF_CLUSTER, "F", "k2", 30, 50));
    rows.add(p(PROP, Level.CLUSTER, "k1", "r1", 53, 190));
    rows.add(p(PROP, Level.CLUSTER, "k2", "r1", 70, 110));
    rows.add(p(PROP, Level.REGION, "r1", "", 123, 300));
    rows.add(p(PROP, Level.NATION, "DK", "", 123, 300));
    return Assessment.assess(table(rows), List.of(PROP));
  }

  private static PublishedTable publish(Viewer viewer) {
    return Publication.publish(assessed(), viewer, DisclosurePolicy.defaults(), KEY);
  }

  private static PublishedRow row(PublishedTable t, Level level, String unit) {
    return t.rows().stream().filter(r -> r.level() == level && r.unitId().equals(unit)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + level + " " + unit + " in " + t.rows()));
  }

  /** Every sum (a cluster and its clinics; a cluster, a clinic and its rest) has 0 or ≥ 2 hidden numerators. */
  private static void assertComplementary(PublishedTable t) {
    Map<String, List<PublishedRow>> clinics = t.rows().stream().filter(r -> r.level() == Level.CLINIC)
        .collect(Collectors.groupingBy(PublishedRow::parentId));
    for (Map.Entry<String, List<PublishedRow>> e : clinics.entrySet()) {
      boolean clusterHidden = hidden(row(t, Level.CLUSTER, e.getKey()));
      long hidden = e.getValue().stream().filter(PublicationTest::hidden).count() + (clusterHidden ? 1 : 0);
      assertTrue(hidden != 1, "cluster " + e.getKey() + " has exactly one hidden member: " + t.rows());
      for (PublishedRow c : e.getValue()) {
        PublishedRow rest = row(t, Level.REST_OF_CLUSTER, c.unitId());
        long inSum = (hidden(c) ? 1 : 0) + (hidden(rest) ? 1 : 0) + (clusterHidden ? 1 : 0);
        assertTrue(inSum != 1, "cluster = " + c.unitId() + " + its rest with one hidden member: " + t.rows());
      }
    }
  }

  private static boolean hidden(PublishedRow r) {
    return r.numerator().status() == Status.SUPPRESSED;
  }

  @Test
  void publish_publicAndRegion_showClusterLevelAndAboveOnly() {
    for (Audience audience : List.of(Audience.PUBLIC, Audience.REGION)) {
      PublishedTable t = publish(Viewer.of(audience));
      assertTrue(t.rows().stream().noneMatch(r -> r.level() == Level.CLINIC || r.level() == Level.REST_OF_CLUSTER),
          audience + ": " + t.rows());
      assertEquals(List.of("k1", "k2", "r1", "DK"), t.rows().stream().map(PublishedRow::unitId).toList());
      assertTrue(t.rows().stream().noneMatch(PublishedRow::suppressed));
      // k1 has a funnel around the nation and a comparison with the rest of the nation.
      assertTrue(row(t, Level.CLUSTER, "k1").statistics().funnel().isPresent());
      assertTrue(row(t, Level.CLUSTER, "k1").statistics().vsNation().isPresent());
    }
  }

  @Test
  void publish_clusterAudience_smallCellSuppressedNotZero() {
    PublishedTable t = publish(new Viewer(Audience.CLUSTER, java.util.Optional.of("D")));
    List<PublishedRow> k1 = t.rows().stream().filter(r -> r.level() == Level.CLINIC && r.parentId().equals("k1")).toList();
    List<PublishedRow> hidden = k1.stream().filter(PublishedRow::suppressed).toList();
    // A (3 < 5) is primary; B is hidden to protect it, and D too, or B (who knows B) would get A back.
    // D is the viewer, so D's own row is shown.
    assertEquals(2, hidden.size(), k1.toString());
    for (PublishedRow h : hidden) {
      assertEquals(Status.SUPPRESSED, h.numerator().status());
      assertEquals(OptionalLong.empty(), h.numerator().count());
      assertEquals(Status.SHOWN, h.denominator().status(), "the denominators are not small and stay shown");
      assertEquals(Status.SUPPRESSED, h.value().status());
      assertTrue(h.value().value().isEmpty());
      assertEquals(RowStatistics.NONE, h.statistics());
      assertTrue(h.unitId().matches("k1-P0[1-3]"), h.unitId());
      assertTrue(row(t, Level.REST_OF_CLUSTER, h.unitId()).suppressed());
    }
    // D works its own rest out as k1 − D, so it is shown to D.
    assertEquals(OptionalLong.of(23), row(t, Level.REST_OF_CLUSTER, "D").numerator().count());
    assertFalse(row(t, Level.CLUSTER, "k1").suppressed());
    assertComplementary(t);
  }

  @Test
  void publish_clinicWithIncompleteData_countsShownValueAndStatisticsWithheld() {
    List<ResultRow> rows = new ArrayList<>(assessed().rows().stream().map(AssessedRow::row).toList());
    ResultRow e = rows.get(3);
    rows.set(3, new ResultRow(e.indicatorId(), e.indicatorVersion(), e.level(), e.unitId(), e.parentId(), e.period(),
        e.counts(), e.value(), true));
    AssessedTable assessed = Assessment.assess(table(rows), List.of(PROP));
    assertEquals(RowStatistics.NONE, assessed.rows().get(3).statistics(), "no interval, standard or funnel");
    PublishedTable t = Publication.publish(assessed, new Viewer(Audience.CLUSTER, java.util.Optional.of("E")),
        DisclosurePolicy.defaults(), KEY);
    PublishedRow own = row(t, Level.CLINIC, "E");
    assertEquals(Status.DATA_INCOMPLETE, own.value().status());
    assertEquals(java.util.OptionalDouble.empty(), own.value().value(), "never shown as a number, 0 or otherwise");
    assertEquals(OptionalLong.of(30), own.numerator().count(), "the counts are what they are");
    assertEquals(RowStatistics.NONE, own.statistics());
    PublishedRow other = t.rows().stream()
        .filter(r -> r.level() == Level.CLINIC && r.parentId().equals("k2") && !r.ownClinic()).findFirst().orElseThrow();
    assertTrue(other.value().value().isPresent(), "the other clinics are judged as usual: " + other);
    assertTrue(other.statistics().funnel().isPresent(), other::toString);
  }

  @Test
  void publish_audit_namesPrimaryAndComplementsWithTheOutsidersRange() {
    DisclosureAudit audit = publish(Viewer.of(Audience.CLUSTER)).audit();
    List<DisclosureAudit.HiddenCount> primary = audit.hidden(SuppressionReason.SMALL_COUNT);
    assertEquals(1, primary.size());
    assertEquals("A", primary.get(0).unitId());
    assertEquals(3, primary.get(0).value());
    Range r = primary.get(0).range().orElseThrow();
    assertEquals(0, r.lower(), "the attacker cannot rule out 0");
    assertTrue(r.upper() >= 3 + 5, "nor up to the value + the protection level: " + r);
    // B and D; a rest of cluster is a difference of published cells, not a cell of its own.
    assertEquals(2, audit.complementary(), audit.hidden().toString());
    assertEquals(0, audit.unprotected());
  }

  @Test
  void publish_sameCountInTwoIndicators_isHiddenInBoth() {
    // "measured" counts persons with an HbA1c; "above" has them as its denominator.
    org.klynge.core.definition.Criterion diabetes = new org.klynge.core.definition.PopulationRef("diabetes");
    org.klynge.core.definition.Criterion measured = new org.klynge.core.definition.SexIs(org.klynge.core.model.Sex.FEMALE);
    Indicator measuredInd = Indicator.builder().id("measured").version("1").title("m").scoring(new org.klynge.core.definition.Proportion())
        .populations(org.klynge.core.definition.Populations.of(diabetes, measured))
        .direction(org.klynge.core.definition.Direction.HIGHER_IS_BETTER).build();
    Indicator aboveInd = Indicator.builder().id("above").version("1").title("a").scoring(new org.klynge.core.definition.Proportion())
        .populations(new org.klynge.core.definition.Populations(diabetes, java.util.Optional.of(measured),
            java.util.Optional.empty(), java.util.Optional.empty(),
            java.util.Optional.of(org.klynge.core.definition.AgeInRange.atLeast(70)), java.util.Optional.empty()))
        .direction(org.klynge.core.definition.Direction.LOWER_IS_BETTER).build();
    assertEquals(CountedPopulations.of(measuredInd).numerator(), CountedPopulations.of(aboveInd).denominator());
    List<ResultRow> rows = new ArrayList<>();
    // Cluster k1 = A + B + D; A's "above" numerator is 2 (primary).
    long[][] measuredCounts = {{40, 50}, {60, 70}, {80, 90}};
    long[][] aboveCounts = {{2, 40}, {30, 60}, {40, 80}};
    String[] clinics = {"A", "B", "D"};
    for (Object[] spec : new Object[][] {{measuredInd, measuredCounts}, {aboveInd, aboveCounts}}) {
      Indicator ind = (Indicator) spec[0];
      long[][] c = (long[][]) spec[1];
      long x = 0;
      long n = 0;
      for (int i = 0; i < 3; i++) {
        rows.add(p(ind, Level.CLINIC, clinics[i], "k1", c[i][0], c[i][1]));
        x += c[i][0];
        n += c[i][1];
      }
      for (int i = 0; i < 3; i++) {
        rows.add(p(ind, Level.REST_OF_CLUSTER, clinics[i], "k1", x - c[i][0], n - c[i][1]));
      }
      rows.add(p(ind, Level.CLUSTER, "k1", "r1", x, n));
      rows.add(p(ind, Level.REGION, "r1", "", x, n));
      rows.add(p(ind, Level.NATION, "DK", "", x, n));
    }
    AssessedTable assessed = Assessment.assess(table(rows), List.of(measuredInd, aboveInd));
    PublishedTable t = Publication.publish(assessed, Viewer.of(Audience.CLUSTER), DisclosurePolicy.defaults(), KEY);
    for (PublishedRow r : t.rows()) {
      if (r.indicatorId().equals("above")) {
        PublishedRow same = t.rows().stream()
            .filter(o -> o.indicatorId().equals("measured") && o.level() == r.level() && o.unitId().equals(r.unitId()))
            .findFirst().orElseThrow();
        assertEquals(r.denominator().status(), same.numerator().status(),
            "one count, hidden everywhere or nowhere: " + r + " / " + same);
      }
    }
  }

  @Test
  void publish_clusterAudience_viewersOwnClinicShownUnderItsId() {
    PublishedTable t = publish(new Viewer(Audience.CLUSTER, java.util.Optional.of("D")));
    PublishedRow d = row(t, Level.CLINIC, "D");
    assertFalse(d.suppressed());
    assertEquals(OptionalLong.of(30), d.numerator().count());
    assertEquals(OptionalLong.of(90), d.denominator().count());
    assertTrue(d.statistics().interval().isPresent());
    // Other clinics are pseudonyms; the real ids appear nowhere.
    assertTrue(t.rows().stream().noneMatch(r -> List.of("A", "B", "E", "F").contains(r.unitId())));
  }

  @Test
  void publish_clinicAudience_ownSmallClinicShown() {
    PublishedTable t = publish(Viewer.clinic("A"));
    PublishedRow a = row(t, Level.CLINIC, "A");
    assertFalse(a.suppressed());
    assertTrue(a.ownClinic());
    assertEquals(OptionalLong.of(3), a.numerator().count());
    assertEquals(7.5, a.value().value().getAsDouble(), 1e-9);
    assertTrue(a.statistics().interval().isPresent());
    // A's rest (50/150) is shown here, so A's comparison with it is too.
    assertEquals(row(t, Level.REST_OF_CLUSTER, "A").suppressed(), a.statistics().vsRest().isEmpty());
    assertComplementary(t);
  }

  @Test
  void publish_shownClinicBesideHiddenRest_withholdsVsRest() {
    PublishedTable t = publish(new Viewer(Audience.CLUSTER, java.util.Optional.of("D")));
    for (PublishedRow c : t.rows()) {
      if (c.level() == Level.CLINIC && !c.suppressed()) {
        boolean restShown = !row(t, Level.REST_OF_CLUSTER, c.unitId()).suppressed();
        assertEquals(restShown, c.statistics().vsRest().isPresent(), c.toString());
      }
    }
  }

  @Test
  void publish_thresholdOne_showsEverything() {
    DisclosurePolicy policy = DisclosurePolicy.defaults();
    for (Audience a : Audience.values()) {
      policy = policy.withThreshold(a, 1);
    }
    PublishedTable t = Publication.publish(assessed(), Viewer.of(Audience.CLUSTER), policy, KEY);
    assertTrue(t.rows().stream().noneMatch(PublishedRow::suppressed));
    assertEquals(14, t.rows().size());
    assertEquals(1, t.threshold());
  }

  @Test
  void publish_clinicThresholdStricterThanClusters_protectsClinicCellsForBoth() {
    // One policy serves every audience: a clinic cell is protected at the strictest of the clinic
    // and cluster audiences, since both see it.
    DisclosurePolicy policy = DisclosurePolicy.defaults().withThreshold(Audience.CLUSTER, 1);
    PublishedTable t = Publication.publish(assessed(), Viewer.of(Audience.CLUSTER), policy, KEY);
    assertTrue(t.rows().stream().anyMatch(PublishedRow::suppressed));
    assertEquals(1, t.threshold());
  }

  @Test
  void publish_pseudonymisedClinics_areSortedByPseudonym() {
    PublishedTable t = publish(Viewer.of(Audience.CLUSTER));
    List<String> ids = t.rows().stream().filter(r -> r.level() == Level.CLINIC).map(PublishedRow::unitId).toList();
    assertEquals(ids.stream().sorted().toList(), ids);
    assertEquals(List.of("k1-P01", "k1-P02", "k1-P03", "k2-P01", "k2-P02"), ids);
  }

  @Test
  void publish_rounding_roundsShownCountsAndComputesFromThem() {
    DisclosurePolicy policy = DisclosurePolicy.defaults().withRounding(5);
    PublishedTable t = Publication.publish(assessed(), Viewer.of(Audience.PUBLIC), policy, KEY);
    PublishedRow k1 = row(t, Level.CLUSTER, "k1");
    assertEquals(Status.ROUNDED, k1.numerator().status());
    assertEquals(OptionalLong.of(55), k1.numerator().count());
    assertEquals(OptionalLong.of(190), k1.denominator().count());
    // The value and interval come from the published 55/190, not the true 53/190.
    assertEquals(55.0 / 190 * 100, k1.value().value().getAsDouble(), 1e-9);
    assertEquals(Assessment.interval(PROP.scoring(), new PopulationCounts(190, 190, 0, 0, 55, 0, 55, 0, 55)),
        k1.statistics().interval());
    assertTrue(k1.statistics().funnel().isEmpty(), "funnels are withheld under rounding");
    assertTrue(k1.statistics().vsNation().isEmpty(), "comparisons are withheld under rounding");
  }

  @Test
  void publish_viewersClinicWithoutARow_isAnError() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> publish(Viewer.clinic("gone")));
    assertTrue(e.getMessage().contains("gone"), e.getMessage());
  }

  @Test
  void publish_publicAndCluster_agreeOnEveryCellBothShow() {
    PublishedTable pub = publish(Viewer.of(Audience.PUBLIC));
    PublishedTable cluster = publish(new Viewer(Audience.CLUSTER, java.util.Optional.of("D")));
    for (PublishedRow r : pub.rows()) {
      PublishedRow c = row(cluster, r.level(), r.unitId());
      assertEquals(r.numerator(), c.numerator());
      assertEquals(r.denominator(), c.denominator());
    }
  }

  @Test
  void writeCsv_suppressedRow_hasEmptyCellsAndStatusSuppressed() throws IOException {
    StringWriter out = new StringWriter();
    ResultWriter.writeCsv(publish(new Viewer(Audience.CLUSTER, java.util.Optional.of("D"))), out);
    List<String> lines = out.toString().lines().toList();
    assertEquals(String.join(",", ResultWriter.PUBLISHED_CSV_COLUMNS), lines.get(0));
    String hidden = lines.stream().filter(l -> l.contains(",suppressed,")).findFirst().orElseThrow();
    String[] cells = hidden.split(",", -1);
    assertEquals(ResultWriter.PUBLISHED_CSV_COLUMNS.size(), cells.length);
    List<String> columns = ResultWriter.PUBLISHED_CSV_COLUMNS;
    assertEquals("", cells[columns.indexOf("numerator")], hidden);
    for (int i = columns.indexOf("value"); i < columns.indexOf("numerator_population"); i++) {
      assertEquals("", cells[i], columns.get(i) + " in " + hidden);
    }
    assertEquals("persons-in-denominator", cells[columns.indexOf("numerator_kind")]);
    assertEquals("false", cells[columns.indexOf("own_clinic")]);
    assertTrue(lines.stream().noneMatch(l -> l.contains("small_count") || l.contains("complementary")),
        "published files do not say why a cell is hidden");
    String d = lines.stream().filter(l -> l.startsWith("prop,1,clinic,D,k1,")).findFirst().orElseThrow();
    assertTrue(d.contains(",shown,30,90,33.333"), d);
    assertTrue(d.endsWith(",true,,false,,,"), d);
    assertTrue(d.contains(",met,not_determinable,") || d.contains(",not_met,"), d);
  }

  @Test
  void writeJson_suppressedRow_hasNullsAndStatus() throws IOException {
    StringWriter out = new StringWriter();
    ResultWriter.writeJson(publish(new Viewer(Audience.CLUSTER, java.util.Optional.of("D"))), out);
    String json = out.toString();
    assertTrue(json.contains("\"audience\" : \"cluster\""), json);
    assertTrue(json.contains("\"status\" : \"suppressed\""), json);
    assertTrue(json.contains("\"status\" : \"suppressed\",\n    \"numerator\" : null,\n    \"denominator\" : 60,\n    \"value\" : null"), json);
    assertFalse(json.contains("suppression_reason"), json);
  }
}
