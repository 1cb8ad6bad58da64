package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A time-versioned link from a member to the unit above it: a clinic in a cluster, or a
 * cluster in a region. Joins, leaves and merges are sequences of memberships.
 *
 * @param memberId the clinic (or cluster)
 * @param parentId the cluster (or region)
 * @param validity the days the membership holds, both ends inclusive
 */
public record Membership(String memberId, String parentId, DateRange validity) {
  public Membership {
    requireNonNull(memberId, "memberId");
    requireNonNull(parentId, "parentId");
    requireNonNull(validity, "validity");
  }
}
