package org.klynge.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparisonsTest {
  private static final double FOUR_DP = 0.00005;

  /**
   * Newcombe RG (1998) Interval estimation for the difference between independent proportions:
   * comparison of eleven methods. Stat Med 17:873–890, table II, method 10 (hybrid score), examples
   * (a), (b), (d), (e), (f).
   */
  @ParameterizedTest(name = "{0}/{1} − {2}/{3}")
  @CsvSource({
    "56, 70, 48, 80, 0.0524, 0.3339",
    "9, 10, 3, 10, 0.1705, 0.8090",
    "5, 56, 0, 29, -0.0381, 0.1926",
    "0, 10, 0, 20, -0.1611, 0.2775",
    "0, 10, 0, 10, -0.2775, 0.2775"
  })
  void proportionDifference_matchesNewcombe1998TableII(
      long x1, long n1, long x2, long n2, double lower, double upper) {
    Estimate d = Comparisons.proportionDifference(x1, n1, x2, n2, 0.95).orElseThrow();
    assertEquals((double) x1 / n1 - (double) x2 / n2, d.value(), 1e-15);
    assertEquals(lower, d.interval().lower(), FOUR_DP);
    assertEquals(upper, d.interval().upper(), FOUR_DP);
  }

  @Test
  void proportionOwnVsRest_subtractsOwnFromTotal() {
    Estimate d = Comparisons.proportionOwnVsRest(56, 70, 104, 150, 0.95).orElseThrow();
    assertEquals(0.2, d.value(), 1e-12);
    assertEquals(0.0524, d.interval().lower(), FOUR_DP);
    assertEquals(0.3339, d.interval().upper(), FOUR_DP);
  }

  @Test
  void proportionOwnVsRest_ownIsWholeCluster_isEmpty() {
    assertEquals(Optional.empty(), Comparisons.proportionOwnVsRest(5, 10, 5, 10, 0.95));
  }

  @Test
  void rateRatio_matchesConditionalBinomialWorkedExample() {
    // Computed independently: SciPy beta quantiles for the Clopper–Pearson limits of 30/120.
    Estimate rr = Comparisons.rateRatio(30, 1200, 90, 8000, 0.95).orElseThrow();
    assertEquals(2.2222, rr.value(), FOUR_DP);
    assertEquals(1.4187, rr.interval().lower(), FOUR_DP);
    assertEquals(3.3927, rr.interval().upper(), FOUR_DP);
  }

  @Test
  void rateRatio_noEventsInComparisonGroup_isEmpty() {
    assertEquals(Optional.empty(), Comparisons.rateRatio(3, 100, 0, 100, 0.95));
  }

  @Test
  void rateRatio_noOwnEvents_isZeroWithFiniteUpperLimit() {
    Estimate rr = Comparisons.rateRatio(0, 100, 10, 100, 0.95).orElseThrow();
    assertEquals(0, rr.value());
    assertEquals(0, rr.interval().lower());
    assertEquals(true, rr.interval().upper() > 0);
  }

  @Test
  void rateDifference_matchesWaldFormula() {
    // Hand evaluation: d = 25 − 11.25, SE = √(30/1200² + 90/8000²)·1000 = 4.7159.
    Estimate d = Comparisons.rateDifference(30, 1200, 90, 8000, 1000, 0.95).orElseThrow();
    assertEquals(13.75, d.value(), 1e-12);
    assertEquals(4.5070, d.interval().lower(), FOUR_DP);
    assertEquals(22.9930, d.interval().upper(), FOUR_DP);
  }

  @Test
  void rateDifferenceOwnVsRest_zeroRestTime_isEmpty() {
    assertEquals(Optional.empty(), Comparisons.rateDifferenceOwnVsRest(3, 100, 3, 100, 1000, 0.95));
  }
}
