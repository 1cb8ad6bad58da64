/**
 * The cluster report as a library: {@link org.klynge.report.ClusterReport} renders one
 * self-contained HTML page per cluster package from a published result table, in Danish or
 * English, for a {@link org.klynge.report.Recipient} (the cluster and the viewer's own clinic).
 * What is shown is decided in {@code org.klynge.report.view}; how it is drawn, in
 * {@code org.klynge.report.html}.
 */
package org.klynge.report;
