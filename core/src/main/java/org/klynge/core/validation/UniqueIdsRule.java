package org.klynge.core.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Indicator;

/** Ids are unique over all documents: value sets and populations by id, indicators and packages by id and version. */
final class UniqueIdsRule implements Rule {

  @Override
  public void check(CheckContext context, List<Diagnostic> out) {
    unique(context, "valueSets", "value set", DefinitionSet::valueSets, v -> v.id(), out);
    unique(context, "populations", "population", DefinitionSet::populations, p -> p.id(), out);
    unique(context, "indicators", "indicator", DefinitionSet::indicators, Indicator::key, out);
    unique(context, "packages", "package", DefinitionSet::packages, ClusterPackage::key, out);
  }

  private static <T> void unique(CheckContext context, String list, String kind,
      Function<DefinitionSet, List<T>> items, Function<T, String> key, List<Diagnostic> out) {
    Map<String, String> firstSeen = new HashMap<>();
    for (Document doc : context.documents()) {
      List<T> all = items.apply(doc.definitions());
      for (int i = 0; i < all.size(); i++) {
        String k = key.apply(all.get(i));
        String where = doc.source() + ": " + list + "[" + i + "]";
        String previous = firstSeen.putIfAbsent(k, where);
        if (previous != null) {
          out.add(Diagnostic.error(doc.source(), list + "[" + i + "].id",
              "duplicate " + kind + " '" + k + "' (first defined at " + previous + ")"));
        }
      }
    }
  }
}
