package org.klynge.report.html;

import static org.klynge.report.html.Svg.escape;
import static org.klynge.report.html.Svg.num;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.klynge.core.definition.Proportion;
import org.klynge.core.definition.Rate;
import org.klynge.core.stats.FunnelLimits;
import org.klynge.core.stats.Funnels;
import org.klynge.core.stats.Measure;
import org.klynge.core.stats.Overdispersion;
import org.klynge.report.view.FunnelPoint;
import org.klynge.report.view.FunnelView;
import org.klynge.report.view.IndicatorView;
import org.klynge.report.view.PackageViews;

/**
 * Draws a funnel plot: the cluster's clinics by denominator (x) and value (y), with the 95 % and
 * 99.8 % limits around the cluster's value, the own clinic highlighted, followed by a note on what
 * is not plotted and the plotted clinics as a table.
 */
final class FunnelChart {

  static final int WIDTH = 400;
  static final int HEIGHT = 290;

  private final Messages m;
  private final IndicatorView view;
  private final Values values;
  private final StringBuilder out;

  FunnelChart(Messages m, IndicatorView view, Values values, StringBuilder out) {
    this.m = m;
    this.view = view;
    this.values = values;
    this.out = out;
  }

  void draw(String id) {
    FunnelView f = view.funnel();
    String caption = m.text("funnel.caption", m.period(view.period()));
    out.append("<figure class=\"chart funnel\">\n<figcaption>").append(escape(caption)).append("</figcaption>\n");
    out.append("<p class=\"point-is\">").append(escape(m.text("funnel.pointIs", m.period(view.period())))).append("</p>\n");
    if (f.continuous()) {
      out.append("<p class=\"note\">").append(escape(m.text("funnel.continuous"))).append("</p>\n</figure>\n");
      return;
    }
    if (f.points().isEmpty()) {
      out.append("<p class=\"note\">").append(escape(m.text("funnel.nonePlotted") + " " + notPlotted(f)))
          .append("</p>\n</figure>\n");
      return;
    }
    out.append("<div class=\"chart-box\">\n").append(svg(id, f, caption)).append("</div>\n");
    Legend.draw(out, List.of(
        new Legend.Item("centre", m.text("legend.clusterValue"), false),
        new Legend.Item("limit limit-95", m.text("legend.limits95"), false),
        new Legend.Item("limit limit-998", m.text("legend.limits998"), false),
        new Legend.Item("clinic own", m.text("legend.ownClinic"), true),
        new Legend.Item("clinic", m.text("legend.otherClinics"), true)));
    StringBuilder note = new StringBuilder(m.text("funnel.plotted", f.points().size())).append(' ').append(notPlotted(f));
    if (!f.limits()) {
      note.append(' ').append(m.text(f.measure().isEmpty() ? "funnel.noLimitsPersonTime" : "funnel.noLimitsSuppressed"));
    } else if (f.overdispersed()) {
      note.append(' ').append(m.text("funnel.overdispersed"));
    }
    out.append("<p class=\"note\">").append(escape(note.toString())).append("</p>\n");
    out.append("<details><summary>").append(escape(m.text("funnel.tableSummary"))).append("</summary>\n")
        .append("<div class=\"table-box\"><table class=\"small\">\n<thead><tr><th scope=\"col\">")
        .append(escape(m.text("funnel.clinic"))).append("</th><th scope=\"col\" class=\"num\">n</th><th scope=\"col\" class=\"num\">")
        .append(escape(m.text("funnel.value"))).append("</th><th scope=\"col\">").append(escape(m.text("funnel.position")))
        .append("</th></tr></thead>\n<tbody>\n");
    for (FunnelPoint pt : f.points()) {
      out.append("<tr><th scope=\"row\">").append(escape(label(pt))).append("</th><td class=\"num\">").append(m.count(pt.n()))
          .append("</td><td class=\"num\">").append(escape(values.value(pt.value()))).append("</td><td>")
          .append(escape(position(pt))).append("</td></tr>\n");
    }
    out.append("</tbody>\n</table></div>\n</details>\n</figure>\n");
  }

  private String label(FunnelPoint pt) {
    return pt.own() ? m.text("legend.ownClinic") : pt.label();
  }

  private String notPlotted(FunnelView f) {
    String s = m.text("funnel.suppressed", f.suppressed());
    if (f.empty() > 0) {
      s += " " + m.text("funnel.empty", f.empty());
    }
    return f.incomplete() > 0 ? s + " " + m.text("funnel.incomplete", f.incomplete()) : s;
  }

  String position(FunnelPoint pt) {
    return m.text(switch (pt.position()) {
      case NO_LIMITS -> "position.noLimits";
      case WITHIN -> "position.within";
      case ABOVE_95 -> "position.above95";
      case BELOW_95 -> "position.below95";
      case ABOVE_998 -> "position.above998";
      case BELOW_998 -> "position.below998";
    });
  }

