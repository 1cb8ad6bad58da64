package org.klynge.core.result;

/** Unit ids with a fixed meaning in result tables. */
public final class UnitIds {
  /** The unit id of the nation row. */
  public static final String NATION = "DK";
  /** The cluster (or region) id for clinics (or clusters) with no parent on the reference date. */
  public static final String UNASSIGNED = "unassigned";
  /** The unit id of the unattributed row. */
  public static final String NONE = "none";

  private UnitIds() {}
}
