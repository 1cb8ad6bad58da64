package org.klynge.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hand-written inline SVG: linear scales, "nice" tick values, axes, paths and
 * text escaping. Everything is written as plain markup with no scripts, fonts or external
 * references, so a chart renders the same in a browser, in print and offline.
 */
final class Svg {

  private Svg() {}

  /** Escapes text for HTML and SVG content and attribute values. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A number as an SVG coordinate: two decimals at most, no exponent. */
  static String num(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("coordinate must be finite, got " + v);
    }
    String s = String.format(Locale.ROOT, "%.2f", v);
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s.equals("-0") ? "0" : s;
  }

  /**
   * A linear map from a data domain to a pixel range.
   *
   * @param d0 domain start
   * @param d1 domain end (different from {@code d0})
   * @param r0 pixel for {@code d0}
   * @param r1 pixel for {@code d1}
   */
  record Scale(double d0, double d1, double r0, double r1) {
    Scale {
      if (!(d1 != d0) || !Double.isFinite(d0) || !Double.isFinite(d1)) {
        throw new IllegalArgumentException("empty or infinite domain [" + d0 + ", " + d1 + "]");
      }
    }

    /** The pixel of a data value. */
    double at(double v) {
      return r0 + (v - d0) / (d1 - d0) * (r1 - r0);
    }
  }

  /** Ticks and the domain they span. */
  record Ticks(double min, double max, double step, List<Double> values) {}

  /**
   * Round tick values (1, 2, 2.5 or 5 times a power of ten) covering {@code [lo, hi]} with about
   * {@code count} intervals; the returned domain is widened to whole ticks.
   */
  static Ticks ticks(double lo, double hi, int count) {
    if (!(hi > lo)) {
      double pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
      lo -= pad;
      hi += pad;
    }
    double raw = (hi - lo) / Math.max(1, count);
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = mag;
    for (double f : new double[] {1, 2, 2.5, 5, 10}) {
      if (f * mag >= raw) {
        step = f * mag;
        break;
      }
    }
    double min = Math.floor(lo / step + 1e-9) * step;
    double max = Math.ceil(hi / step - 1e-9) * step;
    List<Double> values = new ArrayList<>();
    for (int i = 0; min + i * step <= max + step * 1e-6; i++) {
      values.add(min + i * step);
    }
    return new Ticks(min, max, step, values);
  }

  /** A tick label in the report's language: no decimals for whole steps, else as many as the step needs (at most 3). */
  static String tickLabel(double v, double step, Messages m) {
    int decimals = 0;
    while (decimals < 3 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-9) {
      decimals++;
    }
    return m.number(v, decimals);
  }

  /** A polyline path through points; a {@code NaN} y breaks the line (a gap). */
  static String path(double[] xs, double[] ys) {
    StringBuilder d = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < xs.length; i++) {
      if (Double.isNaN(ys[i])) {
        pen = false;
        continue;
      }
      d.append(pen ? " L" : (d.length() == 0 ? "M" : " M")).append(num(xs[i])).append(' ').append(num(ys[i]));
      pen = true;
    }
    return d.toString();
  }

  /** The opening tag of an accessible chart: {@code role="img"} labelled by its title and description. */
  static String open(String id, int width, int height, String cssClass, String title, String desc) {
    return "<svg class=\"" + cssClass + "\" viewBox=\"0 0 " + width + " " + height + "\" width=\"" + width
        + "\" height=\"" + height + "\" role=\"img\" aria-labelledby=\"" + id + "-t " + id + "-d\">\n"
        + "<title id=\"" + id + "-t\">" + escape(title) + "</title>\n"
        + "<desc id=\"" + id + "-d\">" + escape(desc) + "</desc>\n";
  }

  /** A horizontal (bottom) axis with grid-free ticks and a label. */
  static void xAxis(StringBuilder out, Scale x, double yPixel, List<Double> values, List<String> labels, String label) {
    out.append("<g class=\"axis x-axis\" aria-hidden=\"true\">\n");
    out.append(line(x.r0(), yPixel, x.r1(), yPixel, "axis-line"));
    for (int i = 0; i < values.size(); i++) {
      double px = x.at(values.get(i));
      out.append(line(px, yPixel, px, yPixel + 5, "tick"));
      if (!labels.get(i).isEmpty()) {
        out.append(text(px, yPixel + 19, "middle", "tick-label", labels.get(i)));
      }
    }
    out.append(text((x.r0() + x.r1()) / 2, yPixel + 40, "middle", "axis-label", label));
    out.append("</g>\n");
  }

  /** A vertical (left) axis with light grid lines across the plot and a rotated label. */
  static void yAxis(StringBuilder out, Scale y, double xPixel, double gridTo, Ticks ticks, String label, Messages m) {
    out.append("<g class=\"axis y-axis\" aria-hidden=\"true\">\n");
    out.append(line(xPixel, y.r0(), xPixel, y.r1(), "axis-line"));
    for (double v : ticks.values()) {
      double py = y.at(v);
      out.append(line(xPixel, py, gridTo, py, "grid"));
      out.append(line(xPixel - 5, py, xPixel, py, "tick"));
      out.append(text(xPixel - 8, py + 4, "end", "tick-label", tickLabel(v, ticks.step(), m)));
    }
    double mid = (y.r0() + y.r1()) / 2;
    out.append("<text class=\"axis-label\" text-anchor=\"middle\" transform=\"translate(")
        .append(num(xPixel - 44)).append(' ').append(num(mid)).append(") rotate(-90)\">")
        .append(escape(label)).append("</text>\n");
    out.append("</g>\n");
  }

  /** A line element. */
  static String line(double x1, double y1, double x2, double y2, String cssClass) {
    return "<line class=\"" + cssClass + "\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2)
        + "\" y2=\"" + num(y2) + "\"/>\n";
  }

  /** A text element, escaped. */
  static String text(double x, double y, String anchor, String cssClass, String content) {
    return "<text class=\"" + cssClass + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\">"
        + escape(content) + "</text>\n";
  }
}
