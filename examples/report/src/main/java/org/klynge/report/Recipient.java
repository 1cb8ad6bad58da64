package org.klynge.report;

import static java.util.Objects.requireNonNull;

/**
 * Who a cluster report is for: the cluster and the viewer's own clinic, with the names the page
 * shows. The clinic must be the own clinic of the published table's viewer.
 *
 * @param clusterId the cluster's id
 * @param clusterName the cluster's name
 * @param clinicId the viewer's own clinic
 * @param clinicName the own clinic's name
 */
public record Recipient(String clusterId, String clusterName, String clinicId, String clinicName) {
  public Recipient {
    requireNonNull(clusterId, "clusterId");
    requireNonNull(clusterName, "clusterName");
    requireNonNull(clinicId, "clinicId");
    requireNonNull(clinicName, "clinicName");
  }
}
