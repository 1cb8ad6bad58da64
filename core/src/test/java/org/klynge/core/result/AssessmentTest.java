package org.klynge.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.klynge.core.result.Tables.Y2024;
import static org.klynge.core.result.Tables.p;
import static org.klynge.core.result.Tables.r;
import static org.klynge.core.result.Tables.table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.definition.Rate;
import org.klynge.core.stats.Fulfilment;
import org.klynge.core.stats.Interval;
import org.klynge.core.stats.SegmentedRegression;
import org.klynge.core.stats.StandardAssessment;

/**
 * Statistics on a small hand-made result table. Where a number comes from a published worked
 * example it says so; the others were worked by hand from the formulas in docs/statistics.md.
 */
class AssessmentTest {
  private static final double PCT = 0.005;
  private static final Indicator PROP = Tables.proportion("prop");

  private static RowStatistics stats(AssessedTable t, Level level, String unit) {
    return t.rows().stream()
        .filter(r -> r.row().level() == level && r.row().unitId().equals(unit))
        .findFirst().orElseThrow().statistics();
  }

  private static AssessedTable twoClusters() {
    return Assessment.assess(table(Tables.twoClusters(PROP)), List.of(PROP));
  }

  private static void assertInterval(double lower, double upper, Interval actual, double tolerance) {
    assertEquals(lower, actual.lower(), tolerance, "lower of " + actual);
    assertEquals(upper, actual.upper(), tolerance, "upper of " + actual);
  }

  @Test
  void assess_proportion_wilsonIntervalInPercent() {
    // Newcombe (1998) Stat Med 17:873, table II, example (a): 56/70 → 0.6918 to 0.8770; 48/80 → 0.4905 to 0.7004.
    AssessedTable t = twoClusters();
    assertInterval(69.18, 87.70, stats(t, Level.CLINIC, "A").interval().orElseThrow(), PCT);
    assertInterval(49.05, 70.04, stats(t, Level.CLINIC, "B").interval().orElseThrow(), PCT);
    assertInterval(49.05, 70.04, stats(t, Level.REST_OF_CLUSTER, "A").interval().orElseThrow(), PCT);
  }

  @Test
  void assess_standard_pointAndWithUncertainty() {
    // Target 70, higher is better. A 80.0 (69.18–87.70): met, but the interval straddles 70.
    // B 60.0 (49.05–70.04): not met, and the upper limit just reaches past 70.
    // D 80/100 (Wilson by hand 71.12–86.66): met either way.
    AssessedTable t = twoClusters();
    assertEquals(new StandardAssessment(Fulfilment.MET, Fulfilment.NOT_DETERMINABLE),
        stats(t, Level.CLINIC, "A").standard().orElseThrow());
    assertEquals(new StandardAssessment(Fulfilment.NOT_MET, Fulfilment.NOT_DETERMINABLE),
        stats(t, Level.CLINIC, "B").standard().orElseThrow());
    assertEquals(new StandardAssessment(Fulfilment.MET, Fulfilment.MET),
        stats(t, Level.CLINIC, "D").standard().orElseThrow());
  }

  @Test
  void assess_standard_emptyWithoutATarget() {
    Indicator noTarget = Tables.indicator("prop", new org.klynge.core.definition.Proportion(),
        org.klynge.core.definition.Direction.HIGHER_IS_BETTER, Optional.empty());
    AssessedTable t = Assessment.assess(table(Tables.twoClusters(noTarget)), List.of(noTarget));
    assertTrue(t.rows().stream().allMatch(r -> r.statistics().standard().isEmpty()));
  }

  @Test
  void assess_clinicFunnel_aroundItsCluster() {
    // Spiegelhalter funnel, worked example in Funnels: θ₀ = 0.8, n = 100 → 95 % 0.7216–0.8784,
    // 99.8 % 0.6764–0.9236. Clinic D (n = 100) in cluster k2 (160/200 = 80 %).
    Funnel d = stats(twoClusters(), Level.CLINIC, "D").funnel().orElseThrow();
    assertEquals(80.0, d.parentValue(), 1e-9);
    assertInterval(72.16, 87.84, d.inner(), PCT);
    assertInterval(67.64, 92.36, d.outer(), PCT);
    assertEquals(Optional.empty(), d.overdispersion());
  }

  @Test
  void assess_clinicFunnel_smallerDenominatorIsWider() {
    // By hand: θ₀ = 104/150 = 0.69333, n = 70, s = √(θ₀(1 − θ₀)/70) = 0.055114:
    // 95 % 69.333 ± 1.959964·5.5114 = 58.53 to 80.14; 99.8 % 52.30 to 86.36.
    Funnel a = stats(twoClusters(), Level.CLINIC, "A").funnel().orElseThrow();
    assertEquals(69.333, a.parentValue(), 0.001);
    assertInterval(58.53, 80.14, a.inner(), PCT);
    assertInterval(52.30, 86.36, a.outer(), PCT);
  }

