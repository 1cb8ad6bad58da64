package org.klynge.core.audit;

/**
 * The integers an attacker cannot rule out for a count: {@code lower ≤ v ≤ upper}.
 *
 * @param lower the smallest possible value, at least 0
 * @param upper the largest possible value, at least {@code lower}
 */
public record CountRange(long lower, long upper) {

  public CountRange {
    if (lower < 0 || upper < lower) {
      throw new IllegalArgumentException("a count range needs 0 <= lower <= upper, got [" + lower + ", " + upper + "]");
    }
  }

  /** The range of one known value. */
  public static CountRange exactly(long value) {
    return new CountRange(value, value);
  }

  /** {@code upper − lower}: 0 when the value is known exactly. */
  public long width() {
    return upper - lower;
  }

  /** Whether {@code value} lies in the range. */
  public boolean contains(long value) {
    return lower <= value && value <= upper;
  }

  /** {@code [3, 7]}, or {@code = 3} when exact. */
  @Override
  public String toString() {
    return lower == upper ? "= " + lower : "[" + lower + ", " + upper + "]";
  }
}
