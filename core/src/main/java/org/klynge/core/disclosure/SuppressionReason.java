package org.klynge.core.disclosure;

/**
 * Why a cell is hidden. Only the data owner's audit report says this; published tables say
 * {@code suppressed} and nothing more, since the reason narrows the range (a primary cell is
 * 1 to threshold − 1).
 */
public enum SuppressionReason {
  /** Primary: the count lies from 1 to the threshold − 1. */
  SMALL_COUNT,
  /** Primary: the denominator minus this numerator lies from 1 to the threshold − 1. */
  SMALL_COMPLEMENT,
  /**
   * Primary: a published difference with this cell (the rest of a cluster beside this clinic) lies
   * from 1 to the threshold − 1.
   */
  SMALL_DIFFERENCE,
  /** Hidden so that the primary cells cannot be recovered or narrowed from the published ones. */
  COMPLEMENTARY
}
