package org.klynge.core.disclosure;

/** The organisational level of a row. */
public enum Level {
  CLINIC,
  CLUSTER,
  REGION,
  NATION
}
