package org.klynge.core.stats;

/** Whether a unit meets an indicator's standard. */
public enum Fulfilment {
  /** The standard is met (for an interval: the whole interval is on the good side). */
  MET,
  /** The standard is not met (for an interval: the whole interval is on the bad side). */
  NOT_MET,
  /** The interval straddles the target, or there is no value: the data cannot tell. */
  NOT_DETERMINABLE,
  /** The indicator has no direction ({@code NEITHER}), so a standard does not apply. */
  NOT_APPLICABLE
}
