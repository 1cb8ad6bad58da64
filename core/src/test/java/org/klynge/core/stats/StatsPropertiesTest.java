package org.klynge.core.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

class StatsPropertiesTest {
  @Property
  void proportionIntervals_containEstimateWithinUnitInterval(
      @ForAll @LongRange(min = 0, max = 5000) long x,
      @ForAll @LongRange(min = 1, max = 5000) long n,
      @ForAll @DoubleRange(min = 0.5, max = 0.999) @Scale(3) double level) {
    Assume.that(x <= n);
    double p = (double) x / n;
    for (ProportionMethod m : ProportionMethod.values()) {
      Interval ci = Proportions.interval(x, n, m, level).orElseThrow();
      assertTrue(0 <= ci.lower() && ci.lower() <= p && p <= ci.upper() && ci.upper() <= 1, m + " " + ci);
    }
  }

  @Property
  void proportionIntervals_widenAsLevelRises(
      @ForAll @LongRange(min = 0, max = 2000) long x,
      @ForAll @LongRange(min = 1, max = 2000) long n,
      @ForAll @DoubleRange(min = 0.5, max = 0.99) double level,
      @ForAll @DoubleRange(min = 0.001, max = 0.009) @Scale(3) double step) {
    Assume.that(x <= n);
    for (ProportionMethod m : ProportionMethod.values()) {
      Interval narrow = Proportions.interval(x, n, m, level).orElseThrow();
      Interval wide = Proportions.interval(x, n, m, level + step).orElseThrow();
      assertTrue(wide.lower() <= narrow.lower() + 1e-12 && wide.upper() >= narrow.upper() - 1e-12, m.name());
    }
  }

  @Property
  void countIntervals_containCountAndWidenWithLevel(
      @ForAll @LongRange(min = 0, max = 100_000) long x,
      @ForAll @DoubleRange(min = 0.8, max = 0.99) double level) {
    for (RateMethod m : RateMethod.values()) {
      Interval narrow = Rates.count(x, m, level);
      Interval wide = Rates.count(x, m, level + 0.005);
      assertTrue(0 <= narrow.lower() && narrow.lower() <= x && x <= narrow.upper(), m.name());
      assertTrue(wide.lower() <= narrow.lower() + 1e-9 && wide.upper() >= narrow.upper() - 1e-9, m.name());
    }
  }

  @Property
  void proportionDifference_containsDifferenceWithinMinusOneToOne(
      @ForAll @IntRange(min = 0, max = 500) int x1, @ForAll @IntRange(min = 1, max = 500) int n1,
      @ForAll @IntRange(min = 0, max = 500) int x2, @ForAll @IntRange(min = 1, max = 500) int n2) {
    Assume.that(x1 <= n1 && x2 <= n2);
    Estimate d = Comparisons.proportionDifference(x1, n1, x2, n2, 0.95).orElseThrow();
    assertTrue(-1 <= d.interval().lower() && d.interval().contains(d.value()) && d.interval().upper() <= 1);
  }

  @Property
  void funnelOuterLimits_containInnerLimits(
      @ForAll @DoubleRange(min = 0, max = 1) double parent, @ForAll @DoubleRange(min = 1, max = 1e6) double n) {
    FunnelLimits f = Funnels.funnel(Measure.PROPORTION, parent, n, Overdispersion.none()).orElseThrow();
    assertTrue(f.outer().lower() <= f.inner().lower() && f.inner().upper() <= f.outer().upper());
    assertTrue(f.inner().contains(parent));
  }
}
