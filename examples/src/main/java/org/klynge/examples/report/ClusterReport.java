package org.klynge.examples.report;

import static java.util.Objects.requireNonNull;
import static org.klynge.examples.report.Svg.escape;
import static org.klynge.examples.report.Svg.num;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.Reconciliation;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.Continuous;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Direction;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.definition.Proportion;
import org.klynge.core.definition.Rate;
import org.klynge.core.disclosure.PublishedCount;
import org.klynge.core.disclosure.PublishedValue;
import org.klynge.core.disclosure.Status;
import org.klynge.core.result.Assessment;
import org.klynge.core.result.Comparison;
import org.klynge.core.result.Funnel;
import org.klynge.core.result.Level;
import org.klynge.core.result.MeetingComparison;
import org.klynge.core.result.PublishedRow;
import org.klynge.core.result.PublishedTable;
import org.klynge.core.result.ResultRow;
import org.klynge.core.result.ResultTable;
import org.klynge.core.result.UnitIds;
import org.klynge.core.stats.BeforeAfter;
import org.klynge.core.stats.Coefficient;
import org.klynge.core.stats.Estimate;
import org.klynge.core.stats.Fulfilment;
import org.klynge.core.stats.FunnelLimits;
import org.klynge.core.stats.Funnels;
import org.klynge.core.stats.Interval;
import org.klynge.core.stats.Measure;
import org.klynge.core.stats.Overdispersion;
import org.klynge.core.stats.SegmentedRegression;
import org.klynge.core.stats.StandardAssessment;

/**
 * A cluster report: one self-contained HTML file for a cluster coordinator.
 *
 * <p>For each cluster package (title, topic, the three questions answered) and each of its
 * indicators it shows
 *
 * <ul>
 *   <li>a table of the own clinic, the rest of the cluster, the cluster and the nation for the
 *       year: value, 95 % interval, counts, the standard judged by the point and with uncertainty,
 *       and the own clinic and cluster compared with the rest of the cluster and of the nation;
 *   <li>a funnel plot of the cluster's clinics (x the denominator, y the value) with the 95 % and
 *       99.8 % limits around the cluster's value; the own clinic is highlighted, other clinics
 *       carry their pseudonyms, suppressed clinics are not plotted but counted;
 *   <li>a monthly run chart of the own clinic, the cluster and the nation with the package's
 *       meeting dates as vertical lines and, beside it, the levels before and after the meeting,
 *       their difference and the interrupted-time-series estimate (or why there is none).
 * </ul>
 *
 * <p>Everything shown comes from the {@link PublishedTable}, so the audience's disclosure control
 * applies throughout: a suppressed number reads "suppressed", never 0. The before/after figures
 * are computed from the unpublished counts of a unit only when every month they pool is published
 * for it (always so for the viewer's own clinic). The file ends with the provenance and the
 * reconciliation of the input rows. It has no scripts, fonts, images or links outside itself.
 */
public final class ClusterReport {

  /**
   * What a report is made from.
   *
   * @param clusterId the cluster
   * @param clusterName the cluster's name
   * @param clinicId the viewer's own clinic, highlighted throughout
   * @param clinicName the own clinic's name
   * @param year the measurement year: the yearly period and its months are read from the tables
   * @param definitions the indicators and packages evaluated
   * @param published the results as published to the viewer (the cluster audience)
   * @param results the unpublished results, used only for before/after figures of units whose months
   *     are all published
   */
  public record Input(
      String clusterId,
      String clusterName,
      String clinicId,
      String clinicName,
      int year,
      DefinitionSet definitions,
      PublishedTable published,
      ResultTable results) {
    public Input {
      requireNonNull(clusterId, "clusterId");
      requireNonNull(clusterName, "clusterName");
      requireNonNull(clinicId, "clinicId");
      requireNonNull(clinicName, "clinicName");
      requireNonNull(definitions, "definitions");
      requireNonNull(published, "published");
      requireNonNull(results, "results");
    }
  }

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final Input in;
  private final Map<String, PublishedRow> published = new HashMap<>();
  private final Map<String, ResultRow> raw = new HashMap<>();
  private final MeasurementPeriod year;
  private final List<MeasurementPeriod> months = new ArrayList<>();
  private final StringBuilder out = new StringBuilder(1 << 16);

  private ClusterReport(Input in) {
    this.in = in;
    this.year = MeasurementPeriod.year(in.year());
    for (PublishedRow r : in.published().rows()) {
      published.put(key(r.indicatorId(), r.indicatorVersion(), r.period(), r.level(), r.unitId()), r);
    }
    for (ResultRow r : in.results().rows()) {
      raw.put(key(r.indicatorId(), r.indicatorVersion(), r.period(), r.level(), r.unitId()), r);
    }
    Set<MeasurementPeriod> periods = new LinkedHashSet<>();
    in.published().rows().forEach(r -> periods.add(r.period()));
    for (int m = 1; m <= 12; m++) {
      MeasurementPeriod month = MeasurementPeriod.month(YearMonth.of(in.year(), m));
      if (periods.contains(month)) {
        months.add(month);
      }
    }
  }

  /** The report as one HTML document. */
  public static String render(Input in) {
    ClusterReport r = new ClusterReport(in);
    r.document();
    return r.out.toString();
  }

