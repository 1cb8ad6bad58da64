package org.klynge.report.html;

import static org.klynge.report.html.Svg.escape;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.report.view.PackageView;

/** Draws the index page of a cluster's reports: one entry per package, with its topic, period and meetings. */
public final class IndexPage {

  /**
   * One package's report as the index lists it.
   *
   * @param view the package's view (for its texts)
   * @param file the report's file name, relative to the index
   */
  public record Entry(PackageView view, String file) {}

  private IndexPage() {}

  /** The index as one HTML document. */
  public static String draw(String clusterId, String clusterName, String clinicName, List<Entry> entries, Messages m) {
    StringBuilder out = new StringBuilder(8192);
    String title = m.text("index.title", clusterName);
    PackagePage.head(out, m, title);
    out.append("<header>\n<p class=\"kicker\">").append(escape(m.text("page.kicker", clusterName, clusterId)))
        .append("</p>\n<h1>").append(escape(title)).append("</h1>\n<p class=\"lead\">")
        .append(escape(m.text("index.lead", clinicName))).append("</p>\n</header>\n<main>\n<ul class=\"index\">\n");
    for (Entry e : ImmutableList.copyOf(entries)) {
      ClusterPackage pkg = e.view().pkg();
      out.append("<li><a href=\"").append(escape(e.file())).append("\">").append(escape(e.view().title())).append("</a>");
      if (!e.view().topic().isEmpty()) {
        out.append("<br><span class=\"topic\">").append(escape(e.view().topic())).append("</span>");
      }
      out.append("<br><span class=\"meta\">").append(escape(m.text("index.entry", m.range(pkg.period()),
          e.view().indicators().size(), pkg.meetingDates().isEmpty() ? m.text("package.noMeeting")
              : m.text("package.meetings", pkg.meetingDates().size(),
                  String.join(", ", pkg.meetingDates().stream().map(m::date).toList())))))
          .append("</span></li>\n");
    }
    out.append("</ul>\n</main>\n</body>\n</html>\n");
    return out.toString();
  }
}
