package org.klynge.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.klynge.core.audit.AuditFinding.Kind.INCONSISTENT;
import static org.klynge.core.audit.AuditFinding.Kind.RANGE_TOO_NARROW;
import static org.klynge.core.audit.AuditFinding.Kind.SMALL_COUNT_SHOWN;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The attacker's relations and findings, one rule a test, on tables built in memory. */
class AuditTest {

  private static final AuditSettings FIVE = AuditSettings.of(5);

  private static List<String> lines(AuditReport report) {
    return report.findings().stream().map(AuditFinding::toString).toList();
  }

  @Test
  void settings_belowOne_areRejectedNamingTheOption() {
    var threshold = assertThrows(IllegalArgumentException.class, () -> new AuditSettings(0, 5));
    assertEquals("threshold must be at least 1, got 0", threshold.getMessage());
    var protection = assertThrows(IllegalArgumentException.class, () -> new AuditSettings(5, 0));
    assertEquals("protection must be at least 1, got 0", protection.getMessage());
    assertEquals("threshold must be at least 1, got -1",
        assertThrows(IllegalArgumentException.class, () -> AuditSettings.of(-1)).getMessage());
  }

  @Test
  void settings_defaultProtection_isTheThreshold() {
    assertEquals(new AuditSettings(7, 7), AuditSettings.of(7));
  }

  @Test
  void run_clusterWithOneHiddenClinic_recoversItExactly() {
    AuditReport report = Published.file("c.csv")
        .cluster("k1", "r1", 18, 40).clinic("P01", "k1", 9, 15).clinic("P02", "k1", 6, 14)
        .clinic("P03", "k1", null, null).audit(FIVE);
    assertEquals(List.of("RANGE_TOO_NARROW c.csv:5 a clinic P03 2024 numerator = 3",
        "RANGE_TOO_NARROW c.csv:5 a clinic P03 2024 denominator = 11"), lines(report));
    assertEquals(1, report.files());
    assertEquals(4, report.rows());
    assertEquals(2, report.hiddenCells());
    assertTrue(report.findings(RANGE_TOO_NARROW).get(0).range().orElseThrow().width() == 0);
  }

  @Test
  void run_numeratorAtMostDenominator_narrowsTheNumerator() {
    // P02 + P03 = 9 with n3 ≤ 8: n3 in [0, 8], n2 in [1, 9]; with n3 ≤ 2 instead: [0, 2] and [7, 9].
    AuditReport report = Published.file("c.csv")
        .cluster("k1", "r1", 9, 40).clinic("P01", "k1", 0, 20)
        .clinic("P02", "k1", null, 12).clinic("P03", "k1", null, 8).audit(FIVE);
    assertTrue(report.passed(), lines(report).toString());
    AuditReport tight = Published.file("c.csv")
        .cluster("k1", "r1", 9, 40).clinic("P01", "k1", 0, 28)
        .clinic("P02", "k1", null, 10).clinic("P03", "k1", null, 2).audit(FIVE);
    assertEquals(List.of("RANGE_TOO_NARROW c.csv:4 a clinic P02 2024 numerator [7, 9]",
        "RANGE_TOO_NARROW c.csv:5 a clinic P03 2024 numerator [0, 2]",
        "SMALL_COUNT_SHOWN c.csv:5 a clinic P03 2024 denominator = 2"), lines(tight));
  }

  @Test
  void run_samePseudonymInTwoFiles_isNotLinked() {
    // If P02 of b.csv were P02 of a.csv, a.csv's P02 + P03 = 8 could not hold with P02 = 12.
    AuditTable a = Published.file("a.csv")
        .cluster("k1", "r1", 20, 60).clinic("P01", "k1", 12, 20).clinic("P02", "k1", null, null)
        .clinic("P03", "k1", null, null).table();
    AuditTable b = Published.file("b.csv")
        .cluster("k1", "r1", 20, 60).clinic("P01", "k1", null, null).clinic("P02", "k1", 12, 20)
        .clinic("P03", "k1", null, null).table();
    AuditReport report = Audit.runTables(List.of(a, b), FIVE);
    assertTrue(report.passed(), lines(report).toString());
    assertEquals(8, report.hiddenCells());
  }

  @Test
  void run_ownClinic_isTheSameUnitInEveryFile() {
    // a.csv shows the own clinic c7; b.csv hides it: it is a.csv's 7 of 20 (P01 and P02 stay pseudonyms).
    AuditTable a = Published.file("a.csv")
        .ownClinic("c7", "k1", 7, 20).clinic("P01", "k1", null, null).clinic("P02", "k1", null, null).table();
    AuditTable b = Published.file("b.csv")
        .cluster("k1", "r1", 30, 90).clinic("P01", "k1", null, null).clinic("P02", "k1", null, null)
        .row(UnitLevel.CLINIC, "c7", "k1", null, null, true).table();
    AuditReport report = Audit.runTables(List.of(a, b), FIVE);
    assertEquals(List.of("RANGE_TOO_NARROW b.csv:5 a clinic c7 2024 numerator = 7",
        "RANGE_TOO_NARROW b.csv:5 a clinic c7 2024 denominator = 20"), lines(report));
  }