  /** Writes the report to {@code file} (UTF-8). */
  public static void write(Input in, Path file) throws IOException {
    Files.writeString(file, render(in), StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------
  // document

  private void document() {
    String title = "Cluster report: " + in.clusterName() + " (" + in.clusterId() + "), " + in.year();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    out.append("<header>\n<h1>").append(escape(title)).append("</h1>\n");
    out.append("<p class=\"lead\">For the cluster coordinator. Own clinic: <strong>")
        .append(escape(in.clinicName())).append(" (").append(escape(in.clinicId())).append(")</strong>. ")
        .append("Other clinics are shown by pseudonym. Published for the ")
        .append(escape(in.published().viewer().audience().code())).append(" audience: counts from 1 to ")
        .append(in.published().threshold() - 1)
        .append(" are suppressed, together with any figure that would give them away; a suppressed number reads ")
        .append("<span class=\"suppressed\">suppressed</span>, never 0.</p>\n");
    out.append("</header>\n<main>\n");

    List<ClusterPackage> packages = in.definitions().packages();
    Set<String> inPackages = new LinkedHashSet<>();
    out.append("<nav aria-labelledby=\"toc-h\">\n<h2 id=\"toc-h\">Contents</h2>\n<ol>\n");
    for (int p = 0; p < packages.size(); p++) {
      ClusterPackage pkg = packages.get(p);
      out.append("<li><a href=\"#pkg-").append(p).append("\">").append(escape(pkg.title())).append("</a>\n<ul>\n");
      for (Indicator ind : in.definitions().indicatorsOf(pkg)) {
        inPackages.add(ind.key());
        out.append("<li><a href=\"#ind-").append(p).append('-').append(escape(ind.id())).append("\">")
            .append(escape(ind.title())).append("</a></li>\n");
      }
      out.append("</ul></li>\n");
    }
    List<Indicator> others = in.definitions().indicators().stream().filter(i -> !inPackages.contains(i.key())).toList();
    if (!others.isEmpty()) {
      out.append("<li><a href=\"#pkg-other\">Indicators in no package</a></li>\n");
    }
    out.append("<li><a href=\"#how-to-read\">How to read the report</a></li>\n")
        .append("<li><a href=\"#provenance\">Provenance</a></li>\n")
        .append("<li><a href=\"#reconciliation\">Reconciliation of the input rows</a></li>\n</ol>\n</nav>\n");

    howToRead();
    for (int p = 0; p < packages.size(); p++) {
      pkg(String.valueOf(p), packages.get(p));
    }
    if (!others.isEmpty()) {
      out.append("<section class=\"package\" aria-labelledby=\"pkg-other-h\">\n<h2 id=\"pkg-other-h\"><a id=\"pkg-other\"></a>")
          .append("Indicators in no package</h2>\n");
      for (Indicator ind : others) {
        indicator("other", ind, Optional.empty());
      }
      out.append("</section>\n");
    }
    provenance();
    reconciliation();
    out.append("</main>\n<footer><p>Made with Klynge ").append(escape(in.published().provenance().engineVersion()))
        .append(". This file is self-contained: it needs no network connection.</p></footer>\n")
        .append("</body>\n</html>\n");
  }

  private void howToRead() {
    out.append("<section aria-labelledby=\"how-to-read\">\n<h2 id=\"how-to-read\">How to read the report</h2>\n<ul>\n")
        .append("<li>Figures are for ").append(in.year()).append(" unless a chart says otherwise; every value has its 95 %")
        .append(" confidence interval. <em>Rest of cluster</em> is the cluster without the own clinic.</li>\n")
        .append("<li><em>Standard</em>: <em>point</em> compares the value with the target; <em>with uncertainty</em>")
        .append(" says met or not met only when the whole interval lies on one side of the target, else")
        .append(" <em>cannot tell</em>.</li>\n")
        .append("<li><em>Funnel plot</em>: each dot is a clinic of the cluster; the lines are the 95 % (dashed) and")
        .append(" 99.8 % (solid) limits around the cluster's value for a clinic of that size. A clinic outside them")
        .append(" differs from the cluster by more than chance would usually explain.</li>\n")
        .append("<li><em>Month by month</em>: the own clinic, the cluster and the nation; the vertical line marks the")
        .append(" package's meeting and a shaded band the package's period where it is shorter than the year. A month in"
        + " which the meeting falls counts as before it. The interrupted time")
        .append(" series needs at least 3 months on each side.</li>\n</ul>\n</section>\n");
  }

  private void pkg(String p, ClusterPackage pkg) {
    out.append("<section class=\"package\" aria-labelledby=\"pkg-").append(p).append("-h\">\n")
        .append("<h2 id=\"pkg-").append(p).append("-h\"><a id=\"pkg-").append(p).append("\"></a>")
        .append(escape(pkg.title())).append("</h2>\n");
    if (!pkg.topic().isEmpty()) {
      out.append("<p class=\"topic\">").append(escape(pkg.topic())).append("</p>\n");
    }
    out.append("<dl class=\"questions\">\n")
        .append("<dt>Is there a relevant clinical problem?</dt><dd>").append(escape(pkg.questions().clinicalProblem())).append("</dd>\n")
        .append("<dt>Can data illuminate it?</dt><dd>").append(escape(pkg.questions().howDataIlluminates())).append("</dd>\n")
        .append("<dt>Can the GP act on it?</dt><dd>").append(escape(pkg.questions().whatTheGpCanDo())).append("</dd>\n")
        .append("</dl>\n");
    out.append("<p class=\"meta\">Package ").append(escape(pkg.key())).append(". Period ")
        .append(escape(range(pkg.period()))).append(", by ").append(escape(pkg.granularity().code())).append(". ")
        .append(pkg.meetingDates().isEmpty() ? "No meeting date."
            : (pkg.meetingDates().size() == 1 ? "Meeting: " : "Meetings: ")
                + escape(String.join(", ", pkg.meetingDates().stream().map(DATE::format).toList())) + ".")
        .append(pkg.followUp().map(f -> " Follow-up: " + f.months() + " months by " + escape(f.granularity().code()) + ".").orElse(""))
        .append("</p>\n");
    for (Indicator ind : in.definitions().indicatorsOf(pkg)) {
      indicator(p, ind, Optional.of(pkg));
    }
    out.append("</section>\n");
  }

  // ---------------------------------------------------------------------------------------------
  // one indicator

  private void indicator(String p, Indicator ind, Optional<ClusterPackage> pkg) {
    String id = p + "-" + ind.id();
    out.append("<section class=\"indicator\" aria-labelledby=\"ind-").append(escape(id)).append("-h\">\n")
        .append("<h3 id=\"ind-").append(escape(id)).append("-h\"><a id=\"ind-").append(escape(id)).append("\"></a>")
        .append(escape(ind.title())).append("</h3>\n");
    if (!ind.description().isEmpty()) {
      out.append("<p>").append(escape(ind.description())).append("</p>\n");
    }
    out.append("<p class=\"meta\">").append(escape(ind.key())).append(". ").append(escape(unitText(ind)))
        .append(". ").append(escape(directionText(ind.direction()))).append('.')
        .append(ind.standard().map(s -> " Standard: " + escape(fmt(ind, s.target())) + " " + escape(ind.unit())
            + s.source().map(src -> " (" + escape(src) + ")").orElse("") + ".").orElse(" No standard."))
        .append("</p>\n");
    levelsTable(id, ind);
    out.append("<div class=\"charts\">\n");
    funnel(id, ind);
    runChart(id, ind, pkg);
    out.append("</div>\n</section>\n");
  }

  private void levelsTable(String id, Indicator ind) {
    boolean standard = ind.standard().isPresent();
    boolean rate = ind.scoring() instanceof Rate;
    out.append("<table class=\"levels\">\n<caption>").append(escape(ind.title())).append(", ").append(in.year())
        .append(": own clinic, rest of cluster, cluster and nation</caption>\n<thead>\n<tr>")
        .append("<th scope=\"col\">Unit</th>")
        .append("<th scope=\"col\" class=\"num\">Value (").append(escape(shortUnit(ind))).append(")</th>")
        .append("<th scope=\"col\" class=\"num\">95 % interval</th>")
        .append("<th scope=\"col\" class=\"num\">").append(rate ? "Events" : "Numerator").append("</th>")
        .append("<th scope=\"col\" class=\"num\">n</th>");
    if (standard) {
      out.append("<th scope=\"col\">Standard: point</th><th scope=\"col\">Standard: with uncertainty</th>");
    }
    out.append("<th scope=\"col\">Compared with</th></tr>\n</thead>\n<tbody>\n");
    levelRow(ind, "Own clinic: " + in.clinicName(), find(ind, year, Level.CLINIC, in.clinicId()), standard, true);
    levelRow(ind, "Rest of cluster", find(ind, year, Level.REST_OF_CLUSTER, in.clinicId()), standard, false);
    levelRow(ind, "Cluster " + in.clusterName(), find(ind, year, Level.CLUSTER, in.clusterId()), standard, true);
    levelRow(ind, "Nation", find(ind, year, Level.NATION, UnitIds.NATION), standard, false);
    out.append("</tbody>\n</table>\n");
  }

  private void levelRow(Indicator ind, String label, Optional<PublishedRow> row, boolean standard, boolean compare) {
    out.append("<tr><th scope=\"row\">").append(escape(label)).append("</th>");
    int cells = 4 + (standard ? 2 : 0) + 1;
    if (row.isEmpty()) {
      out.append(("<td class=\"na\">not available</td>").repeat(cells)).append("</tr>\n");
      return;
    }
    PublishedRow r = row.get();
    if (r.suppressed()) {
      out.append(("<td class=\"suppressed\">suppressed</td>").repeat(cells)).append("</tr>\n");
      return;
    }
    out.append(valueCell(ind, r.value()));
    out.append("<td class=\"num\">").append(r.statistics().interval().map(i -> escape(interval(ind, i))).orElse("–")).append("</td>");
    out.append(countCell(r.numerator())).append(countCell(r.denominator()));
    if (standard) {
      Optional<StandardAssessment> s = r.statistics().standard();
      out.append("<td>").append(s.map(a -> fulfilment(a.point())).orElse("–")).append("</td>")
          .append("<td>").append(s.map(a -> fulfilment(a.withUncertainty())).orElse("–")).append("</td>");
    }
    List<String> comparisons = new ArrayList<>();
    if (compare) {
      r.statistics().vsRest().ifPresent(c -> comparisons.add("rest of cluster: " + escape(comparison(ind, c))));
      r.statistics().vsNation().ifPresent(c -> comparisons.add("rest of nation: " + escape(comparison(ind, c))));
    }
    out.append("<td>").append(comparisons.isEmpty() ? "–" : String.join("<br>", comparisons)).append("</td></tr>\n");
  }

  // ---------------------------------------------------------------------------------------------
  // funnel plot

  /** A clinic as plotted. */
  private record Point(String label, boolean own, double n, double value, Optional<Funnel> funnel) {}

  private void funnel(String id, Indicator ind) {
    String svgId = "funnel-" + id;
    out.append("<figure class=\"chart funnel\">\n");
    List<PublishedRow> clinics = in.published().rows().stream()
        .filter(r -> r.indicatorId().equals(ind.id()) && r.indicatorVersion().equals(ind.version())
            && r.level() == Level.CLINIC && r.parentId().equals(in.clusterId()) && r.period().equals(year))
        .sorted(Comparator.comparing(PublishedRow::unitId)).toList();
    int suppressed = 0;
    int empty = 0;
    List<Point> points = new ArrayList<>();
    for (PublishedRow r : clinics) {
      if (r.suppressed()) {
        suppressed++;
      } else if (r.value().value().isEmpty() || r.denominator().count().orElse(0) <= 0) {
        empty++;
      } else {
        boolean own = r.unitId().equals(in.clinicId());
        points.add(new Point(own ? "own clinic" : r.unitId(), own, r.denominator().count().getAsLong(),
            r.value().value().getAsDouble(), r.statistics().funnel()));
      }
    }
    String caption = "Funnel plot: the cluster's clinics, " + in.year();
    out.append("<figcaption>").append(escape(caption)).append("</figcaption>\n");
    if (ind.scoring() instanceof Continuous) {
      out.append("<p class=\"note\">No funnel plot: the indicator is a continuous summary, which has no limits.</p>\n</figure>\n");
      return;
    }
    if (points.isEmpty()) {
      out.append("<p class=\"note\">No clinic of the cluster can be plotted").append(suppressedNote(suppressed, empty))
          .append("</p>\n</figure>\n");
      return;
    }
    Optional<Double> centre = points.stream().flatMap(pt -> pt.funnel().stream()).map(Funnel::parentValue).findFirst()
        .or(() -> find(ind, year, Level.CLUSTER, in.clusterId()).filter(r -> !r.suppressed())
            .flatMap(r -> r.value().value().isPresent() ? Optional.of(r.value().value().getAsDouble()) : Optional.empty()));
    Optional<Measure> measure = measure(ind);
    boolean limits = centre.isPresent() && measure.isPresent() && points.stream().anyMatch(pt -> pt.funnel().isPresent());

    int w = 560;
    int h = 340;
    double left = 64;
    double right = w - 16;
    double top = 44;
    double bottom = h - 52;
    double maxN = points.stream().mapToDouble(Point::n).max().orElse(1);
    double minN = points.stream().mapToDouble(Point::n).min().orElse(1);
    Svg.Ticks xt = Svg.ticks(0, maxN * 1.05, 5);
    double lo = points.stream().mapToDouble(Point::value).min().orElse(0);
    double hi = points.stream().mapToDouble(Point::value).max().orElse(1);
    if (centre.isPresent()) {
      lo = Math.min(lo, centre.get());
      hi = Math.max(hi, centre.get());
    }
    double scale = scale(ind);
    if (limits) {
      Optional<FunnelLimits> atMin = Funnels.funnel(measure.get(), clampParent(measure.get(), centre.get() / scale),
          Math.max(minN, 1), Overdispersion.none());
      if (atMin.isPresent()) {
        lo = Math.min(lo, atMin.get().outer().lower() * scale);
        hi = Math.max(hi, atMin.get().outer().upper() * scale);
      }
    }
    Svg.Ticks yt = Svg.ticks(Math.max(0, lo), hi, 5);
    if (ind.scoring() instanceof Proportion && yt.max() > 100) {
      yt = Svg.ticks(yt.min(), 100, 5);
    }
    Svg.Scale x = new Svg.Scale(xt.min(), xt.max(), left, right);
    Svg.Scale y = new Svg.Scale(yt.min(), yt.max(), bottom, top);

    String own = points.stream().filter(Point::own).findFirst()
        .map(pt -> " The own clinic has " + fmt(ind, pt.value()) + " with n = " + count(pt.n()) + ", " + position(pt) + ".")
        .orElse(" The own clinic is not plotted.");
    String desc = points.size() + " clinics plotted by denominator (x) and value in " + shortUnit(ind) + " (y)"
        + centre.map(c -> ", around the cluster's value of " + fmt(ind, c)).orElse("") + "." + own
        + (suppressed > 0 ? " " + suppressed + " suppressed clinic" + (suppressed == 1 ? " is" : "s are") + " not plotted." : "");
    StringBuilder svg = new StringBuilder();
    svg.append(Svg.open(svgId, w, h, "funnel-plot", caption + ": " + ind.title(), desc));
    svg.append("<defs><clipPath id=\"").append(svgId).append("-clip\"><rect x=\"").append(num(left)).append("\" y=\"")
        .append(num(top)).append("\" width=\"").append(num(right - left)).append("\" height=\"").append(num(bottom - top))
        .append("\"/></clipPath></defs>\n");
    Svg.yAxis(svg, y, left, right, yt, "Value (" + shortUnit(ind) + ")");
    Svg.xAxis(svg, x, bottom, xt.values(), xt.values().stream().map(v -> Svg.tickLabel(v, xt.step())).toList(),
        "Denominator (n, " + (ind.scoring() instanceof Rate ? "persons" : "patients") + ")");
    svg.append("<g clip-path=\"url(#").append(svgId).append("-clip)\">\n");
    if (centre.isPresent()) {
      svg.append(Svg.line(left, y.at(centre.get()), right, y.at(centre.get()), "centre"));
    }
    if (limits) {
      int steps = 160;
      double from = Math.max(0.5, xt.max() / 400);
      double[] xs = new double[steps + 1];
      double[][] ys = new double[4][steps + 1];
      double theta = clampParent(measure.get(), centre.get() / scale);
      for (int i = 0; i <= steps; i++) {
        double n = from * Math.pow(xt.max() / from, (double) i / steps);
        FunnelLimits f = Funnels.funnel(measure.get(), theta, n, Overdispersion.none()).orElseThrow();
        xs[i] = x.at(n);
        ys[0][i] = y.at(f.inner().lower() * scale);
        ys[1][i] = y.at(f.inner().upper() * scale);
        ys[2][i] = y.at(f.outer().lower() * scale);
        ys[3][i] = y.at(f.outer().upper() * scale);
      }
      svg.append("<path class=\"limit limit-95\" d=\"").append(Svg.path(xs, ys[0])).append("\"/>\n")
          .append("<path class=\"limit limit-95\" d=\"").append(Svg.path(xs, ys[1])).append("\"/>\n")
          .append("<path class=\"limit limit-998\" d=\"").append(Svg.path(xs, ys[2])).append("\"/>\n")
          .append("<path class=\"limit limit-998\" d=\"").append(Svg.path(xs, ys[3])).append("\"/>\n");
    }
    svg.append("</g>\n<g class=\"points\">\n");
    // the own clinic last, so it is drawn on top
    for (Point pt : points.stream().sorted(Comparator.comparing(Point::own)).toList()) {
      svg.append("<circle class=\"clinic").append(pt.own() ? " own" : "").append("\" cx=\"").append(num(x.at(pt.n())))
          .append("\" cy=\"").append(num(y.at(pt.value()))).append("\" r=\"").append(pt.own() ? 6.5 : 4).append("\">")
          .append("<title>").append(escape(pt.label() + ": " + fmt(ind, pt.value()) + " " + shortUnit(ind) + ", n = "
              + count(pt.n()) + ", " + position(pt))).append("</title></circle>\n");
      if (pt.own()) {
        boolean leftSide = x.at(pt.n()) > (left + right) / 2;
        svg.append(Svg.text(x.at(pt.n()) + (leftSide ? -10 : 10), y.at(pt.value()) - 8, leftSide ? "end" : "start",
            "own-label", "own clinic"));
      }
    }
    svg.append("</g>\n");
    legend(svg, left, 14, List.of(
        new LegendItem("centre", "cluster value", false),
        new LegendItem("limit limit-95", "95 % limits", false),
        new LegendItem("limit limit-998", "99.8 % limits", false),
        new LegendItem("clinic own", "own clinic", true),
        new LegendItem("clinic", "other clinics", true)));
    svg.append("</svg>\n");
    out.append(svg);
    StringBuilder note = new StringBuilder();
    note.append(points.size()).append(points.size() == 1 ? " clinic" : " clinics").append(" plotted")
        .append(suppressedNote(suppressed, empty));
    if (!limits) {
      note.append(" No limits are drawn: ").append(measure.isEmpty()
          ? "the rate is per person-year, and the published denominator counts persons."
          : "they are withheld because the cluster's figure (or the clinics it was estimated from) is suppressed.");
    } else if (points.stream().flatMap(pt -> pt.funnel().stream()).anyMatch(f -> f.overdispersion().map(o -> o.overdispersed()).orElse(false))) {
      note.append(" The clinics are overdispersed; the curves show the plain limits, the listed positions the widened ones.");
    }
    out.append("<p class=\"note\">").append(escape(note.toString())).append("</p>\n");
    out.append("<details><summary>The plotted clinics as a table</summary>\n<table class=\"small\">\n<thead><tr>")
        .append("<th scope=\"col\">Clinic</th><th scope=\"col\" class=\"num\">n</th><th scope=\"col\" class=\"num\">Value</th>")
        .append("<th scope=\"col\">Position</th></tr></thead>\n<tbody>\n");
    for (Point pt : points) {
      out.append("<tr><th scope=\"row\">").append(escape(pt.label())).append("</th><td class=\"num\">").append(count(pt.n()))
          .append("</td><td class=\"num\">").append(escape(fmt(ind, pt.value()))).append("</td><td>")
          .append(escape(position(pt))).append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</details>\n</figure>\n");
  }

  private static String suppressedNote(int suppressed, int empty) {
    StringBuilder s = new StringBuilder();
    s.append(suppressed == 0 ? "; no clinic is suppressed" : "; " + suppressed + (suppressed == 1 ? " clinic is" : " clinics are")
        + " suppressed and not plotted");
    if (empty > 0) {
      s.append("; ").append(empty).append(empty == 1 ? " clinic has" : " clinics have").append(" no patients in the denominator");
    }
    return s.append('.').toString();
  }

  private static String position(Point pt) {
    if (pt.funnel().isEmpty()) {
      return "no limits";
    }
    Funnel f = pt.funnel().get();
    if (f.inner().contains(pt.value())) {
      return "within the 95 % limits";
    }
    String side = pt.value() > f.parentValue() ? "above" : "below";
    return f.outer().contains(pt.value()) ? side + " the 95 % limits" : side + " the 99.8 % limits";
  }

  /** A parent value strictly inside (0, 1) for proportions, so the limits have a width. */
  private static double clampParent(Measure measure, double theta) {
    return measure == Measure.PROPORTION ? Math.min(1, Math.max(0, theta)) : Math.max(0, theta);
  }

  // ---------------------------------------------------------------------------------------------
  // run chart

  private record Series(String cssClass, String label, double[] values, List<String> suppressedMonths) {}

  private void runChart(String id, Indicator ind, Optional<ClusterPackage> pkg) {
    String caption = "Month by month, " + in.year();
    out.append("<figure class=\"chart run\">\n<figcaption>").append(escape(caption)).append("</figcaption>\n");
    if (months.isEmpty()) {
      out.append("<p class=\"note\">No monthly results were evaluated.</p>\n</figure>\n");
      return;
    }
    List<Series> series = List.of(
        series(ind, "own", "own clinic", Level.CLINIC, in.clinicId()),
        series(ind, "cluster", "cluster", Level.CLUSTER, in.clusterId()),
        series(ind, "nation", "nation", Level.NATION, UnitIds.NATION));
    List<LocalDate> meetings = pkg.map(ClusterPackage::meetingDates).orElse(com.google.common.collect.ImmutableList.of());
    LocalDate first = months.get(0).start();
    LocalDate last = months.get(months.size() - 1).end();

    int w = 560;
    int h = 320;
    double left = 64;
    double right = w - 16;
    double top = 44;
    double bottom = h - 52;
    double hi = series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.values())).filter(v -> !Double.isNaN(v)).max().orElse(1);
    Svg.Ticks yt = Svg.ticks(0, hi > 0 ? hi * 1.05 : 1, 5);
    if (ind.scoring() instanceof Proportion && yt.max() > 100) {
      yt = Svg.ticks(0, 100, 5);
    }
    Svg.Scale x = new Svg.Scale(0, months.size(), left, right);
    Svg.Scale y = new Svg.Scale(yt.min(), yt.max(), bottom, top);
    StringBuilder desc = new StringBuilder("Monthly values in " + shortUnit(ind) + " of the own clinic, the cluster and the nation.");
    for (Series s : series) {
      desc.append(' ').append(capitalise(s.label())).append(": ");
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < months.size(); i++) {
        parts.add(monthName(months.get(i)) + " " + (Double.isNaN(s.values()[i])
            ? (s.suppressedMonths().contains(monthName(months.get(i))) ? "suppressed" : "no value") : fmt(ind, s.values()[i])));
      }
      desc.append(String.join(", ", parts)).append('.');
    }
    meetings.forEach(m -> desc.append(" Meeting on ").append(DATE.format(m)).append('.'));
    StringBuilder svg = new StringBuilder();
    svg.append(Svg.open("run-" + id, w, h, "run-chart", caption + ": " + ind.title(), desc.toString()));
    pkg.ifPresent(p -> {
      // shade the package's period where it is shorter than the months shown
      double a = Math.max(0, monthOffset(p.period().start(), false));
      double b = Math.min(months.size(), monthOffset(p.period().end(), true));
      if (b > a && (a > 0 || b < months.size())) {
        svg.append("<rect class=\"package-span\" x=\"").append(num(x.at(a))).append("\" y=\"").append(num(top))
            .append("\" width=\"").append(num(x.at(b) - x.at(a))).append("\" height=\"").append(num(bottom - top))
            .append("\"><title>").append(escape("package period " + range(p.period()))).append("</title></rect>\n");
      }
    });
    Svg.yAxis(svg, y, left, right, yt, "Value (" + shortUnit(ind) + ")");
    List<Double> xTicks = new ArrayList<>();
    List<String> xLabels = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      xTicks.add(i + 0.5);
      xLabels.add(monthName(months.get(i)));
    }
    Svg.xAxis(svg, x, bottom, xTicks, xLabels, "Month of " + in.year());
    for (LocalDate m : meetings) {
      if (m.isBefore(first) || m.isAfter(last)) {
        continue;
      }
      double px = x.at(monthOffset(m, false) + (m.getDayOfMonth() - 0.5) / m.lengthOfMonth());
      svg.append("<g class=\"meeting\">").append(Svg.line(px, top - 18, px, bottom, "meeting-line"))
          .append(Svg.text(px + 4, top - 8, "start", "meeting-label", "meeting " + DATE.format(m)))
          .append("</g>\n");
    }
    for (Series s : series) {
      double[] xs = new double[months.size()];
      double[] ys = new double[months.size()];
      for (int i = 0; i < months.size(); i++) {
        xs[i] = x.at(i + 0.5);
        ys[i] = Double.isNaN(s.values()[i]) ? Double.NaN : y.at(s.values()[i]);
      }
      svg.append("<g class=\"series ").append(s.cssClass()).append("\">\n<path d=\"").append(Svg.path(xs, ys)).append("\"/>\n");
      for (int i = 0; i < months.size(); i++) {
        if (!Double.isNaN(ys[i])) {
          svg.append("<circle class=\"point\" cx=\"").append(num(xs[i])).append("\" cy=\"").append(num(ys[i]))
              .append("\" r=\"3\"><title>").append(escape(s.label() + ", " + monthName(months.get(i)) + ": "
                  + fmt(ind, s.values()[i]) + " " + shortUnit(ind))).append("</title></circle>\n");
        }
      }
      svg.append("</g>\n");
    }
    legend(svg, left, 14, List.of(
        new LegendItem("series own", "own clinic", false),
        new LegendItem("series cluster", "cluster", false),
        new LegendItem("series nation", "nation", false),
        new LegendItem("meeting-line", "meeting", false)));
    svg.append("</svg>\n");
    out.append("<div class=\"run-body\">\n").append(svg);
    out.append("<div class=\"before-after\">\n");
    beforeAfter(ind, pkg, meetings, first, last);
    out.append("</div>\n</div>\n");
    List<String> notes = new ArrayList<>();
    for (Series s : series) {
      if (!s.suppressedMonths().isEmpty()) {
        notes.add(capitalise(s.label()) + ": suppressed in " + String.join(", ", s.suppressedMonths()) + " (gaps in the line).");
      }
    }
    if (!notes.isEmpty()) {
      out.append("<p class=\"note\">").append(escape(String.join(" ", notes))).append("</p>\n");
    }
    out.append("<details><summary>The monthly values as a table</summary>\n<table class=\"small\">\n<thead><tr><th scope=\"col\">Month</th>");
    for (Series s : series) {
      out.append("<th scope=\"col\" class=\"num\">").append(escape(capitalise(s.label()))).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < months.size(); i++) {
      out.append("<tr><th scope=\"row\">").append(escape(monthName(months.get(i)))).append("</th>");
      for (Series s : series) {
        double v = s.values()[i];
        if (!Double.isNaN(v)) {
          out.append("<td class=\"num\">").append(escape(fmt(ind, v))).append("</td>");
        } else if (s.suppressedMonths().contains(monthName(months.get(i)))) {
          out.append("<td class=\"suppressed\">suppressed</td>");
        } else {
          out.append("<td class=\"na\">–</td>");
        }
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n</details>\n</figure>\n");
  }

  private Series series(Indicator ind, String css, String label, Level level, String unit) {
    double[] values = new double[months.size()];
    List<String> suppressed = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      Optional<PublishedRow> r = find(ind, months.get(i), level, unit);
      values[i] = Double.NaN;
      if (r.isPresent() && r.get().suppressed()) {
        suppressed.add(monthName(months.get(i)));
      } else if (r.isPresent() && r.get().value().value().isPresent()) {
        values[i] = r.get().value().value().getAsDouble();
      }
    }
    return new Series(css, label, values, suppressed);
  }

