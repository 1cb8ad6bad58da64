package org.klynge.core.validation;

import java.time.LocalDate;
import java.util.List;
import org.klynge.core.definition.ClusterPackage;

/** A package has indicators, and its meeting dates fall in or next to its period (a warning otherwise). */
final class PackageRule implements Rule {
  @Override
  public void check(CheckContext context, List<Diagnostic> out) {
    for (Document doc : context.documents()) {
      List<ClusterPackage> packages = doc.definitions().packages();
      for (int p = 0; p < packages.size(); p++) {
        ClusterPackage pkg = packages.get(p);
        String path = "packages[" + p + "]";
        if (pkg.indicators().isEmpty()) {
          out.add(Diagnostic.error(doc.source(), path + ".indicators", "a package needs at least one indicator"));
        }
        for (int m = 0; m < pkg.meetingDates().size(); m++) {
          LocalDate date = pkg.meetingDates().get(m);
          if (date.isBefore(pkg.period().start()) || date.isAfter(pkg.period().end())) {
            out.add(Diagnostic.warning(doc.source(), path + ".meetingDates[" + m + "]",
                "meeting " + date + " lies outside the package period " + pkg.period().start() + ".." + pkg.period().end()
                    + ", so no before/after comparison is possible"));
          }
        }
      }
    }
  }
}