  @Test
  void assess_clusterFunnel_aroundTheNation() {
    // By hand: θ₀ = 264/350 = 0.754286, n = 150: 95 % 68.54 to 82.32; 99.8 % 64.57 to 86.29.
    AssessedTable t = twoClusters();
    Funnel k1 = stats(t, Level.CLUSTER, "k1").funnel().orElseThrow();
    assertEquals(75.4286, k1.parentValue(), 0.0001);
    assertInterval(68.54, 82.32, k1.inner(), PCT);
    assertInterval(64.57, 86.29, k1.outer(), PCT);
    assertTrue(stats(t, Level.REGION, "r1").funnel().isEmpty());
    assertTrue(stats(t, Level.NATION, "DK").funnel().isEmpty());
    assertTrue(stats(t, Level.REST_OF_CLUSTER, "A").funnel().isEmpty());
  }

  @Test
  void assess_vsRest_differenceInPercentagePointsWithSign() {
    // Newcombe (1998) Stat Med 17:873, table II, example (a): 56/70 − 48/80 = 0.2 (0.0524 to 0.3339).
    AssessedTable t = twoClusters();
    Comparison a = stats(t, Level.CLINIC, "A").vsRest().orElseThrow();
    assertEquals(Comparison.Kind.DIFFERENCE, a.kind());
    assertEquals(20.0, a.estimate().value(), 1e-9);
    assertInterval(5.24, 33.39, a.estimate().interval(), PCT);
    Comparison b = stats(t, Level.CLINIC, "B").vsRest().orElseThrow();
    assertEquals(-20.0, b.estimate().value(), 1e-9);
    assertInterval(-33.39, -5.24, b.estimate().interval(), PCT);
    assertTrue(stats(t, Level.CLUSTER, "k1").vsRest().isEmpty());
  }

  @Test
  void assess_vsNation_comparesWithTheRestOfTheNation() {
    // D 80/100 against the nation without D, 184/250 = 73.6 %: +6.4 percentage points.
    AssessedTable t = twoClusters();
    assertEquals(6.4, stats(t, Level.CLINIC, "D").vsNation().orElseThrow().estimate().value(), 1e-9);
    // k1 104/150 against k2 160/200: 69.33 − 80 = −10.67.
    assertEquals(-10.667, stats(t, Level.CLUSTER, "k1").vsNation().orElseThrow().estimate().value(), 0.001);
    // The region is the whole nation: there is no rest to compare with.
    assertTrue(stats(t, Level.REGION, "r1").vsNation().isEmpty());
  }

  @Test
  void assess_personYearRate_exactIntervalAndRateRatio() {
    // Comparisons worked example: 30 events in 1,200 person-years against 90 in 8,000:
    // RR 2.222 (1.419 to 3.393). A's rate 25.0 per 1,000 person-years; exact limits for 30 events
    // 20.241 to 42.827 (Garwood), so 16.87 to 35.69.
    Indicator rate = Tables.rate("rate", Rate.Base.PERSON_YEARS);
    long day = 36525; // 100 person-years in days
    List<ResultRow> rows = List.of(
        r(rate, Level.CLINIC, "A", "k1", 30, 1500, 12 * day),
        r(rate, Level.CLINIC, "B", "k1", 90, 9000, 80 * day),
        r(rate, Level.CLUSTER, "k1", "r1", 120, 10500, 92 * day),
        r(rate, Level.REGION, "r1", "", 120, 10500, 92 * day),
        r(rate, Level.NATION, "DK", "", 120, 10500, 92 * day));
    AssessedTable t = Assessment.assess(table(rows), List.of(rate));
    assertEquals(25.0, t.rows().get(0).row().value().getAsDouble(), 1e-9);
    assertInterval(16.87, 35.69, stats(t, Level.CLINIC, "A").interval().orElseThrow(), 0.005);
    Comparison a = stats(t, Level.CLINIC, "A").vsRest().orElseThrow();
    assertEquals(Comparison.Kind.RATIO, a.kind());
    assertEquals(2.222, a.estimate().value(), 0.0005);
    assertInterval(1.419, 3.393, a.estimate().interval(), 0.0005);
    assertTrue(stats(t, Level.CLINIC, "A").standard().isEmpty());
  }