  private void beforeAfter(Indicator ind, Optional<ClusterPackage> pkg, List<LocalDate> meetings, LocalDate first, LocalDate last) {
    out.append("<h4>Before and after the meeting</h4>\n");
    if (pkg.isEmpty() || meetings.isEmpty()) {
      out.append("<p>No meeting date: the indicator is in no package with a meeting.</p>\n");
      return;
    }
    if (ind.scoring() instanceof Continuous) {
      out.append("<p>Not computed: a continuous summary has no counts to pool before and after.</p>\n");
      return;
    }
    MeasurementPeriod span = pkg.get().period();
    List<MeasurementPeriod> window = months.stream()
        .filter(m -> !m.start().isBefore(span.start()) && !m.end().isAfter(span.end())).toList();
    for (LocalDate meeting : meetings) {
      out.append("<p class=\"meeting-head\"><strong>Meeting ").append(escape(DATE.format(meeting))).append("</strong>");
      if (meeting.isBefore(first) || meeting.isAfter(last) || window.isEmpty()) {
        out.append(": outside the months evaluated.</p>\n");
        continue;
      }
      out.append(", months ").append(escape(monthName(window.get(0)) + "–" + monthName(window.get(window.size() - 1))))
          .append(" (the package period).</p>\n<dl class=\"ba\">\n");
      unitBeforeAfter(ind, "Own clinic", Level.CLINIC, in.clinicId(), window, meeting, true);
      unitBeforeAfter(ind, "Cluster", Level.CLUSTER, in.clusterId(), window, meeting, false);
      out.append("</dl>\n");
    }
  }

