package org.klynge.core.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klynge.core.definition.And;
import org.klynge.core.definition.Criterion;
import org.klynge.core.definition.NamedPopulation;
import org.klynge.core.definition.Not;
import org.klynge.core.definition.Or;
import org.klynge.core.definition.PopulationRef;

/**
 * Walks one criterion tree without recursion, so that a tree of any depth (one built in Java need
 * not have passed the reader's limits) is measured with constant stack depth.
 */
final class CriterionTrees {

  private CriterionTrees() {}

  /**
   * The shape of one tree: how deep it nests and, for each population it refers to, the deepest
   * level of a reference to it.
   *
   * @param depth the level of the deepest criterion (a lone leaf is 1)
   * @param references population id → the deepest level at which the tree refers to it, in order of first reference
   */
  record Shape(int depth, Map<String, Integer> references) {}

  /** The operands of a criterion: the list of an {@code and} or {@code or}, the criterion of a {@code not}, else none. */
  static List<Criterion> operands(Criterion c) {
    if (c instanceof And and) {
      return and.all();
    } else if (c instanceof Or or) {
      return or.any();
    } else if (c instanceof Not not) {
      return List.of(not.criterion());
    }
    return List.of();
  }

  /** The shape of the tree below {@code root}. */
  static Shape shape(Criterion root) {
    Map<String, Integer> references = new LinkedHashMap<>();
    int deepest = 0;
    Deque<Criterion> nodes = new ArrayDeque<>();
    Deque<Integer> levels = new ArrayDeque<>();
    nodes.push(root);
    levels.push(1);
    while (!nodes.isEmpty()) {
      Criterion c = nodes.pop();
      int level = levels.pop();
      deepest = Math.max(deepest, level);
      if (c instanceof PopulationRef ref) {
        references.merge(ref.id(), level, Math::max);
      }
      List<Criterion> operands = operands(c);
      for (int i = operands.size() - 1; i >= 0; i--) {
        nodes.push(operands.get(i));
        levels.push(level + 1);
      }
    }
    return new Shape(deepest, references);
  }

  /** The shape of every named population's criterion, by id (the first definition of an id wins). */
  static Map<String, Shape> shapes(List<NamedPopulation> populations) {
    Map<String, Shape> out = new LinkedHashMap<>();
    for (NamedPopulation p : populations) {
      out.computeIfAbsent(p.id(), id -> shape(p.criterion()));
    }
    return out;
  }
}