  @Test
  void assess_personsRate_intervalPerThousand() {
    // Rates worked example: 10 prescriptions among 2,500 women per 1,000: 4.0 (1.918 to 7.356).
    Indicator rate = Tables.rate("rate", Rate.Base.PERSONS);
    AssessedTable t = Assessment.assess(table(List.of(r(rate, Level.NATION, "DK", "", 10, 2500, 0))), List.of(rate));
    assertInterval(1.918, 7.356, stats(t, Level.NATION, "DK").interval().orElseThrow(), 0.0005);
  }

  @Test
  void assess_continuous_pointStandardOnly() {
    Indicator cont = Tables.continuous("cont");
    ResultRow row = new ResultRow("cont", "1", Level.NATION, "DK", "", Y2024,
        new PopulationCounts(10, 10, 0, 0, 0, 0, 0, 0, 8), OptionalDouble.of(50.0));
    RowStatistics s = stats(Assessment.assess(table(List.of(row)), List.of(cont)), Level.NATION, "DK");
    assertTrue(s.interval().isEmpty());
    assertTrue(s.funnel().isEmpty());
    assertEquals(new StandardAssessment(Fulfilment.MET, Fulfilment.NOT_DETERMINABLE), s.standard().orElseThrow());
  }

  @Test
  void assess_zeroDenominator_noNumbersAndNotDeterminable() {
    List<ResultRow> rows = new ArrayList<>(Tables.twoClusters(PROP));
    rows.add(0, p(PROP, Level.CLINIC, "Z", "k1", 0, 0));
    RowStatistics z = stats(Assessment.assess(table(rows), List.of(PROP)), Level.CLINIC, "Z");
    assertTrue(z.interval().isEmpty());
    assertTrue(z.funnel().isEmpty());
    assertTrue(z.vsRest().isEmpty());
    assertEquals(new StandardAssessment(Fulfilment.NOT_DETERMINABLE, Fulfilment.NOT_DETERMINABLE),
        z.standard().orElseThrow());
  }

  @Test
  void assess_unassignedCluster_isNoParent() {
    List<ResultRow> rows = List.of(
        p(PROP, Level.CLINIC, "U", UnitIds.UNASSIGNED, 8, 10),
        p(PROP, Level.CLUSTER, UnitIds.UNASSIGNED, UnitIds.UNASSIGNED, 8, 10),
        p(PROP, Level.REGION, UnitIds.UNASSIGNED, "", 8, 10),
        p(PROP, Level.NATION, "DK", "", 8, 10));
    AssessedTable t = Assessment.assess(table(rows), List.of(PROP));
    assertTrue(stats(t, Level.CLINIC, "U").funnel().isEmpty());
    assertTrue(stats(t, Level.CLINIC, "U").vsRest().isEmpty());
    assertTrue(stats(t, Level.CLUSTER, UnitIds.UNASSIGNED).funnel().isEmpty());
    assertTrue(stats(t, Level.CLINIC, "U").interval().isPresent());
  }

