package org.klynge.core.data;

import static java.util.Objects.requireNonNull;

/**
 * One row that was rejected (or excluded), with why and where.
 *
 * @param outcome rejected or excluded
 * @param reason the reason, a short stable phrase such as {@code unknown patient}
 * @param location where the row is
 * @param detail the offending value or other detail
 */
public record Rejection(Outcome outcome, String reason, RowLocation location, String detail)
    implements java.io.Serializable {
  public Rejection {
    requireNonNull(outcome, "outcome");
    requireNonNull(reason, "reason");
    requireNonNull(location, "location");
    requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return location + ": " + outcome.name().toLowerCase(java.util.Locale.ROOT) + ": " + reason
        + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