  private void unitBeforeAfter(Indicator ind, String label, Level level, String unit, List<MeasurementPeriod> window,
      LocalDate meeting, boolean own) {
    out.append("<dt>").append(escape(label)).append("</dt>\n<dd>");
    List<ResultRow> rows = new ArrayList<>();
    for (MeasurementPeriod m : window) {
      Optional<PublishedRow> pub = find(ind, m, level, unit);
      if (!own && (pub.isEmpty() || pub.get().suppressed())) {
        out.append("withheld: ").append(escape(monthName(m)))
            .append(pub.isEmpty() ? " is not published." : " is suppressed, and the pooled figures would give it away.")
            .append("</dd>\n");
        return;
      }
      ResultRow r = raw.get(key(ind.id(), ind.version(), m, level, unit));
      if (r != null) {
        rows.add(r);
      }
    }
    if (rows.isEmpty()) {
      out.append("no results.</dd>\n");
      return;
    }
    MeetingComparison c = Assessment.beforeAfter(ind, rows, meeting);
    BeforeAfter l = c.levels();
    out.append("before: ").append(escape(estimate(ind, l.before()))).append(" (").append(l.pointsBefore())
        .append(l.pointsBefore() == 1 ? " month" : " months").append(")<br>after: ")
        .append(escape(estimate(ind, l.after()))).append(" (").append(l.pointsAfter())
        .append(l.pointsAfter() == 1 ? " month" : " months").append(")<br>difference: <strong>")
        .append(escape(estimate(ind, l.difference()))).append("</strong><br>");
    if (c.trend() instanceof SegmentedRegression.Fitted f) {
      out.append("interrupted time series: level change ").append(escape(coefficient(ind, f.levelChange())))
          .append(", slope change ").append(escape(coefficient(ind, f.slopeChange()))).append(" per month");
    } else if (c.trend() instanceof SegmentedRegression.TooShort t) {
      out.append("interrupted time series: <em>too short</em> (").append(t.pointsBefore()).append(" before, ")
          .append(t.pointsAfter()).append(" after; at least ").append(t.minimumEachSide()).append(" each side needed)");
    }
    out.append("</dd>\n");
  }

