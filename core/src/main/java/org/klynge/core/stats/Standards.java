package org.klynge.core.stats;

import java.util.Optional;
import org.klynge.core.definition.Direction;
import org.klynge.core.definition.Standard;

/**
 * Judging an indicator's standard (target) for a unit. The value, interval and target must be on
 * the same scale: a standard of 95 (%) is compared with a proportion scaled by 100.
 *
 * <p>Rules, with {@code [L, U]} the interval and {@code t} the target:
 *
 * <pre>
 *   HIGHER_IS_BETTER:  point MET iff value ≥ t;  interval MET iff L ≥ t, NOT_MET iff U &lt; t
 *   LOWER_IS_BETTER:   point MET iff value ≤ t;  interval MET iff U ≤ t, NOT_MET iff L &gt; t
 *   otherwise NOT_DETERMINABLE (the interval straddles t); NEITHER gives NOT_APPLICABLE.
 * </pre>
 *
 * <p>The point rule agrees with {@link Standard#isMetBy(double, Direction)}.
 */
public final class Standards {
  private Standards() {}

  /**
   * The plain comparison of a value with the target.
   *
   * <p>Example: DVDD indicator 1f, target 95 %, higher is better: value 96.2 → MET, 93.0 → NOT_MET.
   */
  public static Fulfilment point(double value, double target, Direction direction) {
    checkFinite(value, "value");
    checkFinite(target, "target");
    return switch (direction) {
      case HIGHER_IS_BETTER -> value >= target ? Fulfilment.MET : Fulfilment.NOT_MET;
      case LOWER_IS_BETTER -> value <= target ? Fulfilment.MET : Fulfilment.NOT_MET;
      case NEITHER -> Fulfilment.NOT_APPLICABLE;
    };
  }

  /**
   * Whether the interval lies wholly on one side of the target.
   *
   * <p>Example: target 95, higher is better: [95.4, 97.1] → MET; [91.0, 94.9] → NOT_MET; [93.8,
   * 96.5] → NOT_DETERMINABLE.
   */
  public static Fulfilment withUncertainty(Interval interval, double target, Direction direction) {
    checkFinite(target, "target");
    return switch (direction) {
      case HIGHER_IS_BETTER -> interval.lower() >= target
          ? Fulfilment.MET
          : interval.upper() < target ? Fulfilment.NOT_MET : Fulfilment.NOT_DETERMINABLE;
      case LOWER_IS_BETTER -> interval.upper() <= target
          ? Fulfilment.MET
          : interval.lower() > target ? Fulfilment.NOT_MET : Fulfilment.NOT_DETERMINABLE;
      case NEITHER -> Fulfilment.NOT_APPLICABLE;
    };
  }

  /**
   * Both judgements for an estimate against a standard.
   *
   * <p>Example: 150 of 158 diabetes patients with an HbA1c measurement, 94.9 % (Wilson 90.3 to
   * 97.4), target 95: point NOT_MET, with uncertainty NOT_DETERMINABLE.
   */
  public static StandardAssessment assess(Estimate estimate, Standard standard, Direction direction) {
    return new StandardAssessment(
        point(estimate.value(), standard.target(), direction),
        withUncertainty(estimate.interval(), standard.target(), direction));
  }

  /**
   * As {@link #assess(Estimate, Standard, Direction)}, for an estimate that may be absent (zero
   * denominator): an absent estimate gives NOT_DETERMINABLE both ways (NOT_APPLICABLE for NEITHER).
   */
  public static StandardAssessment assess(
      Optional<Estimate> estimate, Standard standard, Direction direction) {
    if (estimate.isPresent()) {
      return assess(estimate.get(), standard, direction);
    }
    Fulfilment none =
        direction == Direction.NEITHER ? Fulfilment.NOT_APPLICABLE : Fulfilment.NOT_DETERMINABLE;
    return new StandardAssessment(none, none);
  }

  private static void checkFinite(double x, String what) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException(what + " must be finite, got " + x);
    }
  }
}
