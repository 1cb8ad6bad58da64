package org.klynge.report.view;

/** The units a report compares: the viewer's own clinic, the rest of its cluster, the cluster and the nation. */
public enum Unit {
  /** The viewer's own clinic. */
  OWN_CLINIC,
  /** The cluster without the own clinic. */
  REST_OF_CLUSTER,
  /** The whole cluster. */
  CLUSTER,
  /** All clinics. */
  NATION
}
