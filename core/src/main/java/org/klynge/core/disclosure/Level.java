package org.klynge.core.disclosure;

/**
 * The organisational level of an input row: the levels of the hierarchy that suppression
 * protects. Apart from {@link org.klynge.core.result.Level} on purpose: that one adds rows
 * derived from these (rest of cluster, which disclosure works out itself, and unattributed,
 * which is never published), and this package does not depend on results; results depend on it.
 */
public enum Level {
  CLINIC,
  CLUSTER,
  REGION,
  NATION
}
