package org.klynge.report.html;

import static org.klynge.report.html.Svg.escape;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.Reconciliation;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.KeyQuestions;
import org.klynge.core.result.Provenance;
import org.klynge.core.result.PublishedTable;
import org.klynge.report.view.IndicatorView;
import org.klynge.report.view.PackageView;

/**
 * Draws the page of one package: the header with who it is for, the rules of reading it
 * (suppression, the own clinic's exemption, the funnel), the package's questions and dates, one
 * section per indicator (table, funnel plot, run chart), the provenance and the reconciliation of
 * the input rows. The page is one self-contained HTML document: the style sheet is inline, the
 * charts are inline SVG, and there are no scripts, fonts, images or links outside it.
 */
public final class PackagePage {

  private static final String CSS = css();

  private final Messages m;
  private final PackageView view;
  private final StringBuilder out = new StringBuilder(1 << 16);

  private PackagePage(Messages m, PackageView view) {
    this.m = m;
    this.view = view;
  }

  /** The page as one HTML document. */
  public static String draw(PackageView view, Messages messages) {
    PackagePage page = new PackagePage(messages, view);
    page.document();
    return page.out.toString();
  }

  /** The inline style sheet, shared with the index page. */
  static String css() {
    if (CSS != null) {
      return CSS;
    }
    try (InputStream in = PackagePage.class.getResourceAsStream("report.css")) {
      if (in == null) {
        throw new IllegalStateException("report.css is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report.css", e);
    }
  }

  /** The document's opening up to and including {@code <body>}. */
  static void head(StringBuilder out, Messages m, String title) {
    out.append("<!DOCTYPE html>\n<html lang=\"").append(m.language()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(css()).append("</style>\n</head>\n<body>\n");
  }

  private void document() {
    ClusterPackage pkg = view.pkg();
    PublishedTable published = view.published();
    String title = m.text("page.title", view.title(), view.clusterName(), m.period(pkg.period()));
    head(out, m, title);
    out.append("<header>\n<p class=\"kicker\">").append(escape(m.text("page.kicker", view.clusterName(), view.clusterId())))
        .append("</p>\n<h1>").append(escape(view.title())).append("</h1>\n");
    out.append("<p class=\"lead\">").append(escape(m.text("page.lead", view.clinicName(), view.clinicId(),
        m.period(pkg.period())))).append("</p>\n</header>\n<main>\n");
    rules(published);
    questions(pkg);
    for (IndicatorView ind : view.indicators()) {
      indicator(ind);
    }
    provenance(published.provenance(), published);
    reconciliation(published.reconciliation());
    out.append("</main>\n<footer><p>").append(escape(m.text("page.footer", published.provenance().engineVersion())))
        .append("</p></footer>\n</body>\n</html>\n");
  }

  private void rules(PublishedTable published) {
    int hidden = published.threshold() - 1;
    out.append("<section class=\"rules\" aria-labelledby=\"rules-h\">\n<h2 id=\"rules-h\">")
        .append(escape(m.text("rules.heading"))).append("</h2>\n<ul>\n")
        .append("<li>").append(escape(m.text("rules.suppressed", hidden, m.text("audience." + published.viewer().audience().code()))))
        .append("</li>\n<li>").append(escape(m.text("rules.own", hidden))).append("</li>\n")
        .append("<li>").append(escape(m.text("rules.interval"))).append("</li>\n")
        .append("<li>").append(escape(m.text("rules.standard"))).append("</li>\n")
        .append("<li>").append(escape(m.text("rules.funnel"))).append("</li>\n")
        .append("<li>").append(escape(m.text("rules.run"))).append("</li>\n</ul>\n</section>\n");
  }

  private void questions(ClusterPackage pkg) {
    out.append("<section class=\"package\" aria-labelledby=\"pkg-h\">\n<h2 id=\"pkg-h\">")
        .append(escape(m.text("package.heading"))).append("</h2>\n");
    if (!view.topic().isEmpty()) {
      out.append("<p class=\"topic\">").append(escape(view.topic())).append("</p>\n");
    }
    KeyQuestions q = view.questions();
    out.append("<dl class=\"questions\">\n")
        .append("<dt>").append(escape(m.text("question.problem"))).append("</dt><dd>").append(escape(q.clinicalProblem()))
        .append("</dd>\n<dt>").append(escape(m.text("question.data"))).append("</dt><dd>").append(escape(q.howDataIlluminates()))
        .append("</dd>\n<dt>").append(escape(m.text("question.gp"))).append("</dt><dd>").append(escape(q.whatTheGpCanDo()))
        .append("</dd>\n</dl>\n");
    List<String> meta = new ArrayList<>();
    meta.add(m.text("package.period", pkg.key(), m.range(pkg.period()), m.text("granularity." + pkg.granularity().code())));
    meta.add(pkg.meetingDates().isEmpty() ? m.text("package.noMeeting")
        : m.text("package.meetings", pkg.meetingDates().size(),
            String.join(", ", pkg.meetingDates().stream().map(m::date).toList())));
    pkg.followUp().ifPresent(f -> meta.add(m.text("package.followUp", f.months(),
        m.text("granularity." + f.granularity().code()))));
    out.append("<p class=\"meta\">").append(escape(String.join(" ", meta))).append("</p>\n");
    out.append("<nav aria-label=\"").append(escape(m.text("package.indicators"))).append("\"><ol>\n");
    for (int i = 0; i < view.indicators().size(); i++) {
      out.append("<li><a href=\"#ind-").append(i).append("\">").append(escape(view.indicators().get(i).title()))
          .append("</a></li>\n");
    }
    out.append("</ol></nav>\n</section>\n");
  }

  private void indicator(IndicatorView ind) {
    int i = view.indicators().indexOf(ind);
    String id = String.valueOf(i);
    Values values = new Values(m, ind.indicator(), ind.unit());
    out.append("<section class=\"indicator\" aria-labelledby=\"ind-").append(id).append("-h\">\n")
        .append("<h2 id=\"ind-").append(id).append("-h\"><a id=\"ind-").append(id).append("\"></a>")
        .append(escape(ind.title())).append("</h2>\n");
    if (!ind.description().isEmpty()) {
      out.append("<p>").append(escape(ind.description())).append("</p>\n");
    }
    String standard = ind.indicator().standard()
        .map(s -> m.text("indicator.standard", values.value(s.target()), values.shortUnit(),
            s.source().map(src -> m.text("indicator.standardSource", src)).orElse("")))
        .orElse(m.text("indicator.noStandard"));
    out.append("<p class=\"meta\">").append(escape(m.text("indicator.meta", ind.indicator().key(), values.kind(),
        values.direction(), standard))).append("</p>\n");
    new LevelsTable(m, ind, values, out).draw();
    out.append("<div class=\"charts\">\n");
    new FunnelChart(m, ind, values, out).draw(id);
    new RunChart(m, ind, values, out).draw(id);
    out.append("</div>\n</section>\n");
  }

  private void provenance(Provenance p, PublishedTable published) {
    out.append("<section class=\"provenance\" aria-labelledby=\"provenance\">\n<h2 id=\"provenance\">")
        .append(escape(m.text("provenance.heading"))).append("</h2>\n<p>")
        .append(escape(m.text("provenance.engine", p.engineVersion(), m.text("audience." + published.viewer().audience().code()),
            published.threshold(), view.clinicId()))).append("</p>\n");
    out.append("<h3>").append(escape(m.text("provenance.asOf"))).append("</h3>\n");
    if (p.dataAsOf().isEmpty()) {
      out.append("<p>").append(escape(m.text("provenance.noAsOf"))).append("</p>\n");
    } else {
      out.append("<div class=\"table-box\"><table class=\"small\">\n<thead><tr><th scope=\"col\">")
          .append(escape(m.text("provenance.source"))).append("</th><th scope=\"col\">")
          .append(escape(m.text("provenance.completeTo"))).append("</th></tr></thead>\n<tbody>\n");
      p.dataAsOf().forEach((source, date) -> out.append("<tr><th scope=\"row\">").append(escape(source)).append("</th><td>")
          .append(escape(m.date(date))).append("</td></tr>\n"));
      out.append("</tbody>\n</table></div>\n");
    }
    out.append("<h3>").append(escape(m.text("provenance.definitions"))).append("</h3>\n<p>")
        .append(escape(m.text("provenance.hashes"))).append("</p>\n<div class=\"table-box\"><table class=\"small hashes\">\n")
        .append("<thead><tr><th scope=\"col\">").append(escape(m.text("provenance.indicator")))
        .append("</th><th scope=\"col\">").append(escape(m.text("provenance.hash"))).append("</th></tr></thead>\n<tbody>\n");
    view.indicators().forEach(ind -> {
      String key = ind.indicator().key();
      String hash = p.definitionHashes().getOrDefault(key, "–");
      out.append("<tr><th scope=\"row\">").append(escape(key)).append("</th><td><code>").append(escape(hash))
          .append("</code></td></tr>\n");
    });
    out.append("</tbody>\n</table></div>\n</section>\n");
  }

  private void reconciliation(Reconciliation r) {
    out.append("<section class=\"reconciliation\" aria-labelledby=\"reconciliation\">\n<h2 id=\"reconciliation\">")
        .append(escape(m.text("reconciliation.heading"))).append("</h2>\n<p>")
        .append(escape(m.text("reconciliation.lead"))).append("</p>\n");
    if (r.counts().isEmpty()) {
      out.append("<p>").append(escape(m.text("reconciliation.none"))).append("</p>\n</section>\n");
      return;
    }
    out.append("<div class=\"table-box\"><table class=\"small\">\n<thead><tr>");
    for (String key : List.of("reconciliation.source", "reconciliation.read", "reconciliation.used",
        "reconciliation.excluded", "reconciliation.rejected", "reconciliation.reasons")) {
      boolean num = !key.endsWith("source") && !key.endsWith("reasons");
      out.append("<th scope=\"col\"").append(num ? " class=\"num\"" : "").append(">").append(escape(m.text(key)))
          .append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    r.counts().forEach((source, lines) -> {
      out.append("<tr><th scope=\"row\">").append(escape(source)).append("</th><td class=\"num\">").append(m.count(r.read(source)))
          .append("</td><td class=\"num\">").append(m.count(r.count(source, Outcome.USED)))
          .append("</td><td class=\"num\">").append(m.count(r.count(source, Outcome.EXCLUDED)))
          .append("</td><td class=\"num\">").append(m.count(r.count(source, Outcome.REJECTED))).append("</td><td>");
      List<String> reasons = new ArrayList<>();
      lines.forEach((line, n) -> {
        if (line.outcome() != Outcome.USED) {
          reasons.add(escape(line.toString()) + ": " + m.count(n));
        }
      });
      out.append(reasons.isEmpty() ? "–" : String.join("<br>", reasons)).append("</td></tr>\n");
    });
    out.append("</tbody>\n</table></div>\n<p class=\"note\">").append(escape(m.text("reconciliation.examples")))
        .append("</p>\n</section>\n");
  }
}
