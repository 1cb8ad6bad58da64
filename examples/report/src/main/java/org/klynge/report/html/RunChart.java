package org.klynge.report.html;

import static org.klynge.report.html.Svg.escape;
import static org.klynge.report.html.Svg.num;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.klynge.core.definition.Granularity;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.definition.Proportion;
import org.klynge.core.disclosure.Status;
import org.klynge.core.stats.BeforeAfter;
import org.klynge.core.stats.SegmentedRegression;
import org.klynge.report.view.BeforeAfterResult;
import org.klynge.report.view.ChartPoint;
import org.klynge.report.view.IndicatorView;
import org.klynge.report.view.MeetingView;
import org.klynge.report.view.RunView;
import org.klynge.report.view.Series;
import org.klynge.report.view.Unit;

/**
 * Draws a run chart: the own clinic, the cluster and the nation period by period, labelled with
 * what one point is, the meetings as vertical lines, and beside it what can be said before and
 * after each meeting; then notes on suppressed periods and flat series, and the values as a table.
 */
final class RunChart {

  static final int WIDTH = 400;
  static final int HEIGHT = 280;

  private final Messages m;
  private final IndicatorView view;
  private final Values values;
  private final StringBuilder out;

  RunChart(Messages m, IndicatorView view, Values values, StringBuilder out) {
    this.m = m;
    this.view = view;
    this.values = values;
    this.out = out;
  }

  private static String cssClass(Unit u) {
    return switch (u) {
      case OWN_CLINIC -> "own";
      case REST_OF_CLUSTER -> "rest";
      case CLUSTER -> "cluster";
      case NATION -> "nation";
    };
  }

  private String unitName(Unit u) {
    return m.text(switch (u) {
      case OWN_CLINIC -> "unit.ownClinic";
      case REST_OF_CLUSTER -> "unit.restOfCluster";
      case CLUSTER -> "unit.cluster";
      case NATION -> "unit.nation";
    });
  }

  /** The short label of a period on the x axis. */
  private String tick(MeasurementPeriod p, Granularity g) {
    YearMonth end = YearMonth.from(p.end());
    if (g == Granularity.QUARTER) {
      return m.text("run.quarterTick", (end.getMonthValue() - 1) / 3 + 1);
    }
    return m.text("run.monthTick", end.getMonth().getDisplayName(TextStyle.SHORT, m.locale()));
  }

  /** A period in words: "apr. 2024", or for rolling 12 months "maj 2023–apr. 2024". */
  private String periodName(MeasurementPeriod p) {
    return m.period(p);
  }

  void draw(String id) {
    RunView run = view.run();
    Granularity g = run.granularity();
    String caption = m.text("run.caption", m.period(view.period()));
    out.append("<figure class=\"chart run\">\n<figcaption>").append(escape(caption)).append("</figcaption>\n");
    out.append("<p class=\"point-is\">").append(escape(m.text("run.pointIs." + g.code()))).append("</p>\n");
    if (run.periods().isEmpty()) {
      out.append("<p class=\"note\">").append(escape(m.text("run.noPeriods"))).append("</p>\n</figure>\n");
      return;
    }
    out.append("<div class=\"run-body\">\n<div class=\"chart-box\">\n").append(svg(id, run, caption)).append("</div>\n");
    out.append("<div class=\"before-after\">\n");
    beforeAfter(run);
    out.append("</div>\n</div>\n");
    Legend.draw(out, List.of(
        new Legend.Item("series own", m.text("unit.ownClinic"), false),
        new Legend.Item("series cluster", m.text("unit.cluster"), false),
        new Legend.Item("series nation", m.text("unit.nation"), false),
        new Legend.Item("meeting-line", m.text("legend.meeting"), false)));
    List<String> notes = new ArrayList<>();
    for (Series s : run.series()) {
      List<String> hidden = s.points().stream().filter(ChartPoint::suppressed).map(p -> periodName(p.period())).toList();
      if (!hidden.isEmpty()) {
        notes.add(m.text("run.suppressedIn", unitName(s.unit()), String.join(", ", hidden)));
      }
      if (s.allZero()) {
        notes.add(m.text("run.allZero", unitName(s.unit())));
      }
    }
    if (!notes.isEmpty()) {
      out.append("<p class=\"note\">").append(escape(String.join(" ", notes))).append("</p>\n");
    }
    table(run);
    out.append("</figure>\n");
  }

