/**
 * The cluster report: one self-contained HTML file for a cluster coordinator, with per package and
 * indicator the own clinic against the rest of the cluster, the cluster and the nation, a funnel
 * plot of the cluster's clinics and a monthly run chart around the package's meeting, all drawn as
 * inline SVG from a published (disclosure-controlled) result table.
 */
package org.klynge.examples.report;
