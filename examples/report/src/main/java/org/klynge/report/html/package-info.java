/**
 * How a cluster report is drawn: the page of a package ({@link org.klynge.report.html.PackagePage}),
 * its tables and its inline SVG charts (funnel plot, run chart), the index page, and the fixed
 * texts and number and date formats of each language ({@link org.klynge.report.html.Messages},
 * backed by {@code messages.properties} and {@code messages_da.properties}). Nothing here
 * decides what is shown: that is the view model in {@code org.klynge.report.view}.
 */
package org.klynge.report.html;
