package org.klynge.core.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The linear program of one component: a variable per unknown cell, bounded by the cell's (propagated)
 * bounds, and a constraint per relation with the known cells as constants. Built once; {@link #range}
 * re-solves it with the objective on one cell at a time.
 *
 * <p>Every solution found is also read for the other cells: a feasible solution with a cell at its lower
 * bound proves that bound is the cell's minimum (no solution goes below a variable's bound), and likewise
 * for the upper bound, so that cell's own program for that side is skipped.
 */
final class ComponentProgram {

  /** Slack for reading an LP optimum as an integer: {@code ceil(min − ε)}, {@code floor(max + ε)}. */
  static final double EPSILON = 1e-6;

  /** The outcome of one range: the bounds, or infeasible. */
  record Range(long lower, long upper, boolean infeasible) {
    static final Range INFEASIBLE = new Range(0, 0, true);
  }

  private final Bounds bounds;
  private final ExpressionsBasedModel model = new ExpressionsBasedModel();
  private final Map<Integer, Variable> variables = new HashMap<>();
  private final int[] order;
  /** Per variable (in {@link #order}): whether a solution has shown its lower (upper) bound attained. */
  private final boolean[] lowerAttained;
  private final boolean[] upperAttained;
  private Variable weighted;
  private long solved;

  /**
   * The program of {@code unknowns} under {@code relations}.
   *
   * @param bounds the cells' bounds
   * @param unknowns the component's unknown cells
   * @param relations the relations of the component; their other cells are known exactly
   */
  ComponentProgram(Bounds bounds, int[] unknowns, List<Relation> relations) {
    this.bounds = bounds;
    this.order = unknowns.clone();
    this.lowerAttained = new boolean[unknowns.length];
    this.upperAttained = new boolean[unknowns.length];
    for (int c : unknowns) {
      Variable v = model.addVariable("x" + c).lower(bounds.lower(c));
      if (bounds.upper(c) != CellIndex.UNBOUNDED) {
        v.upper(bounds.upper(c));
      }
      variables.put(c, v);
    }
    int n = 0;
    for (Relation r : relations) {
      Expression e = model.addExpression("r" + n++);
      long constant = 0;
      for (int i = 0; i < r.cells().length; i++) {
        Variable v = variables.get(r.cells()[i]);
        if (v == null) {
          constant += r.coefficients()[i] * bounds.lower(r.cells()[i]);
        } else {
          e.set(v, r.coefficients()[i]);
        }
      }
      if (r.equality()) {
        e.level(-constant);
      } else {
        e.upper(-constant);
      }
    }
  }

  /** The number of linear programs solved so far. */
  long solved() {
    return solved;
  }

  /** Whether the relations and bounds admit any solution. */
  boolean feasible() {
    objective(null);
    solved++;
    Optimisation.Result result = model.minimise();
    if (result.getState().isFeasible()) {
      attained(result);
    }
    return result.getState() != Optimisation.State.INFEASIBLE;
  }

  /**
   * The integer range of cell {@code c}: {@code [ceil(min − ε), floor(max + ε)]} within its bounds. Only an
   * optimal solution narrows a side (a merely feasible one says nothing about the optimum); any other
   * outcome but infeasibility keeps the side's bound, as does an unbounded maximum.
   */
  Range range(int c) {
    Variable v = variables.get(c);
    int index = model.indexOf(v);
    long lower = bounds.lower(c);
    long upper = bounds.upper(c);
    if (!lowerAttained[index]) {
      objective(v);
      solved++;
      Optimisation.Result min = model.minimise();
      if (min.getState() == Optimisation.State.INFEASIBLE) {
        return Range.INFEASIBLE;
      }
      if (min.getState().isOptimal()) {
        lower = Math.max(lower, (long) Math.ceil(min.getValue() - EPSILON));
      }
      if (min.getState().isFeasible()) {
        attained(min);
      }
    }
    if (!upperAttained[index]) {
      objective(v);
      solved++;
      Optimisation.Result max = model.maximise();
      if (max.getState() == Optimisation.State.INFEASIBLE) {
        return Range.INFEASIBLE;
      }
      if (max.getState().isOptimal() && max.getValue() < 9e15) {
        upper = Math.min(upper, (long) Math.floor(max.getValue() + EPSILON));
      }
      if (max.getState().isFeasible() && max.getState() != Optimisation.State.UNBOUNDED) {
        attained(max);
      }
    }
    return upper < lower ? Range.INFEASIBLE : new Range(lower, upper, false);
  }

  /** Marks the bounds that the solution {@code result} attains. */
  private void attained(Optimisation.Result result) {
    if (result.size() != order.length) {
      return;
    }
    for (int i = 0; i < order.length; i++) {
      double x = result.doubleValue(i);
      int c = order[i];
      if (x <= bounds.lower(c) + EPSILON) {
        lowerAttained[i] = true;
      }
      if (bounds.upper(c) != CellIndex.UNBOUNDED && x >= bounds.upper(c) - EPSILON) {
        upperAttained[i] = true;
      }
    }
  }

  private void objective(Variable v) {
    if (weighted != null) {
      weighted.weight(0);
    }
    if (v != null) {
      v.weight(1);
    }
    weighted = v;
  }
}
