package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import org.klynge.core.data.Reconciliation;
import org.klynge.core.disclosure.DisclosurePolicy;
import org.klynge.core.disclosure.Viewer;

/**
 * A result table as published to one viewer.
 *
 * @param rows the published rows
 * @param viewer who it is for
 * @param policy the thresholds and rounding applied
 * @param provenance definitions, data and engine behind the rows
 * @param reconciliation what became of every input row
 * @param audit the data owner's account of what was hidden and why; not published (the writers
 *     leave it out)
 */
public record PublishedTable(
    ImmutableList<PublishedRow> rows,
    Viewer viewer,
    DisclosurePolicy policy,
    Provenance provenance,
    Reconciliation reconciliation,
    DisclosureAudit audit) {

  public PublishedTable {
    rows = ImmutableList.copyOf(rows);
    requireNonNull(viewer, "viewer");
    requireNonNull(policy, "policy");
    requireNonNull(provenance, "provenance");
    requireNonNull(reconciliation, "reconciliation");
    requireNonNull(audit, "audit");
  }

  /** The threshold applied: counts from 1 to this − 1 are suppressed. */
  public int threshold() {
    return policy.threshold(viewer.audience());
  }

  /** The protection level applied. */
  public int protection() {
    return policy.protection(viewer.audience());
  }

  /**
   * The rows a cluster's members look at: the cluster's own clinic and rest-of-cluster rows, and
   * every cluster, region and nation row. Filtering after publication keeps every suppression
   * decision made on the whole table.
   */
  public PublishedTable forCluster(String clusterId) {
    return new PublishedTable(rows.stream()
        .filter(r -> (r.level() != Level.CLINIC && r.level() != Level.REST_OF_CLUSTER) || r.parentId().equals(clusterId))
        .collect(ImmutableList.toImmutableList()), viewer, policy, provenance, reconciliation, audit);
  }
}
