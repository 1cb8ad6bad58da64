package org.klynge.report.html;

import static org.klynge.report.html.Svg.escape;

import java.util.List;

/**
 * A chart's legend as an HTML list beside the chart, not inside it: it wraps on a narrow screen
 * and keeps the page's text size. Each entry has a small drawn sample in the chart's classes.
 */
final class Legend {

  /** One entry: the sample's CSS class, its label, and whether the sample is a dot (else a line). */
  record Item(String cssClass, String label, boolean dot) {}

  private Legend() {}

  static void draw(StringBuilder out, List<Item> items) {
    out.append("<ul class=\"legend\">\n");
    for (Item item : items) {
      out.append("<li><svg class=\"swatch\" width=\"24\" height=\"12\" viewBox=\"0 0 24 12\" aria-hidden=\"true\">");
      if (item.dot()) {
        out.append("<circle class=\"").append(item.cssClass()).append("\" cx=\"12\" cy=\"6\" r=\"4.5\"/>");
      } else {
        out.append("<g class=\"").append(item.cssClass()).append("\"><line class=\"legend-line ")
            .append(item.cssClass()).append("\" x1=\"1\" y1=\"6\" x2=\"23\" y2=\"6\"/></g>");
      }
      out.append("</svg>").append(escape(item.label())).append("</li>\n");
    }
    out.append("</ul>\n");
  }
}
