package org.klynge.core.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attack itself, over {@link Knowledge}: propagate bounds, split the relations that hold a hidden
 * unknown into independent components, and solve each component's linear program for the range of each of
 * its hidden cells. The steps are described in {@link Audit}.
 */
final class Attack {

  /** One component: its unknown cells and its relations. */
  private record Component(int[] unknowns, List<Relation> relations) {}

  private final CellIndex cells;
  /** The derived range of each cell; starts as the propagated bounds. */
  final long[] lower;
  final long[] upper;
  /** Cells in a component that turned out infeasible: their range means nothing. */
  final boolean[] inconsistent;
  /** Sets of cells whose relations contradict each other. */
  final List<int[]> contradictions = new ArrayList<>();
  int components;
  long linearPrograms;
  int periodRelationsDropped;

  private Attack(CellIndex cells) {
    this.cells = cells;
    this.lower = new long[cells.size()];
    this.upper = new long[cells.size()];
    this.inconsistent = new boolean[cells.size()];
  }

  /** Runs the attack over {@code knowledge}; its cells' bounds are narrowed in place. */
  static Attack run(Knowledge knowledge) {
    CellIndex cells = knowledge.cells;
    Propagation.run(cells, knowledge.relations);
    Attack attack = new Attack(cells);
    System.arraycopy(cells.lower, 0, attack.lower, 0, cells.size());
    System.arraycopy(cells.upper, 0, attack.upper, 0, cells.size());
    List<Relation> programmed = new ArrayList<>();
    for (Relation r : knowledge.relations) {
      if (attack.holdsHiddenUnknown(r)) {
        programmed.add(r);
      } else if (!r.period() && !Propagation.satisfiable(cells, r)) {
        attack.contradictions.add(r.cells());
      }
    }
    for (Component component : attack.split(programmed)) {
      attack.solve(component);
    }
    return attack;
  }

  /** One hop: a relation goes into a linear program only when it holds a hidden unknown. */
  private boolean holdsHiddenUnknown(Relation r) {
    for (int c : r.cells()) {
      if (cells.hiddenUnknown(c)) {
        return true;
      }
    }
    return false;
  }

  private boolean unknown(int c) {
    return cells.lower[c] < cells.upper[c];
  }

  /** The components of {@code relations}: unknown cells joined when they share a relation (union-find). */
  private List<Component> split(List<Relation> relations) {
    Map<Integer, Integer> local = new HashMap<>();
    List<Integer> cellOfLocal = new ArrayList<>();
    int[] parent = new int[16];
    int[] firstUnknown = new int[relations.size()];
    for (int i = 0; i < relations.size(); i++) {
      int first = -1;
      for (int c : relations.get(i).cells()) {
        if (!unknown(c)) {
          continue;
        }
        Integer l = local.get(c);
        if (l == null) {
          l = cellOfLocal.size();
          local.put(c, l);
          cellOfLocal.add(c);
          if (l == parent.length) {
            parent = Arrays.copyOf(parent, l * 2);
          }
          parent[l] = l;
        }
        if (first < 0) {
          first = l;
        } else {
          int a = find(parent, first);
          int b = find(parent, l);
          if (a != b) {
            parent[Math.max(a, b)] = Math.min(a, b);
          }
        }
      }
      firstUnknown[i] = first;
    }
    Map<Integer, List<Relation>> relationsOf = new LinkedHashMap<>();
    for (int i = 0; i < relations.size(); i++) {
      relationsOf.computeIfAbsent(find(parent, firstUnknown[i]), k -> new ArrayList<>()).add(relations.get(i));
    }
    Map<Integer, List<Integer>> unknownsOf = new HashMap<>();
    for (int l = 0; l < cellOfLocal.size(); l++) {
      unknownsOf.computeIfAbsent(find(parent, l), k -> new ArrayList<>()).add(cellOfLocal.get(l));
    }
    List<Component> out = new ArrayList<>(relationsOf.size());
    relationsOf.forEach((root, rs) -> out.add(new Component(
        unknownsOf.get(root).stream().mapToInt(Integer::intValue).toArray(), rs)));
    return out;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Solves one component: a minimum and a maximum per hidden cell, on one model. */
  private void solve(Component component) {
    components++;
    ComponentProgram program = new ComponentProgram(cells, component.unknowns(), component.relations());
    int[] targets = Arrays.stream(component.unknowns()).filter(cells::hidden).toArray();
    boolean feasible = true;
    for (int i = 0; i < targets.length && feasible; i++) {
      ComponentProgram.Range range = program.range(targets[i]);
      if (range.infeasible() && i == 0) {
        feasible = false;
      } else if (range.infeasible()) {
        // the first solve found the component feasible: this is a numerical failure, keep the bounds
        lower[targets[i]] = cells.lower[targets[i]];
        upper[targets[i]] = cells.upper[targets[i]];
      } else {
        lower[targets[i]] = range.lower();
        upper[targets[i]] = range.upper();
      }
    }
    if (targets.length == 0) {
      feasible = program.feasible();
    }
    linearPrograms += program.solved();
    if (feasible) {
      return;
    }
    List<Relation> kept = component.relations().stream().filter(r -> !r.period()).toList();
    if (kept.size() < component.relations().size()) {
      periodRelationsDropped += component.relations().size() - kept.size();
      for (int c : targets) {
        lower[c] = cells.lower[c];
        upper[c] = cells.upper[c];
      }
      for (Component part : split(kept)) {
        solve(part);
      }
      return;
    }
    for (int c : targets) {
      inconsistent[c] = true;
    }
    contradictions.add(component.relations().stream().flatMapToInt(r -> Arrays.stream(r.cells()))
        .distinct().toArray());
  }
}
