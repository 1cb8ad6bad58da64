package org.klynge.core.validation;

import com.google.common.collect.Lists;
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
import org.klynge.core.definition.NamedPopulation;

/**
 * Named populations must not refer to themselves, directly or through others. Each group of
 * populations that refer to each other in a circle is reported once, at its first population,
 * with one circle through it. The search is iterative and linear in the number of references, so
 * long chains and dense webs of references cost no stack and no exponential time.
 */
final class PopulationCyclesRule implements Rule {

  @Override
  public void check(CheckContext context, List<Diagnostic> out) {
    Map<String, List<String>> refs = new LinkedHashMap<>();
    for (NamedPopulation p : context.merged().populations()) {
      List<String> targets = refs.computeIfAbsent(p.id(), id -> new ArrayList<>());
      for (String target : CriterionTrees.shape(p.criterion()).references().keySet()) {
        if (!targets.contains(target)) {
          targets.add(target);
        }
      }
    }
    Map<String, Integer> group = CircularGroups.of(refs);
    Set<Integer> reported = new HashSet<>();
    for (Document doc : context.documents()) {
      List<NamedPopulation> pops = doc.definitions().populations();
      for (int i = 0; i < pops.size(); i++) {
        String id = pops.get(i).id();
        Integer g = group.get(id);
        if (g != null && reported.add(g)) {
          out.add(Diagnostic.error(doc.source(), "populations[" + i + "].criterion",
              "population refers to itself: " + shown(circle(id, refs))));
        }
      }
    }
  }

  /** A circle as {@code a → b → a}; a long one as its first four and last two names and its length. */
  private static String shown(List<String> circle) {
    if (circle.size() <= 8) {
      return String.join(" → ", circle);
    }
    return String.join(" → ", circle.subList(0, 4)) + " → … → "
        + String.join(" → ", circle.subList(circle.size() - 2, circle.size()))
        + String.format(Locale.ROOT, " (%,d populations)", circle.size() - 1);
  }

  /** The shortest circle from {@code start} back to itself, found breadth first: {@code a, b, a}. */
  private static List<String> circle(String start, Map<String, List<String>> refs) {
    Map<String, String> cameFrom = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      String at = queue.poll();
      for (String next : refs.getOrDefault(at, List.of())) {
        if (next.equals(start)) {
          List<String> path = new ArrayList<>();
          path.add(start);
          for (String step = at; !step.equals(start); step = cameFrom.get(step)) {
            path.add(step);
          }
          path.add(start);
          return Lists.reverse(path);
        }
        if (cameFrom.putIfAbsent(next, at) == null) {
          queue.add(next);
        }
      }
    }
    throw new IllegalStateException("no circle through " + start + " although it is in a circular group");
  }

  /**
   * The strongly connected components with a circle (two or more members, or one that refers to
   * itself), by Tarjan's algorithm written with an explicit stack.
   */
  static final class CircularGroups {
    private CircularGroups() {}

    /** Population id → the number of its circular group; ids in no circle are absent. */
    static Map<String, Integer> of(Map<String, List<String>> refs) {
      Map<String, Integer> index = new HashMap<>();
      Map<String, Integer> low = new HashMap<>();
      Deque<String> stack = new ArrayDeque<>();
      Set<String> onStack = new HashSet<>();
      Map<String, Integer> group = new HashMap<>();
      int counter = 0;
      int groups = 0;
      for (String root : refs.keySet()) {
        if (index.containsKey(root)) {
          continue;
        }
        Deque<String> callNodes = new ArrayDeque<>();
        Deque<Integer> callNext = new ArrayDeque<>();
        index.put(root, counter);
        low.put(root, counter++);
        stack.push(root);
        onStack.add(root);
        callNodes.push(root);
        callNext.push(0);
        while (!callNodes.isEmpty()) {
          String v = callNodes.peek();
          int next = callNext.pop();
          List<String> targets = refs.getOrDefault(v, List.of());
          if (next < targets.size()) {
            callNext.push(next + 1);
            String w = targets.get(next);
            if (!refs.containsKey(w)) {
              continue; // undefined: reported by ReferencesRule
            }
            if (!index.containsKey(w)) {
              index.put(w, counter);
              low.put(w, counter++);
              stack.push(w);
              onStack.add(w);
              callNodes.push(w);
              callNext.push(0);
            } else if (onStack.contains(w)) {
              low.put(v, Math.min(low.get(v), index.get(w)));
            }
            continue;
          }
          callNodes.pop();
          if (!callNodes.isEmpty()) {
            String parent = callNodes.peek();
            low.put(parent, Math.min(low.get(parent), low.get(v)));
          }
          if (low.get(v).equals(index.get(v))) {
            List<String> members = new ArrayList<>();
            String w;
            do {
              w = stack.pop();
              onStack.remove(w);
              members.add(w);
            } while (!w.equals(v));
            if (members.size() > 1 || targets.contains(v)) {
              for (String m : members) {
                group.put(m, groups);
              }
              groups++;
            }
          }
        }
      }
      return group;
    }
  }
}
