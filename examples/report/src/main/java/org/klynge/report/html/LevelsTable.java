package org.klynge.report.html;

import static org.klynge.report.html.Svg.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.klynge.core.definition.Rate;
import org.klynge.core.disclosure.PublishedCount;
import org.klynge.core.disclosure.PublishedValue;
import org.klynge.core.disclosure.Status;
import org.klynge.core.result.PublishedRow;
import org.klynge.core.stats.StandardAssessment;
import org.klynge.report.view.IndicatorView;
import org.klynge.report.view.LevelRow;
import org.klynge.report.view.Unit;

/** Draws an indicator's table: own clinic, rest of cluster, cluster and nation over the package period. */
final class LevelsTable {

  private final Messages m;
  private final IndicatorView view;
  private final Values values;
  private final StringBuilder out;

  LevelsTable(Messages m, IndicatorView view, Values values, StringBuilder out) {
    this.m = m;
    this.view = view;
    this.values = values;
    this.out = out;
  }

  void draw() {
    boolean standard = view.indicator().standard().isPresent();
    boolean rate = view.indicator().scoring() instanceof Rate;
    out.append("<div class=\"table-box\">\n<table class=\"levels\">\n<caption>")
        .append(escape(m.text("levels.caption", view.title(), m.period(view.period())))).append("</caption>\n<thead>\n<tr>")
        .append("<th scope=\"col\">").append(escape(m.text("levels.unit"))).append("</th>")
        .append("<th scope=\"col\" class=\"num\">").append(escape(m.text("levels.value", values.shortUnit()))).append("</th>")
        .append("<th scope=\"col\" class=\"num\">").append(escape(m.text("levels.interval"))).append("</th>")
        .append("<th scope=\"col\" class=\"num\">").append(escape(m.text(rate ? "levels.events" : "levels.numerator")))
        .append("</th><th scope=\"col\" class=\"num\">n</th>");
    if (standard) {
      out.append("<th scope=\"col\">").append(escape(m.text("levels.standardPoint"))).append("</th><th scope=\"col\">")
          .append(escape(m.text("levels.standardUncertain"))).append("</th>");
    }
    out.append("<th scope=\"col\" class=\"compared\">").append(escape(m.text("levels.compared")))
        .append("</th></tr>\n</thead>\n<tbody>\n");
    for (LevelRow row : view.levels()) {
      row(row, standard);
    }
    out.append("</tbody>\n</table>\n</div>\n");
  }

  private void row(LevelRow level, boolean standard) {
    String label = switch (level.unit()) {
      case OWN_CLINIC -> m.text("unit.ownClinicNamed", level.name());
      case REST_OF_CLUSTER -> m.text("unit.restOfCluster");
      case CLUSTER -> m.text("unit.clusterNamed", level.name());
      case NATION -> m.text("unit.nation");
    };
    out.append("<tr><th scope=\"row\">").append(escape(label)).append("</th>");
    int cells = 4 + (standard ? 2 : 0) + 1;
    if (level.row().isEmpty()) {
      out.append(("<td class=\"na\">" + escape(m.text("value.notAvailable")) + "</td>").repeat(cells)).append("</tr>\n");
      return;
    }
    PublishedRow r = level.row().get();
    if (r.suppressed()) {
      out.append(("<td class=\"suppressed\">" + escape(m.text("value.suppressed")) + "</td>").repeat(cells)).append("</tr>\n");
      return;
    }
    out.append(valueCell(r.value()));
    out.append("<td class=\"num\">").append(r.statistics().interval().map(i -> escape(values.interval(i))).orElse("–"))
        .append("</td>");
    out.append(countCell(r.numerator())).append(countCell(r.denominator()));
    if (standard) {
      Optional<StandardAssessment> s = r.statistics().standard();
      out.append("<td>").append(s.map(a -> values.fulfilment(a.point())).orElse("–")).append("</td>")
          .append("<td>").append(s.map(a -> values.fulfilment(a.withUncertainty())).orElse("–")).append("</td>");
    }
    List<String> comparisons = new ArrayList<>();
    if (level.compare()) {
      r.statistics().vsRest().ifPresent(c -> comparisons.add(escape(m.text("compare.vsRest", values.comparison(c)))));
      r.statistics().vsNation().ifPresent(c -> comparisons.add(escape(m.text("compare.vsNation", values.comparison(c)))));
    }
    if (level.unit() == Unit.OWN_CLINIC) {
      r.statistics().standing().filter(s -> s.percentile().isPresent()).ifPresent(s -> comparisons.add(escape(
          m.text("compare.nationalPercentile", Math.round(s.percentile().getAsDouble()), m.count(s.clinicsRanked())))));
    }
    out.append("<td class=\"compared\">").append(comparisons.isEmpty() ? "–" : String.join("<br>", comparisons))
        .append("</td></tr>\n");
  }

  private String valueCell(PublishedValue v) {
    if (v.status() == Status.SUPPRESSED) {
      return "<td class=\"suppressed\">" + escape(m.text("value.suppressed")) + "</td>";
    }
    if (v.status() == Status.DATA_INCOMPLETE) {
      return "<td class=\"na\"><abbr title=\"" + escape(m.text("value.dataIncompleteWhy")) + "\">"
          + escape(m.text("value.dataIncomplete")) + "</abbr></td>";
    }
    if (v.value().isEmpty()) {
      return "<td class=\"na\"><abbr title=\"" + escape(m.text("value.noPatients")) + "\">"
          + escape(m.text("value.none")) + "</abbr></td>";
    }
    return "<td class=\"num value\">" + escape(values.value(v.value().getAsDouble())) + "</td>";
  }

  private String countCell(PublishedCount c) {
    return switch (c.status()) {
      case SUPPRESSED -> "<td class=\"suppressed\">" + escape(m.text("value.suppressed")) + "</td>";
      case NOT_AVAILABLE, DATA_INCOMPLETE -> "<td class=\"na\">–</td>";
      case ROUNDED -> "<td class=\"num\"><abbr title=\"" + escape(m.text("value.rounded")) + "\">≈"
          + m.count(c.count().getAsLong()) + "</abbr></td>";
      case SHOWN -> "<td class=\"num\">" + m.count(c.count().getAsLong()) + "</td>";
    };
  }
}