  // ---------------------------------------------------------------------------------------------
  // legend

  private record LegendItem(String cssClass, String label, boolean dot) {}

  private static void legend(StringBuilder svg, double x, double y, List<LegendItem> items) {
    svg.append("<g class=\"legend\" aria-hidden=\"true\">\n");
    double at = x;
    for (LegendItem item : items) {
      if (item.dot()) {
        svg.append("<circle class=\"legend-dot ").append(item.cssClass()).append("\" cx=\"").append(num(at + 8)).append("\" cy=\"")
            .append(num(y - 4)).append("\" r=\"4\"/>\n");
      } else {
        svg.append("<g class=\"").append(item.cssClass()).append("\">")
            .append("<line class=\"legend-line").append(item.cssClass().startsWith("series") ? "" : " " + item.cssClass())
            .append("\" x1=\"").append(num(at)).append("\" y1=\"").append(num(y - 4)).append("\" x2=\"").append(num(at + 18))
            .append("\" y2=\"").append(num(y - 4)).append("\"/></g>\n");
      }
      svg.append(Svg.text(at + 22, y, "start", "legend-label", item.label()));
      at += 30 + item.label().length() * 6.2;
    }
    svg.append("</g>\n");
  }

  // ---------------------------------------------------------------------------------------------
  // provenance and reconciliation

