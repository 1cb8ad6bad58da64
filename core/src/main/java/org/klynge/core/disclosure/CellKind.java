package org.klynge.core.disclosure;

/** What a published cell stands for. */
public enum CellKind {
  /** A unit's own row. */
  UNIT,
  /** The parent minus one child, e.g. the rest of the cluster beside a clinic. */
  REST_OF_PARENT
}