  private void table(RunView run) {
    out.append("<details><summary>").append(escape(m.text("run.tableSummary"))).append("</summary>\n")
        .append("<div class=\"table-box\"><table class=\"small\">\n<thead><tr><th scope=\"col\">")
        .append(escape(m.text("run.period"))).append("</th>");
    for (Series s : run.series()) {
      out.append("<th scope=\"col\" class=\"num\">").append(escape(unitName(s.unit()))).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < run.periods().size(); i++) {
      out.append("<tr><th scope=\"row\">").append(escape(periodName(run.periods().get(i)))).append("</th>");
      for (Series s : run.series()) {
        ChartPoint p = s.points().get(i);
        if (p.value().isPresent()) {
          out.append("<td class=\"num\">").append(escape(values.value(p.value().getAsDouble()))).append("</td>");
        } else if (p.suppressed()) {
          out.append("<td class=\"suppressed\">").append(escape(m.text("value.suppressed"))).append("</td>");
        } else {
          out.append("<td class=\"na\">–</td>");
        }
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table></div>\n</details>\n");
  }

  /** Where a date falls on the x axis: in the period whose last month holds it (month and rolling 12) or that holds it. */
  private static double position(List<MeasurementPeriod> periods, Granularity g, LocalDate date) {
    for (int i = 0; i < periods.size(); i++) {
      MeasurementPeriod p = periods.get(i);
      LocalDate from = g == Granularity.ROLLING12 ? YearMonth.from(p.end()).atDay(1) : p.start();
      if (!date.isBefore(from) && !date.isAfter(p.end())) {
        double days = p.end().toEpochDay() - from.toEpochDay() + 1;
        return i + (date.toEpochDay() - from.toEpochDay() + 0.5) / days;
      }
    }
    return Double.NaN;
  }

  private String svg(String id, RunView run, String caption) {
    List<MeasurementPeriod> periods = run.periods();
    int n = periods.size();
    double left = 58;
    double right = WIDTH - 18;
    double top = 22;
    double bottom = HEIGHT - 48;
    double hi = run.series().stream().flatMap(s -> s.points().stream()).filter(p -> p.value().isPresent())
        .mapToDouble(p -> p.value().getAsDouble()).max().orElse(1);
    Svg.Ticks yt = Svg.ticks(0, hi > 0 ? hi * 1.05 : 1, 5);
    if (view.indicator().scoring() instanceof Proportion && yt.max() > 100) {
      yt = Svg.ticks(0, 100, 5);
    }
    Svg.Scale x = new Svg.Scale(0, n, left, right);
    Svg.Scale y = new Svg.Scale(yt.min(), yt.max(), bottom, top);
    List<String> parts = new ArrayList<>();
    for (Series s : run.series()) {
      List<String> points = new ArrayList<>();
      for (ChartPoint p : s.points()) {
        points.add(m.text("run.descPoint", periodName(p.period()), p.value().isPresent()
            ? values.value(p.value().getAsDouble()) : m.text(p.suppressed() ? "value.suppressed" : "value.none")));
      }
      parts.add(m.text("run.descSeries", unitName(s.unit()), String.join(", ", points)));
    }
    for (LocalDate meeting : run.meetings()) {
      parts.add(m.text("run.descMeeting", m.date(meeting)));
    }
    String desc = m.text("run.desc", m.text("run.pointIs." + run.granularity().code()), values.shortUnit()) + " "
        + String.join(" ", parts);
    StringBuilder svg = new StringBuilder();
    svg.append(Svg.open("run-" + id, WIDTH, HEIGHT, "run-chart", caption + ": " + view.title(), desc));
    Svg.yAxis(svg, y, left, right, yt, m.text("axis.value", values.shortUnit()), m);
    List<Double> ticks = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    int every = n > 12 ? 2 : 1;
    for (int i = 0; i < n; i++) {
      ticks.add(i + 0.5);
      labels.add(i % every == 0 ? tick(periods.get(i), run.granularity()) : "");
    }
    Svg.xAxis(svg, x, bottom, ticks, labels, m.text("run.axis." + run.granularity().code(),
        m.period(new MeasurementPeriod(periods.get(0).start(), periods.get(n - 1).end()))));
    for (LocalDate meeting : run.meetings()) {
      double at = position(periods, run.granularity(), meeting);
      if (Double.isNaN(at)) {
        continue;
      }
      double px = x.at(at);
      boolean leftSide = px > (left + right) * 0.6;
      svg.append("<g class=\"meeting\">").append(Svg.line(px, top - 8, px, bottom, "meeting-line"))
          .append(Svg.text(px + (leftSide ? -4 : 4), top - 10, leftSide ? "end" : "start", "meeting-label",
              m.text("run.meetingLabel", m.date(meeting))))
          .append("</g>\n");
    }
    for (Series s : run.series()) {
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        ChartPoint p = s.points().get(i);
        xs[i] = x.at(i + 0.5);
        ys[i] = p.value().isPresent() ? y.at(p.value().getAsDouble()) : Double.NaN;
      }
      svg.append("<g class=\"series ").append(cssClass(s.unit())).append("\">\n<path d=\"").append(Svg.path(xs, ys))
          .append("\"/>\n");
      for (int i = 0; i < n; i++) {
        if (!Double.isNaN(ys[i])) {
          svg.append("<circle class=\"point\" cx=\"").append(num(xs[i])).append("\" cy=\"").append(num(ys[i]))
              .append("\" r=\"3\"><title>").append(escape(m.text("run.pointTitle", unitName(s.unit()),
                  periodName(periods.get(i)), values.value(s.points().get(i).value().getAsDouble()), values.shortUnit())))
              .append("</title></circle>\n");
        }
      }
      svg.append("</g>\n");
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  // ---- before and after ------------------------------------------------------------------------

  private void beforeAfter(RunView run) {
    out.append("<h4>").append(escape(m.text("ba.heading"))).append("</h4>\n");
    if (run.noComparison() != RunView.NoComparison.NONE) {
      String key = switch (run.noComparison()) {
        case NO_MEETING -> "ba.noMeeting";
        case CONTINUOUS -> "ba.continuous";
        case ROLLING -> "ba.rolling";
        case PERSON_TIME -> "ba.personTime";
        case NO_PERIODS, NONE -> "ba.noPeriods";
      };
      out.append("<p>").append(escape(m.text(key))).append("</p>\n");
      return;
    }
    for (MeetingView meeting : run.beforeAfter()) {
      out.append("<p class=\"meeting-head\"><strong>").append(escape(m.text("ba.meeting", m.date(meeting.date()))))
          .append("</strong>");
      if (!meeting.inRange()) {
        out.append(": ").append(escape(m.text("ba.outside"))).append("</p>\n");
        continue;
      }
      out.append("</p>\n<dl class=\"ba\">\n");
      for (Map.Entry<Unit, BeforeAfterResult> e : meeting.units().entrySet()) {
        out.append("<dt>").append(escape(unitName(e.getKey()))).append("</dt>\n<dd>").append(result(e.getValue()))
            .append("</dd>\n");
      }
      out.append("</dl>\n");
    }
  }

  private String result(BeforeAfterResult r) {
    if (r instanceof BeforeAfterResult.Withheld w) {
      String why = w.status() == Status.SUPPRESSED ? "ba.withheldSuppressed"
          : w.status() == Status.ROUNDED ? "ba.withheldRounded"
          : w.status() == Status.DATA_INCOMPLETE ? "ba.withheldIncomplete" : "ba.withheldMissing";
      return escape(m.text(why, periodName(w.period())));
    }
    if (r instanceof BeforeAfterResult.AllZero) {
      return escape(m.text("ba.allZero"));
    }
    if (r instanceof BeforeAfterResult.NoPatients) {
      return escape(m.text("ba.noPatients"));
    }
    BeforeAfterResult.Computed c = (BeforeAfterResult.Computed) r;
    BeforeAfter l = c.levels();
    StringBuilder s = new StringBuilder()
        .append(escape(m.text("ba.before", values.estimate(l.before()), l.pointsBefore()))).append("<br>")
        .append(escape(m.text("ba.after", values.estimate(l.after()), l.pointsAfter()))).append("<br>")
        .append(escape(m.text("ba.difference", ""))).append("<strong>").append(escape(values.estimate(l.difference())))
        .append("</strong><br>");
    if (c.trend() instanceof SegmentedRegression.Fitted f) {
      s.append(escape(m.text("ba.trend", values.coefficient(f.levelChange()), values.coefficient(f.slopeChange()))));
    } else if (c.trend() instanceof SegmentedRegression.TooShort t) {
      s.append(escape(m.text("ba.tooShort", t.pointsBefore(), t.pointsAfter(), t.minimumEachSide())));
    }
    return s.toString();
  }
}