  @Test
  void run_regionAndNation_areSumsOfTheirRows() {
    // r2 is the nation minus r1; k3 is r2 minus k4: both recovered, across levels.
    AuditReport report = Published.file("p.csv")
        .nation(100, 300).region("r1", 60, 200).region("r2", null, null)
        .cluster("k3", "r2", null, null).cluster("k4", "r2", 25, 60).audit(FIVE);
    assertEquals(List.of("RANGE_TOO_NARROW p.csv:4 a region r2 2024 numerator = 40",
        "RANGE_TOO_NARROW p.csv:4 a region r2 2024 denominator = 100",
        "RANGE_TOO_NARROW p.csv:5 a cluster k3 2024 numerator = 15",
        "RANGE_TOO_NARROW p.csv:5 a cluster k3 2024 denominator = 40"), lines(report));
  }

  @Test
  void run_unattributed_belongsToNoSum() {
    AuditReport report = Published.file("p.csv")
        .nation(100, 300).region("r1", 60, 200).region("r2", 40, 100).unattributed(null, null).audit(FIVE);
    assertTrue(report.passed(), lines(report).toString());
    assertEquals(2, report.hiddenCells());
  }

  @Test
  void run_quartersShownYearHidden_recoversTheYear() {
    Published p = Published.file("e.csv").indicator("e", "ee01", "dd01", NumeratorKind.EVENTS);
    for (int q = 1; q <= 4; q++) {
      p.quarter(q).cluster("k1", "r1", 10 + q, 100);
    }
    AuditReport report = p.year().cluster("k1", "r1", null, 100).audit(FIVE);
    assertEquals(List.of("RANGE_TOO_NARROW e.csv:6 e cluster k1 2024 numerator = 50"), lines(report));
    assertEquals(0, report.periodRelationsDropped());
  }

  @Test
  void run_periodRelationsTheDataBreak_areDroppedAndCounted() {
    // The months add up to 60, the quarters to 40: year = Σ months and year = Σ quarters cannot both hold.
    Published p = Published.file("e.csv").indicator("e", "ee01", "dd01", NumeratorKind.EVENTS);
    for (int m = 1; m <= 12; m++) {
      p.month(m).cluster("k1", "r1", 5, 100);
    }
    for (int q = 1; q <= 4; q++) {
      p.quarter(q).cluster("k1", "r1", 10, 100);
    }
    AuditReport report = p.year().cluster("k1", "r1", null, 100).audit(FIVE);
    assertTrue(report.passed(), lines(report).toString());
    assertEquals(2, report.periodRelationsDropped());
  }

  @Test
  void run_personsNumerators_areNotAddedOverPeriods() {
    Published p = Published.file("e.csv").indicator("p", "pp01", "dd01", NumeratorKind.PERSONS);
    for (int q = 1; q <= 4; q++) {
      p.quarter(q).cluster("k1", "r1", 10, 100);
    }
    assertTrue(p.year().cluster("k1", "r1", null, 100).audit(FIVE).passed());
  }

  @Test
  void run_filesThatContradictEachOther_areInconsistentNotAnError() {
    AuditTable a = Published.file("a.csv").cluster("k1", "r1", 20, 60).table();
    AuditTable b = Published.file("b.csv").cluster("k1", "r1", 21, 60).table();
    AuditReport report = Audit.runTables(List.of(a, b), FIVE);
    assertEquals(List.of("INCONSISTENT a.csv:2 a cluster k1 2024 numerator; b.csv:2 a cluster k1 2024 numerator"),
        lines(report));
  }

  @Test
  void run_shownCountsThatDoNotAdd_areInconsistent() {
    AuditReport report = Published.file("a.csv")
        .cluster("k1", "r1", 20, 60).clinic("P01", "k1", 9, 30).clinic("P02", "k1", 12, 30).audit(FIVE);
    assertEquals(1, report.findings(INCONSISTENT).size(), lines(report).toString());
    assertEquals(3, report.findings().get(0).cells().size());
  }

  @Test
  void run_infeasibleComponent_isInconsistentAndItsCellsGetNoRange() {
    // P03's numerator would be 20 − 9 − 12 = −1; its denominator, 60 − 40 = 20, is a component of its own.
    AuditReport report = Published.file("a.csv")
        .cluster("k1", "r1", 20, 60).clinic("P01", "k1", 9, 20).clinic("P02", "k1", 12, 20)
        .clinic("P03", "k1", null, null).audit(FIVE);
    assertEquals(List.of(INCONSISTENT, RANGE_TOO_NARROW), report.findings().stream().map(AuditFinding::kind).toList(),
        lines(report).toString());
    assertTrue(report.findings().get(0).range().isEmpty());
    assertEquals("RANGE_TOO_NARROW a.csv:5 a clinic P03 2024 denominator = 20", lines(report).get(1));
  }

