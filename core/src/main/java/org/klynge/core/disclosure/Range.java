package org.klynge.core.disclosure;

/**
 * The whole numbers a hidden count can take, as far as an attacker can tell from everything
 * published: {@code lower ≤ count ≤ upper}.
 *
 * @param lower the least value
 * @param upper the greatest value, {@link Long#MAX_VALUE} when nothing bounds it
 */
public record Range(long lower, long upper) {
  /** A range with no upper bound. */
  public static Range atLeast(long lower) {
    return new Range(lower, Long.MAX_VALUE);
  }

  public Range {
    if (upper < lower) {
      throw new IllegalArgumentException("empty range " + lower + ".." + upper);
    }
  }

  /** Whether nothing bounds the count from above. */
  public boolean unbounded() {
    return upper == Long.MAX_VALUE;
  }

  /** {@code upper − lower}, {@link Long#MAX_VALUE} when unbounded. */
  public long width() {
    return unbounded() ? Long.MAX_VALUE : upper - lower;
  }

  /** Whether the count is known exactly. */
  public boolean exact() {
    return lower == upper;
  }

  @Override
  public String toString() {
    return lower + ".." + (unbounded() ? "∞" : Long.toString(upper));
  }
}
