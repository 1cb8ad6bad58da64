package org.klynge.core.definition;

import java.util.Optional;

/**
 * The level an indicator should reach, in the indicator's unit (a percentage for
 * proportions). Met when the value is at least the target for higher-is-better indicators,
 * at most the target for lower-is-better ones.
 *
 * <pre>{@code
 * standard: {target: 95, source: "DVDD indicator 1f"}
 * }</pre>
 *
 * @param target the level
 * @param source where the standard comes from
 */
public record Standard(double target, Optional<String> source) {
  public Standard {
    source = source == null ? Optional.empty() : source;
  }

  /** Whether {@code value} meets the standard in {@code direction}. */
  public boolean isMetBy(double value, Direction direction) {
    return direction == Direction.LOWER_IS_BETTER ? value <= target : value >= target;
  }
}