  private void provenance() {
    var p = in.published().provenance();
    out.append("<section aria-labelledby=\"provenance\">\n<h2 id=\"provenance\">Provenance</h2>\n")
        .append("<p>Engine: Klynge ").append(escape(p.engineVersion())).append(". Audience: ")
        .append(escape(in.published().viewer().audience().code())).append(", suppression threshold ")
        .append(in.published().threshold())
        .append(". Viewer's own clinic: ").append(escape(in.clinicId())).append(".</p>\n");
    out.append("<h3>Data as of</h3>\n");
    if (p.dataAsOf().isEmpty()) {
      out.append("<p>No data source states a date it is complete to.</p>\n");
    } else {
      out.append("<table class=\"small\">\n<thead><tr><th scope=\"col\">Data source</th><th scope=\"col\">Complete to</th></tr></thead>\n<tbody>\n");
      p.dataAsOf().forEach((source, date) -> out.append("<tr><th scope=\"row\">").append(escape(source)).append("</th><td>")
          .append(escape(date.toString())).append("</td></tr>\n"));
      out.append("</tbody>\n</table>\n");
    }
    out.append("<h3>Definitions</h3>\n<p>SHA-256 of each indicator's canonical definition with the value sets and ")
        .append("populations it uses.</p>\n<table class=\"small hashes\">\n<thead><tr><th scope=\"col\">Indicator</th>")
        .append("<th scope=\"col\">Definition hash</th></tr></thead>\n<tbody>\n");
    p.definitionHashes().forEach((key, hash) -> out.append("<tr><th scope=\"row\">").append(escape(key))
        .append("</th><td><code>").append(escape(hash)).append("</code></td></tr>\n"));
    out.append("</tbody>\n</table>\n</section>\n");
  }

