package org.klynge.core.audit;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rows of one published file. A rest-of-cluster row of the viewer's own clinic counts as the
 * viewer's ({@link AuditRow#ownClinic()}) whether or not the file marks it so: Klynge's result files
 * mark only the clinic row, and an attacker knows which clinic the rest is beside either way.
 *
 * @param source the file name used in findings and messages
 * @param rows the rows, in file order
 */
public record AuditTable(String source, List<AuditRow> rows) {

  public AuditTable {
    requireNonNull(source, "source");
    Set<String> own = rows.stream().filter(r -> r.level() == UnitLevel.CLINIC && r.ownClinic())
        .map(AuditRow::unit).collect(Collectors.toSet());
    rows = rows.stream().map(r -> r.level() == UnitLevel.REST_OF_CLUSTER && !r.ownClinic() && own.contains(r.unit())
        ? r.asOwn() : r).toList();
  }
}
