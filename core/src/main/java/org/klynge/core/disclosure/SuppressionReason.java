package org.klynge.core.disclosure;

/** Why a cell was suppressed. */
public enum SuppressionReason {
  /** Not suppressed. */
  NONE,
  /** A count lies below the audience's threshold. */
  SMALL_COUNT,
  /** Suppressed so that another hidden cell cannot be recovered by subtraction. */
  COMPLEMENTARY
}
