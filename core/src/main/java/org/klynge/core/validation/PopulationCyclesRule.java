package org.klynge.core.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.klynge.core.definition.And;
import org.klynge.core.definition.Criterion;
import org.klynge.core.definition.NamedPopulation;
import org.klynge.core.definition.Not;
import org.klynge.core.definition.Or;
import org.klynge.core.definition.PopulationRef;

/** Named populations must not refer to themselves, directly or through others. */
final class PopulationCyclesRule implements Rule {

  @Override
  public void check(CheckContext context, List<Diagnostic> out) {
    Map<String, Set<String>> refs = new HashMap<>();
    for (NamedPopulation p : context.merged().populations()) {
      Set<String> targets = new HashSet<>();
      references(p.criterion(), targets);
      refs.merge(p.id(), targets, (a, b) -> {
        a.addAll(b);
        return a;
      });
    }
    Set<String> reported = new HashSet<>();
    for (Document doc : context.documents()) {
      List<NamedPopulation> pops = doc.definitions().populations();
      for (int i = 0; i < pops.size(); i++) {
        List<String> cycle = findCycle(pops.get(i).id(), refs, new ArrayList<>());
        if (!cycle.isEmpty() && reported.add(Set.copyOf(cycle).toString())) {
          out.add(Diagnostic.error(doc.source(), "populations[" + i + "].criterion",
              "population refers to itself: " + String.join(" → ", cycle)));
        }
      }
    }
  }

  private static List<String> findCycle(String id, Map<String, Set<String>> refs, List<String> trail) {
    if (trail.contains(id)) {
      List<String> cycle = new ArrayList<>(trail.subList(trail.indexOf(id), trail.size()));
      cycle.add(id);
      return trail.get(0).equals(id) ? cycle : List.of();
    }
    trail.add(id);
    for (String next : refs.getOrDefault(id, Set.of())) {
      List<String> cycle = findCycle(next, refs, trail);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    trail.remove(trail.size() - 1);
    return List.of();
  }

  static void references(Criterion c, Set<String> out) {
    if (c instanceof PopulationRef ref) {
      out.add(ref.id());
    } else if (c instanceof And and) {
      and.all().forEach(x -> references(x, out));
    } else if (c instanceof Or or) {
      or.any().forEach(x -> references(x, out));
    } else if (c instanceof Not not) {
      references(not.criterion(), out);
    }
  }
}
