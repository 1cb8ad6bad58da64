package org.klynge.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunnelsTest {
  @Test
  void funnel_proportion_matchesSpiegelhalterNormalFormula() {
    // Spiegelhalter (2005) Stat Med 24:1185, limits θ₀ ± z·√(θ₀(1−θ₀)/n); hand evaluation.
    FunnelLimits f = Funnels.funnel(Measure.PROPORTION, 0.8, 100, Overdispersion.none()).orElseThrow();
    assertEquals(0.7216, f.inner().lower(), 0.00005);
    assertEquals(0.8784, f.inner().upper(), 0.00005);
    assertEquals(0.6764, f.outer().lower(), 0.00005);
    assertEquals(0.9236, f.outer().upper(), 0.00005);
  }

  @Test
  void funnel_rate_usesPoissonVariance() {
    // θ₀ = 0.02 per person-year, T = 5000: s = √(0.02/5000) = 0.002.
    Interval inner = Funnels.limits(Measure.RATE, 0.02, 5000, Overdispersion.none(), 0.95).orElseThrow();
    assertEquals(0.02 - 1.959964 * 0.002, inner.lower(), 1e-8);
  }

  @Test
  void funnel_zeroDenominator_isEmpty() {
    assertEquals(Optional.empty(), Funnels.funnel(Measure.PROPORTION, 0.5, 0, Overdispersion.none()));
  }

  @Test
  void funnel_smallDenominator_isClippedToUnitInterval() {
    FunnelLimits f = Funnels.funnel(Measure.PROPORTION, 0.9, 5, Overdispersion.none()).orElseThrow();
    assertEquals(1, f.outer().upper());
    assertTrue(f.outer().lower() >= 0);
  }

  @Test
  void funnel_multiplicative_widensBySqrtPhi() {
    Interval plain = Funnels.limits(Measure.PROPORTION, 0.5, 400, Overdispersion.none(), 0.95).orElseThrow();
    Interval wide = Funnels.limits(Measure.PROPORTION, 0.5, 400, Overdispersion.multiplicative(4), 0.95).orElseThrow();
    assertEquals(2 * plain.width(), wide.width(), 1e-12);
  }

  @Test
  void funnel_additive_addsTauSquared() {
    // s² = 0.25/400 = 0.000625; with τ² = 0.001875 the total variance is 0.0025, s = 0.05.
    Interval wide = Funnels.limits(Measure.PROPORTION, 0.5, 400, Overdispersion.additive(0.001875), 0.95).orElseThrow();
    assertEquals(0.5 + 1.959964 * 0.05, wide.upper(), 1e-6);
  }

  /** The worked example in the Javadoc of estimateOverdispersion (Spiegelhalter 2005 §3.3.3–3.4). */
  @Test
  void estimateOverdispersion_winsorisesTopAndBottomTenPercent() {
    int[] z = {-3, -2, -1, -1, 0, 0, 1, 1, 2, 3};
    List<UnitCount> units = new ArrayList<>();
    for (int zi : z) {
      // n = 100, θ₀ = 0.8, s = 0.04: numerator 80 + 4·z gives the wanted z-score.
      units.add(new UnitCount(80 + 4L * zi, 100));
    }
    OverdispersionEstimate est = Funnels.estimateOverdispersion(Measure.PROPORTION, 0.8, units);
    assertEquals(10, est.units());
    assertEquals(2.0, est.phi(), 1e-9);
    assertTrue(est.overdispersed());
    assertEquals(11.0 / 5625, est.tau2(), 1e-12);
    assertEquals(2.0, ((Overdispersion.Multiplicative) est.multiplicative()).phi(), 1e-9);
  }

  @Test
  void estimateOverdispersion_unitsOnTarget_areNotOverdispersed() {
    List<UnitCount> units = List.of(new UnitCount(80, 100), new UnitCount(160, 200), new UnitCount(0, 0));
    OverdispersionEstimate est = Funnels.estimateOverdispersion(Measure.PROPORTION, 0.8, units);
    assertEquals(2, est.units());
    assertEquals(0, est.phi());
    assertFalse(est.overdispersed());
    assertEquals(Overdispersion.none(), est.multiplicative());
    assertEquals(Overdispersion.none(), est.additive());
  }

  @Test
  void zScore_seventyOfHundredAgainstEighty() {
    assertEquals(-2.5, Funnels.zScore(Measure.PROPORTION, 0.8, new UnitCount(70, 100)).orElseThrow(), 1e-12);
  }
}