  @Test
  void assess_multiplicativeOverdispersion_estimatedPerClusterAndWidensLimits() {
    // Funnels worked example: ten units of n = 100 around 0.8 with z-scores −3, −2, −1, −1, 0, 0, 1,
    // 1, 2, 3 (so 68, 72, 76, 76, 80, 80, 84, 84, 88, 92 of 100) give φ̂ = 2.0, overdispersed;
    // limits 0.8 ± 1.959964·√2·0.04 = 68.91 to 91.09.
    long[] x = {68, 72, 76, 76, 80, 80, 84, 84, 88, 92};
    List<ResultRow> rows = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      rows.add(p(PROP, Level.CLINIC, "c" + i, "k1", x[i], 100));
    }
    rows.add(p(PROP, Level.CLUSTER, "k1", "r1", 800, 1000));
    rows.add(p(PROP, Level.NATION, "DK", "", 800, 1000));
    AssessedTable plain = Assessment.assess(table(rows), List.of(PROP));
    AssessedTable wide = Assessment.assess(table(rows), List.of(PROP), Assessment.FunnelAdjustment.MULTIPLICATIVE);
    assertInterval(72.16, 87.84, stats(plain, Level.CLINIC, "c0").funnel().orElseThrow().inner(), PCT);
    Funnel f = stats(wide, Level.CLINIC, "c0").funnel().orElseThrow();
    assertEquals(2.0, f.overdispersion().orElseThrow().phi(), 1e-9);
    assertTrue(f.overdispersion().orElseThrow().overdispersed());
    assertInterval(68.91, 91.09, f.inner(), PCT);
  }

  @Test
  void assess_unknownIndicator_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Assessment.assess(table(Tables.twoClusters(PROP)), List.of(Tables.proportion("other"))));
    assertTrue(e.getMessage().contains("prop@1"), e.getMessage());
  }

  @Test
  void assess_noNumberIsNaN() {
    for (AssessedRow r : twoClusters().rows()) {
      RowStatistics s = r.statistics();
      s.interval().ifPresent(i -> assertFalse(Double.isNaN(i.lower()) || Double.isNaN(i.upper())));
      s.vsRest().ifPresent(c -> assertFalse(Double.isNaN(c.estimate().value())));
    }
  }

  // --- before and after a meeting ---------------------------------------------------------------

  private static ResultRow month(Indicator ind, int month, long x, long n) {
    return p(ind, MeasurementPeriod.month(java.time.YearMonth.of(2024, month)), Level.CLUSTER, "k1", "r1", x, n);
  }

  @Test
  void beforeAfter_twoMonthsBefore_levelsAndTooShort() {
    // InterruptedTimeSeries worked example: 45 + 45 events over 2 × 4,000 persons, then 30 a month
    // over 5 × 4,000, per 1,000: before 11.25, after 7.50, difference −3.75 (−6.37 to −1.13).
    Indicator rate = Tables.rate("rate", Rate.Base.PERSONS);
    List<ResultRow> series = new ArrayList<>();
    for (int m = 1; m <= 7; m++) {
      series.add(new ResultRow("rate", "1", Level.CLUSTER, "k1", "r1",
          MeasurementPeriod.month(java.time.YearMonth.of(2024, m)),
          new PopulationCounts(4000, 4000, 0, 0, 0, 0, m <= 2 ? 45 : 30, 0, 0), OptionalDouble.empty()));
    }
    MeetingComparison c = Assessment.beforeAfter(rate, series, LocalDate.of(2024, 3, 1));
    assertEquals(11.25, c.levels().before().orElseThrow().value(), 1e-9);
    assertEquals(7.5, c.levels().after().orElseThrow().value(), 1e-9);
    assertEquals(-3.75, c.levels().difference().orElseThrow().value(), 1e-9);
    assertInterval(-6.3658, -1.1342, c.levels().difference().orElseThrow().interval(), 0.00005);
    assertEquals(new SegmentedRegression.TooShort(2, 5, 3), c.trend());
  }

  @Test
  void beforeAfter_tenMonths_fitsSegmentedRegressionInPercent() {
    // InterruptedTimeSeries worked example (checked with NumPy): values 10, 11, 12.5, 13, 14.2 then
    // 11, 11.4, 11.9, 12.1, 12.8 give β₁ = 1.04, level change β₂ = −4.28 (SE 0.249), β₃ = −0.61.
    long[] x = {100, 110, 125, 130, 142, 110, 114, 119, 121, 128};
    List<ResultRow> series = new ArrayList<>();
    for (int m = 1; m <= 10; m++) {
      series.add(month(PROP, m, x[m - 1], 1000));
    }
    java.util.Collections.reverse(series);
    MeetingComparison c = Assessment.beforeAfter(PROP, series, LocalDate.of(2024, 6, 1));
    SegmentedRegression.Fitted fit = (SegmentedRegression.Fitted) c.trend();
    assertEquals(1.04, fit.baselineSlope().estimate(), 1e-9);
    assertEquals(-4.28, fit.levelChange().estimate(), 1e-9);
    assertEquals(0.24909837, fit.levelChange().standardError(), 1e-7);
    assertEquals(-0.61, fit.slopeChange().estimate(), 1e-9);
    assertEquals(5, c.levels().pointsBefore());
    // Pooled: 607/5000 = 12.14 % before, 592/5000 = 11.84 % after.
    assertEquals(12.14, c.levels().before().orElseThrow().value(), 1e-9);
    assertEquals(-0.3, c.levels().difference().orElseThrow().value(), 1e-9);
  }

  @Test
  void beforeAfter_mixedUnits_isRejected() {
    List<ResultRow> series = List.of(month(PROP, 1, 1, 2),
        p(PROP, MeasurementPeriod.month(java.time.YearMonth.of(2024, 2)), Level.CLUSTER, "k2", "r1", 1, 2));
    assertThrows(IllegalArgumentException.class, () -> Assessment.beforeAfter(PROP, series, LocalDate.of(2024, 2, 1)));
  }

  @Test
  void beforeAfter_continuous_isRejected() {
    Indicator cont = Tables.continuous("cont");
    assertThrows(IllegalArgumentException.class, () -> Assessment.beforeAfter(cont, List.of(), LocalDate.of(2024, 2, 1)));
  }
}
