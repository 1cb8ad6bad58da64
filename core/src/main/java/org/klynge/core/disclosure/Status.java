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
  NOT_AVAILABLE
}