  @Test
  void run_smallShownCount_isFlaggedButNotTheOwnClinics() {
    AuditReport report = Published.file("c.csv")
        .ownClinic("c7", "k1", 3, 10).clinic("P01", "k1", 2, 12).clinic("P02", "k1", 10, 20)
        .rest("c7", "k1", 12, 4, true).cluster("k1", "r1", 15, 42).audit(FIVE);
    assertEquals(List.of("SMALL_COUNT_SHOWN c.csv:3 a clinic P01 2024 numerator = 2",
        "SMALL_COUNT_SHOWN c.csv:5 a rest_of_cluster c7 2024 denominator = 4"),
        lines(report).stream().filter(l -> l.startsWith("SMALL")).toList());
  }

  @Test
  void run_hiddenTotalPinnedToTheViewersOwnCount_isNotAFinding() {
    // Own 2 + rest 0 = 2: the hidden cluster numerator holds only the viewer's patients. Its
    // denominator, 2 + the hidden rest, stays open. The file marks only the clinic row as own; the
    // rest beside it is the viewer's all the same.
    AuditReport own = Published.file("c.csv")
        .ownClinic("c7", "k1", 2, 2).clinic("P01", "k1", 0, null).rest("c7", "k1", 0, null, false)
        .cluster("k1", "r1", null, null).audit(FIVE);
    assertEquals(List.of(), lines(own));
    AuditReport other = Published.file("c.csv")
        .ownClinic("c7", "k1", 2, 2).clinic("P01", "k1", null, null).rest("c7", "k1", 3, null, false)
        .cluster("k1", "r1", null, null).audit(FIVE);
    assertEquals(List.of("RANGE_TOO_NARROW c.csv:3 a clinic P01 2024 numerator = 3",
        "SMALL_COUNT_SHOWN c.csv:4 a rest_of_cluster c7 2024 numerator = 3",
        "RANGE_TOO_NARROW c.csv:5 a cluster k1 2024 numerator = 5"), lines(other));
  }

  @Test
  void run_zeroAndThresholdCounts_areNotSmall() {
    AuditReport report = Published.file("c.csv").cluster("k1", "r1", 0, 5).audit(FIVE);
    assertTrue(report.findings(SMALL_COUNT_SHOWN).isEmpty());
  }

  @Test
  void run_roundedCountsAlone_leaveWideRanges() {
    // k1 = r1 − k2 with both rounded to 5: [48 − 32, 52 − 28] = [16, 24], width 8.
    AuditReport report = Published.file("p.csv").roundedTo(5)
        .region("r1", 50, 120).cluster("k1", "r1", null, null).cluster("k2", "r1", 30, 60).audit(FIVE);
    assertTrue(report.passed(), lines(report).toString());
    AuditReport wider = Published.file("p.csv").roundedTo(5)
        .region("r1", 50, 120).cluster("k1", "r1", null, null).cluster("k2", "r1", 30, 60)
        .audit(new AuditSettings(5, 9));
    assertEquals(List.of("RANGE_TOO_NARROW p.csv:3 a cluster k1 2024 numerator [16, 24]",
        "RANGE_TOO_NARROW p.csv:3 a cluster k1 2024 denominator [56, 64]"), lines(wider));
  }

  @Test
  void run_roundedCellsFarFromHiddenOnes_stayOutOfTheLinearPrograms() {
    // Three clusters' clinics, all rounded and shown, one hidden clinic: a small component for its numerator
    // and one for its denominator, not the whole hierarchy.
    Published p = Published.file("p.csv").roundedTo(5).region("r1", 150, 300);
    for (int k = 1; k <= 3; k++) {
      p.cluster("k" + k, "r1", 50, 100);
      for (int c = 1; c <= 4; c++) {
        boolean hide = k == 1 && c == 1;
        p.clinic("P" + k + c, "k" + k, hide ? null : 15, hide ? null : 25);
      }
    }
    AuditReport report = p.audit(FIVE);
    assertEquals(2, report.hiddenCells());
    assertEquals(2, report.components());
  }

  @Test
  void run_sameRelationFromTwoIndicators_isOneRelation() {
    // b repeats a's populations: the same cells and relations, so still one component of two unknowns.
    AuditReport report = Published.file("c.csv")
        .cluster("k1", "r1", 18, 40).clinic("P01", "k1", null, null).clinic("P02", "k1", null, null)
        .indicator("b", "aa01", "dd01")
        .cluster("k1", "r1", 18, 40).clinic("P01", "k1", null, null).clinic("P02", "k1", null, null)
        .audit(FIVE);
    assertTrue(report.passed(), lines(report).toString());
    assertEquals(4, report.hiddenCells());
    assertEquals(1, report.components());
  }
}
