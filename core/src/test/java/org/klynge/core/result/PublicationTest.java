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
import org.klynge.core.disclosure.Viewer;

/** Disclosure control applied to an assessed result table, for each audience. */
class PublicationTest {
  private static final String KEY = "test-key";
  private static final Indicator PROP = Tables.proportion("prop");

  /**
   * Cluster k1: A 3/40, B 20/60, D 30/90 (53/190); cluster k2: E 30/50, F 40/60 (70/110); region r1
   * and the nation 123/300. The example of {@link org.klynge.core.disclosure.Disclosure} plus a
   * second cluster.
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

  /** Every additive group (a cluster and its clinics; a rest and the other clinics) has 0 or ≥ 2 hidden members. */
  private static void assertComplementary(PublishedTable t) {
    Map<String, List<PublishedRow>> clinics = t.rows().stream().filter(r -> r.level() == Level.CLINIC)
        .collect(Collectors.groupingBy(PublishedRow::parentId));
    for (Map.Entry<String, List<PublishedRow>> e : clinics.entrySet()) {
      long hidden = e.getValue().stream().filter(PublishedRow::suppressed).count()
          + (row(t, Level.CLUSTER, e.getKey()).suppressed() ? 1 : 0);
      assertTrue(hidden != 1, "cluster " + e.getKey() + " has exactly one hidden member: " + t.rows());
      for (PublishedRow c : e.getValue()) {
        PublishedRow rest = row(t, Level.REST_OF_CLUSTER, c.unitId());
        long others = e.getValue().stream().filter(o -> o != c && o.suppressed()).count() + (rest.suppressed() ? 1 : 0);
        assertTrue(others != 1, "rest of " + c.unitId() + " and the other clinics: one hidden member");
        assertTrue(!c.suppressed() || rest.suppressed(), "a hidden clinic's rest row is hidden too");
      }
    }
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
    // A (3 < 5) is suppressed for its small count, B (the smallest other clinic) to protect it.
    assertEquals(2, hidden.size(), k1.toString());
    assertEquals(List.of(SuppressionReason.SMALL_COUNT, SuppressionReason.COMPLEMENTARY),
        hidden.stream().map(PublishedRow::suppression).sorted().toList());
    for (PublishedRow h : hidden) {
      assertEquals(Status.SUPPRESSED, h.numerator().status());
      assertEquals(OptionalLong.empty(), h.numerator().count());
      assertEquals(Status.SUPPRESSED, h.denominator().status());
      assertEquals(Status.SUPPRESSED, h.value().status());
      assertTrue(h.value().value().isEmpty());
      assertEquals(RowStatistics.NONE, h.statistics());
      assertTrue(h.unitId().matches("k1-P0[1-3]"), h.unitId());
      assertTrue(row(t, Level.REST_OF_CLUSTER, h.unitId()).suppressed());
    }
    assertComplementary(t);
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
    DisclosurePolicy policy = DisclosurePolicy.defaults().withThreshold(Audience.CLUSTER, 1);
    PublishedTable t = Publication.publish(assessed(), Viewer.of(Audience.CLUSTER), policy, KEY);
    assertTrue(t.rows().stream().noneMatch(PublishedRow::suppressed));
    assertEquals(14, t.rows().size());
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
  void publish_rounding_roundsShownCounts() {
    DisclosurePolicy policy = DisclosurePolicy.defaults().withRounding(5);
    PublishedTable t = Publication.publish(assessed(), Viewer.of(Audience.PUBLIC), policy, KEY);
    PublishedRow k1 = row(t, Level.CLUSTER, "k1");
    assertEquals(Status.ROUNDED, k1.numerator().status());
    assertEquals(OptionalLong.of(55), k1.numerator().count());
    assertEquals(53.0 / 190 * 100, k1.value().value().getAsDouble(), 1e-9);
  }

  @Test
  void publish_viewersClinicWithoutARow_isTreatedAsNoOwnClinic() {
    PublishedTable t = publish(Viewer.clinic("gone"));
    assertTrue(t.rows().stream().anyMatch(PublishedRow::suppressed));
    assertTrue(t.rows().stream().filter(r -> r.level() == Level.CLINIC).allMatch(r -> r.unitId().contains("-P")));
  }

  @Test
  void writeCsv_suppressedRow_hasEmptyCellsAndStatusSuppressed() throws IOException {
    StringWriter out = new StringWriter();
    ResultWriter.writeCsv(publish(new Viewer(Audience.CLUSTER, java.util.Optional.of("D"))), out);
    List<String> lines = out.toString().lines().toList();
    assertEquals(String.join(",", ResultWriter.PUBLISHED_CSV_COLUMNS), lines.get(0));
    String hidden = lines.stream().filter(l -> l.contains(",suppressed,small_count,")).findFirst().orElseThrow();
    String[] cells = hidden.split(",", -1);
    assertEquals(ResultWriter.PUBLISHED_CSV_COLUMNS.size(), cells.length);
    for (int i = ResultWriter.PUBLISHED_CSV_COLUMNS.indexOf("numerator"); i < cells.length; i++) {
      assertEquals("", cells[i], ResultWriter.PUBLISHED_CSV_COLUMNS.get(i) + " in " + hidden);
    }
    String d = lines.stream().filter(l -> l.startsWith("prop,1,clinic,D,k1,")).findFirst().orElseThrow();
    assertTrue(d.contains(",shown,,30,90,33.333"), d);
    assertTrue(d.contains(",met,not_determinable,") || d.contains(",not_met,"), d);
  }

  @Test
  void writeJson_suppressedRow_hasNullsAndStatus() throws IOException {
    StringWriter out = new StringWriter();
    ResultWriter.writeJson(publish(new Viewer(Audience.CLUSTER, java.util.Optional.of("D"))), out);
    String json = out.toString();
    assertTrue(json.contains("\"audience\" : \"cluster\""), json);
    assertTrue(json.contains("\"status\" : \"suppressed\""), json);
    assertTrue(json.contains("\"suppression_reason\" : \"small_count\",\n    \"numerator\" : null,\n    \"denominator\" : null,\n    \"value\" : null"), json);
  }
}
