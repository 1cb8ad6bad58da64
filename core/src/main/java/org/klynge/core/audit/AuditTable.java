package org.klynge.core.audit;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The rows of one published file.
 *
 * @param source the file name used in findings and messages
 * @param rows the rows, in file order
 */
public record AuditTable(String source, List<AuditRow> rows) {

  public AuditTable {
    requireNonNull(source, "source");
    rows = List.copyOf(rows);
  }
}
