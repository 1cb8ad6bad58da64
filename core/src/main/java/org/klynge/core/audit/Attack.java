package org.klynge.core.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attack itself, over {@link Knowledge}: propagate bounds, split the relations that hold a hidden
 * unknown into independent components, and solve each component's linear program for the range of each of
 * its hidden cells. The steps are described in {@link Audit}. Components are independent, so they are
 * solved in parallel (on the common fork-join pool); each writes the ranges of its own cells only.
 */
final class Attack {

  /** One component: its unknown cells and its relations. */
  private record Component(int[] unknowns, List<Relation> relations) {}

  /** What solving components gave besides the ranges: counts and contradictions. */
  private static final class Tally {
    int components;
    long linearPrograms;
    int periodRelationsDropped;
    final List<int[]> contradictions = new ArrayList<>();

    Tally add(Tally other) {
      components += other.components;
      linearPrograms += other.linearPrograms;
      periodRelationsDropped += other.periodRelationsDropped;
      contradictions.addAll(other.contradictions);
      return this;
    }
  }

  private final CellIndex cells;
  private final boolean treesByPropagation;
  /** Whether propagation reached its fixed point: only then are tree-shaped components solved by it. */
  private final boolean propagationConverged;
  /** The relations the data contradicted during propagation. */
  private final Set<Relation> contradicted = Collections.newSetFromMap(new IdentityHashMap<>());
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

  private Attack(CellIndex cells, boolean treesByPropagation, boolean propagationConverged) {
    this.cells = cells;
    this.treesByPropagation = treesByPropagation;
    this.propagationConverged = propagationConverged;
    this.lower = Arrays.copyOf(cells.lower, cells.size());
    this.upper = Arrays.copyOf(cells.upper, cells.size());
    this.inconsistent = new boolean[cells.size()];
  }

  /** Runs the attack over {@code knowledge}; its cells' bounds are narrowed in place. */
  static Attack run(Knowledge knowledge) {
    return run(knowledge, true);
  }

  /**
   * Runs the attack over {@code knowledge}.
   *
   * @param treesByPropagation whether tree-shaped components take their ranges from propagation (exact)
   *     instead of linear programs; tests switch it off to compare the two
   */
  static Attack run(Knowledge knowledge, boolean treesByPropagation) {
    CellIndex cells = knowledge.cells;
    Propagation.Outcome propagation = Propagation.run(cells, knowledge.relations);
    Attack attack = new Attack(cells, treesByPropagation, propagation.converged());
    List<Relation> programmed = new ArrayList<>();
    for (int i = 0; i < knowledge.relations.size(); i++) {
      Relation r = knowledge.relations.get(i);
      if (propagation.contradicted()[i]) {
        attack.contradicted.add(r);
      }
      if (attack.holdsHiddenUnknown(r)) {
        programmed.add(r);
      } else if (!r.period() && !Propagation.satisfiable(cells, r)) {
        attack.contradictions.add(r.cells());
      }
    }
    List<Tally> tallies = attack.split(programmed).parallelStream().map(c -> {
      Tally t = new Tally();
      attack.solve(c, t);
      return t;
    }).toList();
    Tally total = new Tally();
    tallies.forEach(total::add);
    attack.components = total.components;
    attack.linearPrograms = total.linearPrograms;
    attack.periodRelationsDropped = total.periodRelationsDropped;
    attack.contradictions.addAll(total.contradictions);
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

  /**
   * Whether propagation has already given the component's exact ranges: when it reached its fixed point
   * with no contradiction in the component, and the component's relations form a tree (the graph of unknowns
   * and relations, joined where a relation holds an unknown, has no cycle; it is connected, so it has one
   * edge fewer than nodes). On such a tree a fixed point of interval propagation is globally consistent:
   * every value in a cell's bounds extends to a solution of the whole component, so the linear program's
   * minimum and maximum are the bounds.
   */
  private boolean isTree(Component component) {
    long edges = 0;
    for (Relation r : component.relations()) {
      for (int c : r.cells()) {
        if (unknown(c)) {
          edges++;
        }
      }
    }
    return edges == component.unknowns().length + component.relations().size() - 1;
  }

  /**
   * Solves one component: a minimum and a maximum per hidden cell, on one model. A component with period
   * relations first propagates its own relations, period relations included, on a local copy of its bounds:
   * the bounds it finds hold whenever the period relations do, so they bound the linear program without
   * changing it (and without touching other components).
   */
  private void solve(Component component, Tally tally) {
    tally.components++;
    Bounds bounds = Bounds.of(cells);
    boolean propagated = propagationConverged
        && component.relations().stream().noneMatch(r -> r.period() || contradicted.contains(r));
    if (component.relations().stream().anyMatch(Relation::period)) {
      Bounds local = Bounds.local(cells, component.unknowns());
      Propagation.Outcome outcome = Propagation.run(local, component.relations(), true);
      if (!outcome.anyContradicted()) {
        bounds = local;
        propagated = outcome.converged()
            && component.relations().stream().noneMatch(contradicted::contains);
      }
    }
    int[] targets = Arrays.stream(component.unknowns()).filter(cells::hidden).toArray();
    if (treesByPropagation && propagated && isTree(component)) {
      for (int c : targets) {
        lower[c] = bounds.lower(c);
        upper[c] = bounds.upper(c);
      }
      return;
    }
    ComponentProgram program = new ComponentProgram(bounds, component.unknowns(), component.relations());
    boolean feasible = targets.length > 0 || program.feasible();
    for (int i = 0; i < targets.length && feasible; i++) {
      int c = targets[i];
      ComponentProgram.Range range = program.range(c);
      if (range.infeasible() && i == 0) {
        feasible = false;
      } else if (!range.infeasible()) {
        lower[c] = range.lower();
        upper[c] = range.upper();
      }
      // a later cell of a component found feasible that the solver calls infeasible is a numerical
      // failure: it keeps its propagated bounds
    }
    tally.linearPrograms += program.solved();
    if (feasible) {
      return;
    }
    for (int c : targets) {
      lower[c] = cells.lower[c];
      upper[c] = cells.upper[c];
    }
    List<Relation> kept = component.relations().stream().filter(r -> !r.period()).toList();
    if (kept.size() < component.relations().size()) {
      tally.periodRelationsDropped += component.relations().size() - kept.size();
      for (Component part : split(kept)) {
        solve(part, tally);
      }
      return;
    }
    for (int c : targets) {
      inconsistent[c] = true;
    }
    tally.contradictions.add(component.relations().stream().flatMapToInt(r -> Arrays.stream(r.cells()))
        .distinct().toArray());
  }
}
