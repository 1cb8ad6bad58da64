package org.klynge.core.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The suppressor on small hand-made models whose answers can be worked out on paper. */
class SuppressorTest {
  private static final Protection FIVE = new Protection(5, 5, false);

  /** A cluster with clinics (values given) and their rest cells; each clinic knows its own cell. */
  private static final class Cluster {
    final DisclosureModel.Builder b = DisclosureModel.builder();
    final int total;
    final int[] clinics;
    final int[] rests;

    Cluster(long... values) {
      long sum = 0;
      for (long v : values) {
        sum += v;
      }
      total = b.cell("k", sum, FIVE, 4);
      clinics = new int[values.length];
      rests = new int[values.length];
      for (int i = 0; i < values.length; i++) {
        clinics[i] = b.cell("c" + i, values[i], FIVE, 1);
        b.knownTo("clinic" + i, clinics[i]);
      }
      for (int i = 0; i < values.length; i++) {
        // Beside one of two clinics, the rest is the other clinic: the same cell.
        rests[i] = values.length == 2 ? clinics[1 - i] : b.cell("rest" + i, sum - values[i], FIVE, 1);
      }
      b.sum(total, java.util.Arrays.stream(clinics).boxed().toList());
      for (int i = 0; i < values.length; i++) {
        b.sum(total, List.of(clinics[i], rests[i]));
      }
    }
  }

  @Test
  void suppress_smallClinic_isHiddenWithEnoughComplementsThatNoOtherClinicGetsItBack() {
    Cluster k = new Cluster(3, 20, 30, 40);
    Suppression s = Suppressor.suppress(k.b.build());
    assertEquals(Optional.of(SuppressionReason.SMALL_COUNT), s.reason(k.clinics[0]));
    assertTrue(s.hidden(k.rests[0]), "the rest beside the small clinic would give it back");
    long hiddenClinics = java.util.Arrays.stream(k.clinics).filter(s::hidden).count();
    assertEquals(3, hiddenClinics, "one complement would give it back to that complement's own clinic");
    assertFalse(s.hidden(k.total));
    Range r = s.range(k.clinics[0]).orElseThrow();
    assertEquals(0, r.lower());
    assertTrue(r.upper() >= 8, r.toString());
    assertEquals(0, s.unprotected());
  }

  @Test
  void suppress_zero_isShown() {
    Cluster k = new Cluster(0, 20, 30);
    Suppression s = Suppressor.suppress(k.b.build());
    assertEquals(0, s.hiddenCells());
  }

  @Test
  void suppress_complementsOfZero_doNotProtect() {
    // 3 + 0 + 0 + 50: hiding the zeros leaves 3 pinned between 0 and 3, so the 50 must go too.
    Cluster k = new Cluster(3, 0, 0, 50);
    Suppression s = Suppressor.suppress(k.b.build());
    Range r = s.range(k.clinics[0]).orElseThrow();
    assertTrue(r.upper() >= 8, r.toString());
    assertTrue(s.hidden(k.clinics[3]) || s.hidden(k.total));
  }

  @Test
  void suppress_twoClinicCluster_hidesTheTotal() {
    // With two clinics, the other clinic knows its own count and would get 2 = k − own back.
    Cluster k = new Cluster(2, 40);
    Suppression s = Suppressor.suppress(k.b.build());
    assertTrue(s.hidden(k.total));
    assertEquals(0, s.unprotected());
  }

  @Test
  void suppress_smallComplement_isPrimaryWhenAsked() {
    DisclosureModel.Builder b = DisclosureModel.builder();
    Protection p = new Protection(5, 5, true);
    int x = b.cell("x", 98, p, 1);
    int n = b.cell("n", 100, p, 1);
    int y = b.cell("y", 60, p, 1);
    int m = b.cell("m", 80, p, 1);
    int tx = b.cell("tx", 158, p, 4);
    int tn = b.cell("tn", 180, p, 4);
    b.atMost(x, n, true).atMost(y, m, true).sum(tx, List.of(x, y)).sum(tn, List.of(n, m));
    Suppression s = Suppressor.suppress(b.build());
    assertEquals(Optional.of(SuppressionReason.SMALL_COMPLEMENT), s.reason(x));
    assertTrue(s.hidden(y), "x alone would follow from the total");
  }

  @Test
  void suppress_smallComplement_notPrimaryWithoutThePolicy() {
    DisclosureModel.Builder b = DisclosureModel.builder();
    int x = b.cell("x", 98, FIVE, 1);
    int n = b.cell("n", 100, FIVE, 1);
    b.atMost(x, n, true);
    assertEquals(0, Suppressor.suppress(b.build()).hiddenCells());
  }

  @Test
  void suppress_monthsOfAYear_hideASecondMonth() {
    DisclosureModel.Builder b = DisclosureModel.builder();
    int[] months = new int[12];
    long year = 0;
    for (int i = 0; i < 12; i++) {
      long v = i == 4 ? 2 : 30 + i;
      months[i] = b.cell("m" + i, v, FIVE, 1);
      year += v;
    }
    int y = b.cell("year", year, FIVE, 4);
    b.sum(y, java.util.Arrays.stream(months).boxed().toList());
    Suppression s = Suppressor.suppress(b.build());
    assertTrue(s.hidden(months[4]));
    assertTrue(java.util.Arrays.stream(months).filter(s::hidden).count() >= 2);
    assertTrue(s.range(months[4]).orElseThrow().upper() >= 7);
  }

