/**
 * What a cluster report shows, before any drawing: per package its texts in the report's
 * language, and per indicator the rows of its table, the clinics of its funnel plot, the points
 * of its run chart and what can be said before and after a meeting. Built by {@link
 * org.klynge.report.view.PackageViews} from a published (disclosure-controlled) result table; the
 * records here hold numbers and published rows, never markup.
 */
package org.klynge.report.view;
