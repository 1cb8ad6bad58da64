package org.klynge.core.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.klynge.core.definition.Criterion;
import org.klynge.core.definition.DefinitionLimits;

/**
 * Criteria nest at most {@link DefinitionLimits#MAX_CRITERION_DEPTH} levels, a population
 * reference counting as one level into the criterion it names. A criterion that is too deep by
 * itself is reported at its top; one that is too deep only through the populations it refers to
 * is reported where the limit is crossed: at the criterion whose referenced populations are each
 * within the limit, so a long chain of references gives one diagnostic, not one per link. All
 * measuring is iterative: no input, however deep, costs stack.
 */
final class NestingRule implements Rule {

  private static final int MAX = DefinitionLimits.MAX_CRITERION_DEPTH;
  private static final int NAMES_SHOWN = 4;

  @Override
  public void check(CheckContext context, List<Diagnostic> out) {
    Map<String, CriterionTrees.Shape> populations = CriterionTrees.shapes(context.merged().populations());
    Map<String, Integer> expanded = expandedDepths(populations, circular(populations));
    for (Site<Criterion> root : DefinitionWalker.roots(context.documents())) {
      CriterionTrees.Shape shape = CriterionTrees.shape(root.node());
      if (shape.depth() > MAX) {
        out.add(root.error(String.format(Locale.ROOT,
            "criteria nest %,d levels deep here; at most %d levels are allowed", shape.depth(), MAX)));
        continue;
      }
      int depth = shape.depth();
      boolean referencedWithin = true;
      for (var ref : shape.references().entrySet()) {
        int target = expanded.getOrDefault(ref.getKey(), 0);
        depth = Math.max(depth, ref.getValue() + target);
        referencedWithin &= target <= MAX;
      }
      if (depth > MAX && referencedWithin) {
        out.add(root.error(String.format(Locale.ROOT,
            "criteria nest %,d levels deep counting the populations referred to (%s); at most %d levels are allowed",
            depth, chain(shape, populations, expanded), MAX)));
      }
    }
  }

  /** Whether any criterion tree is deeper than the limit by itself, which other checks must not walk. */
  static boolean anyTreeTooDeep(CheckContext context) {
    return DefinitionWalker.roots(context.documents()).stream()
        .anyMatch(root -> CriterionTrees.shape(root.node()).depth() > MAX);
  }

  /**
   * Each population's depth counting the populations it refers to, found depth first with an
   * explicit stack. Populations in a circle are left out, and references to them count as leaves:
   * circles are reported by {@link PopulationCyclesRule}, and their depth has no meaning.
   */
  static Map<String, Integer> expandedDepths(Map<String, CriterionTrees.Shape> populations, Set<String> circular) {
    Map<String, Integer> done = new HashMap<>();
    Set<String> open = new HashSet<>();
    for (String root : populations.keySet()) {
      if (done.containsKey(root) || circular.contains(root)) {
        continue;
      }
      Deque<String> stack = new ArrayDeque<>();
      stack.push(root);
      while (!stack.isEmpty()) {
        String id = stack.peek();
        if (done.containsKey(id)) {
          stack.pop();
          continue;
        }
        CriterionTrees.Shape shape = populations.get(id);
        if (open.add(id)) {
          for (String target : shape.references().keySet()) {
            if (populations.containsKey(target) && !circular.contains(target) && !done.containsKey(target)
                && !open.contains(target)) {
              stack.push(target);
            }
          }
          continue;
        }
        int depth = shape.depth();
        for (var ref : shape.references().entrySet()) {
          depth = Math.max(depth, ref.getValue() + done.getOrDefault(ref.getKey(), 0));
        }
        done.put(id, depth);
        open.remove(id);
        stack.pop();
      }
    }
    return done;
  }

  /** The populations that are part of a circle of references. */
  private static Set<String> circular(Map<String, CriterionTrees.Shape> populations) {
    Map<String, List<String>> refs = new LinkedHashMap<>();
    populations.forEach((id, shape) -> refs.put(id, List.copyOf(shape.references().keySet())));
    return PopulationCyclesRule.CircularGroups.of(refs).keySet();
  }

  /** The deepest route through references, {@code a → b → c → … (3,900 populations)}. */
  private static String chain(CriterionTrees.Shape from, Map<String, CriterionTrees.Shape> populations,
      Map<String, Integer> expanded) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    CriterionTrees.Shape shape = from;
    while (shape != null) {
      String deepest = null;
      int best = shape.depth();
      for (var ref : shape.references().entrySet()) {
        int d = ref.getValue() + expanded.getOrDefault(ref.getKey(), 0);
        if (d > best) {
          best = d;
          deepest = ref.getKey();
        }
      }
      if (deepest == null || !seen.add(deepest)) {
        break;
      }
      names.add(deepest);
      shape = populations.get(deepest);
    }
    String shown = String.join(" → ", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
    return names.size() <= NAMES_SHOWN ? shown
        : String.format(Locale.ROOT, "%s → … (%,d populations)", shown, names.size());
  }
}
