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
 */
final class ComponentProgram {

  /** Slack for reading an LP optimum as an integer: {@code ceil(min − ε)}, {@code floor(max + ε)}. */
  static final double EPSILON = 1e-6;

  /** The outcome of one range: the bounds, or infeasible. */
  record Range(long lower, long upper, boolean infeasible) {
    static final Range INFEASIBLE = new Range(0, 0, true);
  }

  private final CellIndex cells;
  private final ExpressionsBasedModel model = new ExpressionsBasedModel();
  private final Map<Integer, Variable> variables = new HashMap<>();
  private Variable weighted;
  private long solved;

  /**
   * The program of {@code unknowns} under {@code relations}.
   *
   * @param unknowns the component's unknown cells
   * @param relations the relations of the component; their other cells are known exactly
   */
  ComponentProgram(CellIndex cells, int[] unknowns, List<Relation> relations) {
    this.cells = cells;
    for (int c : unknowns) {
      Variable v = model.addVariable("x" + c).lower(cells.lower[c]);
      if (cells.upper[c] != CellIndex.UNBOUNDED) {
        v.upper(cells.upper[c]);
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
          constant += r.coefficients()[i] * cells.lower[r.cells()[i]];
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
    return result.getState() != Optimisation.State.INFEASIBLE;
  }

  /**
   * The integer range of cell {@code c}: {@code [ceil(min − ε), floor(max + ε)]} within its bounds. A solver
   * failure other than infeasibility keeps the side's bound.
   */
  Range range(int c) {
    objective(variables.get(c));
    solved++;
    Optimisation.Result min = model.minimise();
    if (min.getState() == Optimisation.State.INFEASIBLE) {
      return Range.INFEASIBLE;
    }
    solved++;
    Optimisation.Result max = model.maximise();
    long lower = cells.lower[c];
    long upper = cells.upper[c];
    if (min.getState().isFeasible()) {
      lower = Math.max(lower, (long) Math.ceil(min.getValue() - EPSILON));
    }
    if (max.getState().isFeasible() && max.getState() != Optimisation.State.UNBOUNDED
        && max.getValue() < 9e15) {
      upper = Math.min(upper, (long) Math.floor(max.getValue() + EPSILON));
    }
    return upper < lower ? Range.INFEASIBLE : new Range(lower, upper, false);
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