  private void reconciliation() {
    Reconciliation r = in.published().reconciliation();
    out.append("<section aria-labelledby=\"reconciliation\">\n<h2 id=\"reconciliation\">Reconciliation of the input rows</h2>\n")
        .append("<p>Every input row was used, excluded with a reason, or rejected with a reason: ")
        .append("read = used + excluded + rejected for each source.</p>\n");
    if (r.counts().isEmpty()) {
      out.append("<p>No input rows are accounted for.</p>\n</section>\n");
      return;
    }
    out.append("<table class=\"small\">\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\" class=\"num\">Read</th>")
        .append("<th scope=\"col\" class=\"num\">Used</th><th scope=\"col\" class=\"num\">Excluded</th>")
        .append("<th scope=\"col\" class=\"num\">Rejected</th><th scope=\"col\">Reasons</th></tr></thead>\n<tbody>\n");
    r.counts().forEach((source, lines) -> {
      out.append("<tr><th scope=\"row\">").append(escape(source)).append("</th><td class=\"num\">").append(count(r.read(source)))
          .append("</td><td class=\"num\">").append(count(r.count(source, Outcome.USED)))
          .append("</td><td class=\"num\">").append(count(r.count(source, Outcome.EXCLUDED)))
          .append("</td><td class=\"num\">").append(count(r.count(source, Outcome.REJECTED))).append("</td><td>");
      List<String> reasons = new ArrayList<>();
      lines.forEach((line, n) -> {
        if (line.outcome() != Outcome.USED) {
          reasons.add(escape(line.toString()) + ": " + count(n));
        }
      });
      out.append(reasons.isEmpty() ? "–" : String.join("<br>", reasons)).append("</td></tr>\n");
    });
    out.append("</tbody>\n</table>\n<p class=\"note\">Example rows are left out of the report: they can hold patient-level ")
        .append("details. They are in the reconciliation of the result files.</p>\n</section>\n");
  }

  // ---------------------------------------------------------------------------------------------
  // lookups and formatting

  private static String key(String indicatorId, String version, MeasurementPeriod period, Level level, String unit) {
    return indicatorId + "@" + version + "|" + period.start() + "|" + period.end() + "|" + level + "|" + unit;
  }

  private Optional<PublishedRow> find(Indicator ind, MeasurementPeriod period, Level level, String unit) {
    return Optional.ofNullable(published.get(key(ind.id(), ind.version(), period, level, unit)));
  }

  /** The month's offset from the first month shown: its start (or its end) as a number of months. */
  private double monthOffset(LocalDate date, boolean end) {
    YearMonth first = YearMonth.from(months.get(0).start());
    YearMonth m = YearMonth.from(date);
    long whole = first.until(m, java.time.temporal.ChronoUnit.MONTHS);
    return whole + (end ? (double) date.getDayOfMonth() / m.lengthOfMonth() : (date.getDayOfMonth() - 1.0) / m.lengthOfMonth());
  }

  private static String monthName(MeasurementPeriod m) {
    return m.start().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
  }

