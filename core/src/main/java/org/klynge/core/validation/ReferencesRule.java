package org.klynge.core.validation;

import java.util.List;
import java.util.stream.Collectors;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.CodedValue;
import org.klynge.core.definition.EventCriterion;
import org.klynge.core.definition.IndicatorRef;
import org.klynge.core.definition.PopulationRef;

/** Every value set, population and indicator a definition names must be defined, exactly once for indicators. */
final class ReferencesRule implements Rule {

  @Override
  public void check(CheckContext context, List<Diagnostic> out) {
    DefinitionSet all = context.merged();
    for (Site<EventCriterion> site : DefinitionWalker.eventLookups(context.documents())) {
      String id = site.node().valueSet();
      if (all.valueSet(id).isEmpty()) {
        out.add(Diagnostic.error(site.source(), site.path() + ".valueSet", "undefined value set '" + id + "'"));
      }
    }
    for (var site : DefinitionWalker.criteria(context.documents())) {
      if (site.node() instanceof PopulationRef ref && all.population(ref.id()).isEmpty()) {
        out.add(Diagnostic.error(site.source(), site.path() + ".id", "undefined population '" + ref.id() + "'"));
      }
      if (site.node() instanceof CodedValue coded && all.valueSet(coded.in()).isEmpty()) {
        out.add(Diagnostic.error(site.source(), site.path() + ".in", "undefined value set '" + coded.in() + "'"));
      }
    }
    for (Document doc : context.documents()) {
      List<ClusterPackage> packages = doc.definitions().packages();
      for (int p = 0; p < packages.size(); p++) {
        var entries = packages.get(p).indicators();
        for (int i = 0; i < entries.size(); i++) {
          if (entries.get(i) instanceof IndicatorRef ref && all.indicator(ref).isEmpty()) {
            String path = "packages[" + p + "].indicators[" + i + "]";
            long sameId = all.indicators().stream().filter(ind -> ind.id().equals(ref.id())).count();
            String message = sameId > 1 && ref.version().isEmpty()
                ? "indicator '" + ref.id() + "' has several versions ("
                    + all.indicators().stream().filter(ind -> ind.id().equals(ref.id()))
                        .map(ind -> ind.version()).collect(Collectors.joining(", "))
                    + "); pin one as " + ref.id() + "@VERSION"
                : "undefined indicator '" + ref + "'";
            out.add(Diagnostic.error(doc.source(), path, message));
          }
        }
      }
    }
  }
}
