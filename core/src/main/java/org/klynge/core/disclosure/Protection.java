package org.klynge.core.disclosure;

/**
 * How one cell is protected.
 *
 * @param threshold counts from 1 to {@code threshold − 1} are primary
 * @param level the protection level: how far an attacker's derivable range must reach
 * @param smallComplements whether {@code n − x} from 1 to {@code threshold − 1} is primary too
 *     (for a numerator cell whose persons are a subset of its denominator's)
 */
public record Protection(int threshold, int level, boolean smallComplements) {
  public Protection {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1, got " + threshold);
    }
    if (level < 1) {
      throw new IllegalArgumentException("protection level must be at least 1, got " + level);
    }
  }

  /** Whether {@code 1 ≤ count < threshold}. */
  public boolean small(long count) {
    return count > 0 && count < threshold;
  }

  /** The stricter of this and {@code other}, setting by setting. */
  public Protection stricter(Protection other) {
    return new Protection(Math.max(threshold, other.threshold), Math.max(level, other.level),
        smallComplements || other.smallComplements);
  }
}