  private String svg(String id, FunnelView f, String caption) {
    double left = 58;
    double right = WIDTH - 22;
    double top = 14;
    double bottom = HEIGHT - 48;
    List<FunnelPoint> points = f.points();
    double maxN = points.stream().mapToDouble(FunnelPoint::n).max().orElse(1);
    double minN = points.stream().mapToDouble(FunnelPoint::n).min().orElse(1);
    Svg.Ticks xt = Svg.ticks(0, maxN * 1.05, 4);
    double lo = points.stream().mapToDouble(FunnelPoint::value).min().orElse(0);
    double hi = points.stream().mapToDouble(FunnelPoint::value).max().orElse(1);
    if (f.centre().isPresent()) {
      lo = Math.min(lo, f.centre().get());
      hi = Math.max(hi, f.centre().get());
    }
    double scale = PackageViews.scale(view.indicator());
    Optional<Measure> measure = f.measure();
    if (f.limits()) {
      Optional<FunnelLimits> atMin = Funnels.funnel(measure.get(), clamp(measure.get(), f.centre().get() / scale),
          Math.max(minN, 1), Overdispersion.none());
      if (atMin.isPresent()) {
        lo = Math.min(lo, atMin.get().outer().lower() * scale);
        hi = Math.max(hi, atMin.get().outer().upper() * scale);
      }
    }
    Svg.Ticks yt = Svg.ticks(Math.max(0, lo), hi, 5);
    if (view.indicator().scoring() instanceof Proportion && yt.max() > 100) {
      yt = Svg.ticks(yt.min(), 100, 5);
    }
    Svg.Scale x = new Svg.Scale(xt.min(), xt.max(), left, right);
    Svg.Scale y = new Svg.Scale(yt.min(), yt.max(), bottom, top);

    String own = points.stream().filter(FunnelPoint::own).findFirst()
        .map(pt -> m.text("funnel.descOwn", values.value(pt.value()), m.count(pt.n()), position(pt)))
        .orElse(m.text("funnel.descNoOwn"));
    String desc = m.text("funnel.desc", points.size(), values.shortUnit(),
        f.centre().map(c -> values.value(c)).orElse("–")) + " " + own + " " + notPlotted(f);
    StringBuilder svg = new StringBuilder();
    String svgId = "funnel-" + id;
    svg.append(Svg.open(svgId, WIDTH, HEIGHT, "funnel-plot", caption + ": " + view.title(), desc));
    svg.append("<defs><clipPath id=\"").append(svgId).append("-clip\"><rect x=\"").append(num(left)).append("\" y=\"")
        .append(num(top)).append("\" width=\"").append(num(right - left)).append("\" height=\"").append(num(bottom - top))
        .append("\"/></clipPath></defs>\n");
    Svg.yAxis(svg, y, left, right, yt, m.text("axis.value", values.shortUnit()), m);
    Svg.xAxis(svg, x, bottom, xt.values(), xt.values().stream().map(v -> Svg.tickLabel(v, xt.step(), m)).toList(),
        m.text(view.indicator().scoring() instanceof Rate ? "axis.denominatorPersons" : "axis.denominatorPatients"));
    svg.append("<g clip-path=\"url(#").append(svgId).append("-clip)\">\n");
    f.centre().ifPresent(c -> svg.append(Svg.line(left, y.at(c), right, y.at(c), "centre")));
    if (f.limits()) {
      int steps = 120;
      double from = Math.max(0.5, xt.max() / 400);
      double[] xs = new double[steps + 1];
      double[][] ys = new double[4][steps + 1];
      double theta = clamp(measure.get(), f.centre().get() / scale);
      for (int i = 0; i <= steps; i++) {
        double n = from * Math.pow(xt.max() / from, (double) i / steps);
        FunnelLimits l = Funnels.funnel(measure.get(), theta, n, Overdispersion.none()).orElseThrow();
        xs[i] = x.at(n);
        ys[0][i] = y.at(l.inner().lower() * scale);
        ys[1][i] = y.at(l.inner().upper() * scale);
        ys[2][i] = y.at(l.outer().lower() * scale);
        ys[3][i] = y.at(l.outer().upper() * scale);
      }
      svg.append("<path class=\"limit limit-95\" d=\"").append(Svg.path(xs, ys[0])).append("\"/>\n")
          .append("<path class=\"limit limit-95\" d=\"").append(Svg.path(xs, ys[1])).append("\"/>\n")
          .append("<path class=\"limit limit-998\" d=\"").append(Svg.path(xs, ys[2])).append("\"/>\n")
          .append("<path class=\"limit limit-998\" d=\"").append(Svg.path(xs, ys[3])).append("\"/>\n");
    }
    svg.append("</g>\n<g class=\"points\">\n");
    // the own clinic last, so that it is drawn on top
    for (FunnelPoint pt : points.stream().sorted(Comparator.comparing(FunnelPoint::own)).toList()) {
      svg.append("<circle class=\"clinic").append(pt.own() ? " own" : "").append("\" cx=\"").append(num(x.at(pt.n())))
          .append("\" cy=\"").append(num(y.at(pt.value()))).append("\" r=\"").append(pt.own() ? 6.5 : 4).append("\">")
          .append("<title>").append(escape(m.text("funnel.pointTitle", label(pt), values.value(pt.value()),
              values.shortUnit(), m.count(pt.n()), position(pt)))).append("</title></circle>\n");
      if (pt.own()) {
        boolean leftSide = x.at(pt.n()) > (left + right) / 2;
        svg.append(Svg.text(x.at(pt.n()) + (leftSide ? -10 : 10), Math.max(top + 12, y.at(pt.value()) - 8),
            leftSide ? "end" : "start", "own-label", m.text("legend.ownClinic")));
      }
    }
    svg.append("</g>\n</svg>\n");
    return svg.toString();
  }

  /** A parent value inside [0, 1] for proportions, non-negative for rates, so that the limits exist. */
  private static double clamp(Measure measure, double theta) {
    return measure == Measure.PROPORTION ? Math.min(1, Math.max(0, theta)) : Math.max(0, theta);
  }
}
