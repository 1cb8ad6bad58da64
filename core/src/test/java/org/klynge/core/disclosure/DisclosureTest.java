package org.klynge.core.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DisclosureTest {
  private static final String KEY = "test-key";

  static InputRow row(String id, String parent, Level level, long x, long n) {
    return new InputRow(id, Optional.ofNullable(parent), level, x, n,
        n == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * x / n));
  }

  /** The example in the Javadoc of {@link Disclosure}. */
  private static final List<InputRow> CLUSTER = List.of(
      row("C", null, Level.CLUSTER, 53, 190),
      row("A", "C", Level.CLINIC, 3, 40),
      row("B", "C", Level.CLINIC, 20, 60),
      row("D", "C", Level.CLINIC, 30, 90));

  private static DisclosedTable publish(List<InputRow> rows, Viewer viewer, boolean rest) {
    return Disclosure.apply(rows, viewer, DisclosurePolicy.defaults(), rest, KEY);
  }

  @Test
  void apply_oneSmallClinic_suppressesNextSmallestToo() {
    DisclosedTable t = publish(CLUSTER, Viewer.of(Audience.CLUSTER), false);
    List<SuppressionReason> reasons = t.cells().stream().map(Cell::reason).collect(Collectors.toList());
    assertEquals(List.of(SuppressionReason.NONE, SuppressionReason.SMALL_COUNT, SuppressionReason.COMPLEMENTARY,
        SuppressionReason.NONE), reasons);
  }

  @Test
  void apply_suppressedCell_saysSuppressedAndHasNoNumber() {
    Cell a = publish(CLUSTER, Viewer.of(Audience.CLUSTER), false).cells().get(1);
    assertEquals(Status.SUPPRESSED, a.numerator().status());
    assertEquals(OptionalLong.empty(), a.numerator().count());
    assertEquals(Status.SUPPRESSED, a.denominator().status());
    assertEquals(Status.SUPPRESSED, a.value().status());
    assertTrue(a.suppressed());
  }

  @Test
  void apply_clusterAudience_pseudonymisesClinics() {
    DisclosedTable t = publish(CLUSTER, Viewer.of(Audience.CLUSTER), false);
    for (Cell c : t.cells().subList(1, 4)) {
      assertTrue(c.label().matches("C-P0[1-3]"), c.label());
      assertEquals(Optional.empty(), c.unitId());
    }
    assertEquals(Optional.of("C"), t.cells().get(0).unitId());
  }

  @Test
  void apply_clinicAudience_ownClinicIdentifiableAndNeverSuppressed() {
    DisclosedTable t = publish(CLUSTER, Viewer.clinic("A"), false);
    Cell own = t.cells().get(1);
    assertEquals("A", own.label());
    assertEquals(Optional.of("A"), own.unitId());
    assertFalse(own.suppressed());
    assertEquals(OptionalLong.of(3), own.numerator().count());
  }

  @Test
  void apply_clinicAudience_otherSmallClinicNeedsPartnerBesidesOwn() {
    List<InputRow> rows = List.of(
        row("C", null, Level.CLUSTER, 33, 190),
        row("A", "C", Level.CLINIC, 10, 40),
        row("B", "C", Level.CLINIC, 3, 60),
        row("D", "C", Level.CLINIC, 20, 90));
    DisclosedTable t = publish(rows, Viewer.clinic("A"), false);
    // B is small; A is known to the viewer, so D must be hidden as well.
    assertEquals(SuppressionReason.SMALL_COUNT, t.cells().get(2).reason());
    assertEquals(SuppressionReason.COMPLEMENTARY, t.cells().get(3).reason());
    assertFalse(t.cells().get(1).suppressed());
  }

  @Test
  void apply_twoClinicsOneOwn_hidesClusterTotal() {
    List<InputRow> rows = List.of(
        row("C", null, Level.CLUSTER, 13, 100), row("A", "C", Level.CLINIC, 10, 50), row("B", "C", Level.CLINIC, 3, 50));
    DisclosedTable t = publish(rows, Viewer.clinic("A"), false);
    assertTrue(t.cells().get(0).suppressed());
    assertTrue(t.cells().get(2).suppressed());
  }

  @Test
  void apply_restOfCluster_hiddenWithItsClinic() {
    DisclosedTable t = publish(CLUSTER, Viewer.of(Audience.CLUSTER), true);
    // Order: C, A, rest-A, B, rest-B, D, rest-D.
    assertEquals(7, t.cells().size());
    assertEquals(CellKind.REST_OF_PARENT, t.cells().get(2).kind());
    assertTrue(t.cells().get(1).suppressed());
    assertTrue(t.cells().get(2).suppressed(), "rest of C excluding A would reveal A");
    assertTrue(t.cells().get(2).label().startsWith("rest of C excluding C-P0"));
  }

  @Test
  void apply_restOfClusterValue_comesFromUnroundedCounts() {
    List<InputRow> rows = List.of(
        row("C", null, Level.CLUSTER, 57, 203), row("A", "C", Level.CLINIC, 21, 101), row("B", "C", Level.CLINIC, 36, 102));
    DisclosurePolicy policy = DisclosurePolicy.defaults().withRounding(5);
    DisclosedTable t = Disclosure.apply(rows, Viewer.clinic("A"), policy, true, KEY);
    Cell rest = t.cells().get(2);
    assertEquals(Status.ROUNDED, rest.numerator().status());
    assertEquals(OptionalLong.of(35), rest.numerator().count());
    assertEquals(OptionalLong.of(100), rest.denominator().count());
    assertEquals(100.0 * 36 / 102, rest.value().value().orElseThrow(), 1e-12);
  }

  @Test
  void apply_regionAudience_showsNoClinics() {
    List<InputRow> rows = List.of(
        row("R", null, Level.REGION, 60, 300),
        row("C", "R", Level.CLUSTER, 53, 190),
        row("A", "C", Level.CLINIC, 3, 40),
        row("K", "R", Level.CLUSTER, 7, 110));
    DisclosedTable t = publish(rows, Viewer.of(Audience.REGION), true);
    assertEquals(List.of("R", "C", "K"), t.cells().stream().map(Cell::label).collect(Collectors.toList()));
    assertTrue(t.cells().stream().noneMatch(Cell::suppressed));
  }

  @Test
  void apply_smallClusterInRegion_suppressesAnotherCluster() {
    List<InputRow> rows = List.of(
        row("R", null, Level.REGION, 62, 400),
        row("C", "R", Level.CLUSTER, 53, 190),
        row("K", "R", Level.CLUSTER, 4, 110),
        row("M", "R", Level.CLUSTER, 5, 100));
    DisclosedTable t = publish(rows, Viewer.of(Audience.PUBLIC), false);
    assertEquals(SuppressionReason.SMALL_COUNT, t.cells().get(2).reason());
    assertEquals(SuppressionReason.COMPLEMENTARY, t.cells().get(3).reason());
    assertFalse(t.cells().get(1).suppressed());
  }

  @Test
  void apply_zeroCount_isShown() {
    List<InputRow> rows = List.of(row("C", null, Level.CLUSTER, 0, 100));
    Cell c = publish(rows, Viewer.of(Audience.PUBLIC), false).cells().get(0);
    assertEquals(OptionalLong.of(0), c.numerator().count());
  }

  @Test
  void apply_zeroDenominator_valueNotAvailable() {
    List<InputRow> rows = List.of(row("C", null, Level.CLUSTER, 0, 0));
    Cell c = publish(rows, Viewer.of(Audience.PUBLIC), false).cells().get(0);
    assertEquals(Status.NOT_AVAILABLE, c.value().status());
  }

  @Test
  void policy_thresholdPerAudience_isConfigurable() {
    DisclosurePolicy p = DisclosurePolicy.defaults().withThreshold(Audience.PUBLIC, 10);
    assertEquals(10, p.threshold(Audience.PUBLIC));
    assertEquals(Audience.DEFAULT_THRESHOLD, p.threshold(Audience.CLUSTER));
    List<InputRow> rows = List.of(row("C", null, Level.CLUSTER, 7, 100));
    assertTrue(Disclosure.apply(rows, Viewer.of(Audience.PUBLIC), p, false, KEY).cells().get(0).suppressed());
    assertFalse(Disclosure.apply(rows, Viewer.of(Audience.REGION), p, false, KEY).cells().get(0).suppressed());
  }

  @Test
  void roundToBase_roundsHalfUp() {
    assertEquals(5, Disclosure.roundToBase(7, 5));
    assertEquals(10, Disclosure.roundToBase(8, 5));
    assertEquals(0, Disclosure.roundToBase(2, 5));
    assertEquals(10, Disclosure.roundToBase(5, 10));
  }

  @Test
  void viewer_clinicAudienceWithoutClinic_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Viewer(Audience.CLINIC, Optional.empty()));
  }

  @Test
  void apply_ownClinicNotInTable_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> publish(CLUSTER, Viewer.clinic("Z"), false));
  }

  @Test
  void pseudonyms_doNotFollowIdOrder() {
    // Pseudonym order depends on the key, not on the ids: two keys give different orders for some ids.
    List<InputRow> rows = new java.util.ArrayList<>();
    rows.add(row("C", null, Level.CLUSTER, 1000, 10000));
    for (int i = 0; i < 8; i++) {
      rows.add(row("clinic" + i, "C", Level.CLINIC, 100 + i, 1000));
    }
    List<String> a = Disclosure.apply(rows, Viewer.of(Audience.CLUSTER), DisclosurePolicy.defaults(), false, "k1")
        .cells().stream().map(Cell::label).collect(Collectors.toList());
    List<String> b = Disclosure.apply(rows, Viewer.of(Audience.CLUSTER), DisclosurePolicy.defaults(), false, "k2")
        .cells().stream().map(Cell::label).collect(Collectors.toList());
    assertFalse(a.equals(b));
  }
}
