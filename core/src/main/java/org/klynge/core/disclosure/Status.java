package org.klynge.core.disclosure;

/** How a published number is shown. */
public enum Status {
  /** Shown as computed. */
  SHOWN,
  /** Shown rounded to the policy's base. */
  ROUNDED,
  /** Hidden; the number is absent, never replaced by 0. */
  SUPPRESSED,
  /** There is no number (a value with a zero denominator). */
  NOT_AVAILABLE,
  /**
   * Withheld because the clinic delivered a source the indicator requires too incompletely: a
   * value that would describe missing data, not care (never shown as 0).
   */
  DATA_INCOMPLETE
}
