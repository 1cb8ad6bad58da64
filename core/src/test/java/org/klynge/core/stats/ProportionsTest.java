package org.klynge.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProportionsTest {
  private static final double FOUR_DP = 0.00005;

  /** Newcombe RG (1998) Two-sided confidence intervals for the single proportion. Stat Med 17:857–872, table II, method 3. */
  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"81, 263, 0.2553, 0.3662", "15, 148, 0.0624, 0.1605", "0, 20, 0.0000, 0.1611", "1, 29, 0.0061, 0.1718"})
  void wilson_matchesNewcombe1998TableII(long x, long n, double lower, double upper) {
    Interval ci = Proportions.wilson(x, n).orElseThrow();
    assertEquals(lower, ci.lower(), FOUR_DP);
    assertEquals(upper, ci.upper(), FOUR_DP);
  }

  /** Newcombe (1998) Stat Med 17:857, table II, method 5 (Clopper–Pearson "exact"). */
  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"81, 263, 0.2527, 0.3676", "15, 148, 0.0578, 0.1617", "0, 20, 0.0000, 0.1684", "1, 29, 0.0009, 0.1776"})
  void clopperPearson_matchesNewcombe1998TableII(long x, long n, double lower, double upper) {
    Interval ci = Proportions.clopperPearson(x, n).orElseThrow();
    assertEquals(lower, ci.lower(), FOUR_DP);
    assertEquals(upper, ci.upper(), FOUR_DP);
  }

  /**
   * Influential Points, "Confidence intervals of proportions" worked example (5 of 25 seedlings,
   * Conover 1999 tables): exact 95 % limits 0.068 to 0.407.
   */
  @Test
  void clopperPearson_fiveOfTwentyFive_matchesConoverTable() {
    Interval ci = Proportions.clopperPearson(5, 25).orElseThrow();
    assertEquals(0.068, ci.lower(), 0.0005);
    assertEquals(0.407, ci.upper(), 0.0005);
  }

  @Test
  void clopperPearson_zeroEvents_hasClosedFormUpperLimit() {
    // For x = 0 the upper limit solves (1 − p)^n = α/2, so p = 1 − 0.025^(1/n) (closed form).
    Interval ci = Proportions.clopperPearson(0, 20).orElseThrow();
    assertEquals(1 - Math.pow(0.025, 1.0 / 20), ci.upper(), 1e-12);
  }

  @Test
  void clopperPearson_allEvents_mirrorsZeroEvents() {
    Interval all = Proportions.clopperPearson(20, 20).orElseThrow();
    Interval none = Proportions.clopperPearson(0, 20).orElseThrow();
    assertEquals(1 - none.upper(), all.lower(), 1e-12);
    assertEquals(1, all.upper());
  }

  @Test
  void wilson_zeroDenominator_isEmpty() {
    assertEquals(Optional.empty(), Proportions.wilson(0, 0));
    assertEquals(Optional.empty(), Proportions.clopperPearson(0, 0));
    assertEquals(Optional.empty(), Proportions.estimate(0, 0));
  }

  @Test
  void estimate_defaultIsWilson() {
    Estimate e = Proportions.estimate(81, 263).orElseThrow();
    assertEquals(81.0 / 263, e.value(), 1e-15);
    assertEquals(0.2553, e.interval().lower(), FOUR_DP);
  }

  @Test
  void wilson_numeratorAboveDenominator_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Proportions.wilson(5, 4));
    assertTrue(e.getMessage().contains("exceeds"));
  }

  @Test
  void wilson_levelAsPercentage_isRejectedWithHint() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Proportions.wilson(5, 10, 95));
    assertTrue(e.getMessage().contains("0.95"));
  }
}