  private static String range(MeasurementPeriod p) {
    return DATE.format(p.start()) + " to " + DATE.format(p.end());
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Optional<Measure> measure(Indicator ind) {
    if (ind.scoring() instanceof Proportion) {
      return Optional.of(Measure.PROPORTION);
    }
    if (ind.scoring() instanceof Rate rate) {
      return rate.base() == Rate.Base.PERSONS ? Optional.of(Measure.RATE) : Optional.empty();
    }
    if (ind.scoring() instanceof Continuous) {
      return Optional.empty();
    }
    return Optional.of(Measure.RATE);
  }

  private static double scale(Indicator ind) {
    if (ind.scoring() instanceof Proportion) {
      return 100;
    }
    if (ind.scoring() instanceof Rate rate) {
      return rate.per();
    }
    return 1;
  }

  private static int decimals(Indicator ind) {
    return ind.scoring() instanceof Proportion || ind.scoring() instanceof Continuous || ind.scoring() instanceof Rate ? 1 : 2;
  }

  private static String fmt(Indicator ind, double v) {
    return String.format(Locale.ROOT, "%,." + decimals(ind) + "f", v);
  }

  private static String interval(Indicator ind, Interval i) {
    return fmt(ind, i.lower()) + " to " + fmt(ind, i.upper());
  }

  private static String estimate(Indicator ind, Optional<Estimate> e) {
    return e.map(x -> signedIfNeeded(ind, x.value(), false) + " (" + interval(ind, x.interval()) + ")").orElse("no value");
  }

  private static String coefficient(Indicator ind, Coefficient c) {
    return signedIfNeeded(ind, c.estimate(), true) + " (" + interval(ind, c.interval()) + ")";
  }

  private static String signedIfNeeded(Indicator ind, double v, boolean signed) {
    String s = fmt(ind, v);
    return signed && v > 0 ? "+" + s : s;
  }

  private static String comparison(Indicator ind, Comparison c) {
    Estimate e = c.estimate();
    if (c.kind() == Comparison.Kind.DIFFERENCE) {
      String verdict = e.interval().lower() > 0 ? "higher" : e.interval().upper() < 0 ? "lower" : "no clear difference";
      return String.format(Locale.ROOT, "%+.1f percentage points (%.1f to %.1f), %s", e.value(), e.interval().lower(),
          e.interval().upper(), verdict);
    }
    String verdict = e.interval().lower() > 1 ? "higher" : e.interval().upper() < 1 ? "lower" : "no clear difference";
    return String.format(Locale.ROOT, "rate ratio %.2f (%.2f to %.2f), %s", e.value(), e.interval().lower(),
        e.interval().upper(), verdict);
  }

  private static String fulfilment(Fulfilment f) {
    return switch (f) {
      case MET -> "<span class=\"met\">met</span>";
      case NOT_MET -> "<span class=\"not-met\">not met</span>";
      case NOT_DETERMINABLE -> "cannot tell";
      case NOT_APPLICABLE -> "not applicable";
    };
  }

  private String valueCell(Indicator ind, PublishedValue v) {
    if (v.status() == Status.SUPPRESSED) {
      return "<td class=\"suppressed\">suppressed</td>";
    }
    if (v.value().isEmpty()) {
      return "<td class=\"na\"><abbr title=\"no patients in the denominator\">no value</abbr></td>";
    }
    return "<td class=\"num value\">" + escape(fmt(ind, v.value().getAsDouble())) + "</td>";
  }

  private static String countCell(PublishedCount c) {
    return switch (c.status()) {
      case SUPPRESSED -> "<td class=\"suppressed\">suppressed</td>";
      case NOT_AVAILABLE -> "<td class=\"na\">–</td>";
      case ROUNDED -> "<td class=\"num\"><abbr title=\"rounded\">≈" + count(c.count().getAsLong()) + "</abbr></td>";
      case SHOWN -> "<td class=\"num\">" + count(c.count().getAsLong()) + "</td>";
    };
  }

  private static String count(double n) {
    return String.format(Locale.ROOT, "%,d", Math.round(n));
  }

  private static String shortUnit(Indicator ind) {
    if (!ind.unit().isEmpty()) {
      return ind.unit();
    }
    if (ind.scoring() instanceof Proportion) {
      return "%";
    }
    if (ind.scoring() instanceof Rate rate) {
      return "per " + String.format(Locale.ROOT, "%,d", rate.per()) + (rate.base() == Rate.Base.PERSONS ? " persons" : " person-years");
    }
    return "ratio";
  }

  private static String unitText(Indicator ind) {
    String kind = ind.scoring() instanceof Proportion ? "Proportion" : ind.scoring() instanceof Rate ? "Rate"
        : ind.scoring() instanceof Continuous ? "Continuous summary" : "Ratio";
    return kind + ", " + shortUnit(ind);
  }

  private static String directionText(Direction d) {
    return switch (d) {
      case HIGHER_IS_BETTER -> "Higher is better";
      case LOWER_IS_BETTER -> "Lower is better";
      case NEITHER -> "Neither higher nor lower is better in itself";
    };
  }

  // ---------------------------------------------------------------------------------------------

  private static final String CSS = """
      :root { --own: #c2410c; --cluster: #1d4ed8; --nation: #4b5563; --muted: #6b7280; --line: #d1d5db; }
      * { box-sizing: border-box; }
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
        color: #111827; background: #fff; margin: 0 auto; max-width: 1180px; padding: 1.5rem; line-height: 1.45; }
      h1 { font-size: 1.7rem; margin: 0 0 .4rem; }
      h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 2px solid #111827; padding-bottom: .2rem; }
      h3 { font-size: 1.12rem; margin: 1.8rem 0 .3rem; }
      h4 { font-size: .95rem; margin: 0 0 .4rem; }
      .lead { font-size: 1rem; max-width: 60rem; }
      .meta, .note, .topic { color: #374151; font-size: .9rem; }
      .topic { font-style: italic; }
      nav ol { columns: 2; font-size: .92rem; }
      nav ul { margin: .1rem 0 .4rem; }
      dl.questions { display: grid; grid-template-columns: 16rem 1fr; gap: .3rem 1rem; font-size: .93rem; }
      dl.questions dt { font-weight: 600; }
      dl.questions dd { margin: 0; }
      table { border-collapse: collapse; margin: .6rem 0; font-size: .88rem; }
      caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
      th, td { border-bottom: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
      thead th { border-bottom: 2px solid #9ca3af; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.value { font-weight: 600; }
      .suppressed { color: #7c2d12; font-style: italic; }
      .na { color: var(--muted); }
      .met { color: #166534; font-weight: 600; }
      .not-met { color: #991b1b; font-weight: 600; }
      table.small { font-size: .82rem; }
      table.hashes code { font-size: .75rem; word-break: break-all; }
      .charts { display: flex; flex-wrap: wrap; gap: 1.2rem; align-items: flex-start; }
      figure.chart { margin: .4rem 0; }
      figure.funnel { flex: 0 1 560px; }
      figure.run { flex: 1 1 560px; }
      figcaption { font-weight: 600; font-size: .92rem; margin-bottom: .2rem; }
      .run-body { display: flex; flex-wrap: wrap; gap: .8rem; align-items: flex-start; }
      .before-after { flex: 1 1 14rem; font-size: .84rem; max-width: 24rem; }
      .before-after dl { margin: .2rem 0; }
      .before-after dt { font-weight: 600; margin-top: .3rem; }
      .before-after dd { margin: 0 0 .3rem .6rem; }
      .meeting-head { margin: .2rem 0; }
      details { font-size: .85rem; margin: .3rem 0; }
      svg { max-width: 100%; height: auto; overflow: visible; }
      svg text { font-family: inherit; font-size: 11px; fill: #1f2937; }
      svg .axis-line { stroke: #374151; stroke-width: 1; }
      svg .tick { stroke: #374151; }
      svg .grid { stroke: #e5e7eb; stroke-width: 1; }
      svg .axis-label { font-size: 11.5px; fill: #374151; }
      svg .centre { stroke: var(--cluster); stroke-width: 1.5; }
      svg .limit { fill: none; stroke: #4b5563; stroke-width: 1.2; }
      svg line.limit-95, svg path.limit-95 { stroke-dasharray: 5 3; }
      svg .clinic { fill: #64748b; fill-opacity: .75; stroke: #fff; stroke-width: 1; }
      svg .clinic.own { fill: var(--own); fill-opacity: 1; stroke: #111827; stroke-width: 1.5; }
      svg .own-label { font-weight: 700; fill: var(--own); }
      svg .series path, svg .series line { fill: none; stroke-width: 2; }
      svg .series.own path, svg .series.own line { stroke: var(--own); stroke-width: 2.6; }
      svg .series.own .point { fill: var(--own); }
      svg .series.cluster path, svg .series.cluster line { stroke: var(--cluster); }
      svg .series.cluster .point { fill: var(--cluster); }
      svg .series.nation path, svg .series.nation line { stroke: var(--nation); stroke-dasharray: 6 3; }
      svg .series.nation .point { fill: var(--nation); }
      svg .meeting-line { stroke: #111827; stroke-width: 1.5; stroke-dasharray: 2 2; }
      svg .meeting-label { font-weight: 600; }
      svg .package-span { fill: #fef3c7; fill-opacity: .6; }
      svg .legend-label { font-size: 10.5px; }
      section.indicator { border-top: 1px solid var(--line); padding-top: .2rem; }
      footer { margin-top: 2.5rem; color: var(--muted); font-size: .82rem; }
      @media print {
        body { max-width: none; padding: 0; font-size: 10pt; }
        nav { display: none; }
        section.package { break-before: page; }
        section.indicator, figure.chart, table { break-inside: avoid; }
        details { display: none; }
      }
      """;
}