  @Test
  void suppress_sharedCell_isOneCell() {
    DisclosureModel.Builder b = DisclosureModel.builder();
    int a = b.cell("same", 3, FIVE, 1);
    int again = b.cell("same", 3, FIVE, 1);
    assertEquals(a, again);
    assertEquals(1, b.build().size());
  }

  @Test
  void derivable_ownRest_isKnownToItsClinic() {
    Cluster k = new Cluster(3, 20, 30, 40);
    Suppression s = Suppressor.suppress(k.b.build());
    Set<Integer> known = Suppressor.derivable(s, "clinic0", false);
    assertTrue(known.contains(k.rests[0]), "k − own is the own clinic's rest");
    assertFalse(known.contains(k.clinics[1]));
    assertEquals(Set.of(), Suppressor.derivable(s, "nobody", false));
  }

  @Test
  void derivable_clusterOfOwnAndZeros_isKnownBesideManyHiddenClusters() {
    // k0 = own 2 + two clinics of 0; beside it 450 small clusters, all hidden: too many to gather.
    DisclosureModel.Builder b = DisclosureModel.builder();
    int region = b.cell("r", 2 + 450 * 3, FIVE, 16);
    int k0 = b.cell("k0", 2, FIVE, 4);
    int own = b.cell("own", 2, FIVE, 1);
    List<Integer> clusters = new java.util.ArrayList<>(List.of(k0));
    for (int i = 1; i <= 450; i++) {
      clusters.add(b.cell("k" + i, 3, FIVE, 4));
    }
    b.knownTo("clinic0", own);
    b.sum(k0, List.of(own, b.cell("zero1", 0, FIVE, 1), b.cell("zero2", 0, FIVE, 1)));
    b.sum(region, clusters);
    Suppression s = Suppressor.suppress(b.build());
    assertTrue(s.hidden(k0) && s.hidden(own));
    Set<Integer> known = Suppressor.derivable(s, "clinic0", false);
    assertTrue(known.contains(k0), "k0 is the own 2 and two shown zeros");
    assertFalse(known.contains(clusters.get(1)));
  }

  @Test
  void derivable_roundedShownCells_onlyTheOwnCells() {
    Cluster k = new Cluster(3, 20, 30, 40);
    Suppression s = Suppressor.suppress(k.b.build());
    assertTrue(s.hidden(k.clinics[0]) && s.hidden(k.rests[0]));
    assertEquals(Set.of(k.clinics[0]), Suppressor.derivable(s, "clinic0", true),
        "the cluster is shown rounded: k − own is no longer exact");
  }

  @Test
  void builder_refusesInconsistentInput() {
    DisclosureModel.Builder b = DisclosureModel.builder();
    int a = b.cell("a", 3, FIVE, 1);
    int c = b.cell("c", 4, FIVE, 1);
    IllegalArgumentException twoValues = assertThrows(IllegalArgumentException.class, () -> b.cell("a", 4, FIVE, 1));
    assertTrue(twoValues.getMessage().contains("two values"), twoValues.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.cell("n", -1, FIVE, 1));
    IllegalArgumentException sum = assertThrows(IllegalArgumentException.class, () -> b.sum(c, List.of(a)));
    assertTrue(sum.getMessage().contains("add up to 3"), sum.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.atMost(c, a, false));
  }

  @Test
  void policy_refusesBadSettingsNamingThem() {
    IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
        () -> DisclosurePolicy.defaults().withThreshold(Audience.PUBLIC, 0));
    assertTrue(t.getMessage().contains("threshold for public"), t.getMessage());
    IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
        () -> DisclosurePolicy.defaults().withProtection(Audience.CLUSTER, 0));
    assertTrue(p.getMessage().contains("protection level for cluster"), p.getMessage());
    IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
        () -> DisclosurePolicy.defaults().withRounding(0));
    assertTrue(r.getMessage().contains("rounding base"), r.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new DisclosurePolicy(Map.of(), Map.of(), Set.of(), OptionalInt.empty()));
  }

  @Test
  void policy_strictestOfTheAudiencesThatSeeACell() {
    DisclosurePolicy policy = DisclosurePolicy.defaults().withThreshold(Audience.CLINIC, 3)
        .withThreshold(Audience.CLUSTER, 7).withProtection(Audience.CLINIC, 9);
    Protection p = policy.strictest(Set.of(Audience.CLINIC, Audience.CLUSTER));
    assertEquals(new Protection(7, 9, false), p);
    assertTrue(policy.strictest(Set.of(Audience.PUBLIC)).smallComplements(), "on by default for public");
    assertEquals(5, policy.protection(Audience.PUBLIC), "the threshold when no level is set");
  }

  @Test
  void roundToBase_halvesUp() {
    assertEquals(5, DisclosurePolicy.roundToBase(7, 5));
    assertEquals(10, DisclosurePolicy.roundToBase(8, 5));
    assertEquals(0, DisclosurePolicy.roundToBase(2, 5));
    assertEquals(10, DisclosurePolicy.roundToBase(5, 10));
  }
}
