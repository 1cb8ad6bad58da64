package org.klynge.core.engine;

/** Bit flags for the populations a patient is in, for one indicator and period. */
final class Membership {
  static final int INITIAL = 1;
  static final int DENOMINATOR = 1 << 1;
  static final int DENOMINATOR_EXCLUSION = 1 << 2;
  static final int DENOMINATOR_EXCEPTION = 1 << 3;
  static final int NUMERATOR = 1 << 4;
  static final int NUMERATOR_EXCLUSION = 1 << 5;
  /** In the denominator after exclusions and exceptions: the persons a rate or mean counts. */
  static final int COUNTED = 1 << 6;

  private Membership() {}

  static boolean has(int flags, int flag) {
    return (flags & flag) != 0;
  }
}
