package org.klynge.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.klynge.core.definition.Direction;
import org.klynge.core.definition.Standard;

class StandardsTest {
  private static final Standard DVDD_1F = new Standard(95, Optional.of("DVDD indicator 1f"));

  @Test
  void withUncertainty_higherIsBetter_judgesByWholeInterval() {
    assertEquals(Fulfilment.MET, Standards.withUncertainty(new Interval(95.4, 97.1), 95, Direction.HIGHER_IS_BETTER));
    assertEquals(Fulfilment.MET, Standards.withUncertainty(new Interval(95, 97.1), 95, Direction.HIGHER_IS_BETTER));
    assertEquals(Fulfilment.NOT_MET, Standards.withUncertainty(new Interval(91, 94.9), 95, Direction.HIGHER_IS_BETTER));
    assertEquals(Fulfilment.NOT_DETERMINABLE,
        Standards.withUncertainty(new Interval(93.8, 96.5), 95, Direction.HIGHER_IS_BETTER));
  }

  @Test
  void withUncertainty_lowerIsBetter_mirrors() {
    assertEquals(Fulfilment.MET, Standards.withUncertainty(new Interval(10, 20), 20, Direction.LOWER_IS_BETTER));
    assertEquals(Fulfilment.NOT_MET, Standards.withUncertainty(new Interval(20.1, 25), 20, Direction.LOWER_IS_BETTER));
    assertEquals(Fulfilment.NOT_DETERMINABLE,
        Standards.withUncertainty(new Interval(15, 25), 20, Direction.LOWER_IS_BETTER));
  }

  @Test
  void point_agreesWithStandardIsMetBy() {
    for (Direction d : new Direction[] {Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER}) {
      for (double v : new double[] {90, 95, 96}) {
        assertEquals(DVDD_1F.isMetBy(v, d) ? Fulfilment.MET : Fulfilment.NOT_MET, Standards.point(v, 95, d));
      }
    }
  }

  @Test
  void assess_directionNeither_isNotApplicable() {
    Estimate e = new Estimate(50, new Interval(40, 60));
    assertEquals(new StandardAssessment(Fulfilment.NOT_APPLICABLE, Fulfilment.NOT_APPLICABLE),
        Standards.assess(e, DVDD_1F, Direction.NEITHER));
  }

  @Test
  void assess_wilsonPercentage_pointNotMetButUndetermined() {
    Estimate p = Proportions.estimate(150, 158).orElseThrow();
    Estimate percent = new Estimate(p.value() * 100, p.interval().scaled(100));
    assertEquals(new StandardAssessment(Fulfilment.NOT_MET, Fulfilment.NOT_DETERMINABLE),
        Standards.assess(percent, DVDD_1F, Direction.HIGHER_IS_BETTER));
  }

  @Test
  void assess_zeroDenominator_isNotDeterminable() {
    assertEquals(new StandardAssessment(Fulfilment.NOT_DETERMINABLE, Fulfilment.NOT_DETERMINABLE),
        Standards.assess(Proportions.estimate(0, 0), DVDD_1F, Direction.HIGHER_IS_BETTER));
  }
}
