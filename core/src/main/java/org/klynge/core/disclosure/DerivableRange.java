package org.klynge.core.disclosure;

import java.util.Arrays;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.linear.LinearSolver;

/**
 * The range of a linear form of cells that an attacker can derive: two linear programs over the
 * unknown cells connected to the form, with every other cell a known constant.
 *
 * <pre>
 *   min / max   Σ a_i · x_i                    (the form)
 *   subject to  Σ c_j · x_j = − Σ c_k · v_k     for every sum touching the unknowns x
 *               x_p ≤ x_w (or ≤ v_w, ≥ v_p)     for every at-most relation touching them
 *               x ≥ 0
 * </pre>
 *
 * <p>Cells are whole numbers, so the bounds are rounded inwards (ceiling of the minimum, floor of
 * the maximum). The programs go to {@link BoundedSimplex}, and to ojalgo's simplex when it cannot
 * settle one; their optimal points can be {@linkplain #report reported}. Not thread-safe: one per
 * suppression.
 */
final class DerivableRange {
  private static final double EPS = 1e-6;
  /** Components up to this size are always gathered whole (the closed form may still solve them). */
  private static final int COMPONENT_LIMIT = 400;

  private final DisclosureModel m;
  private final int[] varOf;
  private final int[] relationStamp;
  private final int[] boundStamp;
  private int stamp;
  private int[] queue = new int[16];
  private final boolean closedForm;
  private final boolean modelled;
  private final boolean simplex;
  private int cap = Integer.MAX_VALUE;
  private boolean capped;
  private long solved;
  private int largest;
  private long closed;
  private Solutions solutions;
  private long unsettled;

  DerivableRange(DisclosureModel model) {
    this(model, true);
  }

  /** With {@code closedForm} false every range is a pair of linear programs (for tests). */
  DerivableRange(DisclosureModel model, boolean closedForm) {
    this(model, closedForm, false);
  }

  /**
   * With {@code modelled} true every linear program goes through ojalgo's model layer, presolve
   * included, as it did before it was handed to the simplex solver directly (for tests).
   */
  DerivableRange(DisclosureModel model, boolean closedForm, boolean modelled) {
    this(model, closedForm, modelled, !modelled);
  }

  /**
   * With {@code simplex} true a program goes to {@link BoundedSimplex} first, and to ojalgo only
   * when that cannot settle it; with false to ojalgo always (for tests).
   */
  DerivableRange(DisclosureModel model, boolean closedForm, boolean modelled, boolean simplex) {
    this.m = model;
    this.closedForm = closedForm;
    this.modelled = modelled;
    this.simplex = simplex;
    varOf = new int[model.size()];
    Arrays.fill(varOf, -1);
    relationStamp = new int[model.relationCells.length];
    boundStamp = new int[model.parts.length];
  }

  /** Which cells the attacker does not know. */
  interface Unknown {
    boolean test(int cell);
  }

  /**
   * Receives the points at which a linear program reached its minimum and its maximum: values of
   * the unknowns {@code cells} (every other cell at its true value) that satisfy every relation
   * touching them.
   */
  interface Solutions {
    void accept(int[] cells, double[] values);
  }

  /** Where the optimal points of each linear program go from now on. */
  void report(Solutions to) {
    solutions = to;
  }

  /** Whether the last range reached its cap of unknowns (and so may be narrower than the attacker's). */
  boolean capped() {
    return capped;
  }

  /** The programs {@link BoundedSimplex} could not settle so far (ojalgo solved them). */
  long unsettled() {
    return unsettled;
  }

  /** The ranges found without a linear program so far. */
  long closed() {
    return closed;
  }

  /** The most unknowns in one linear program so far. */
  int largest() {
    return largest;
  }

  /** The number of linear programs solved so far. */
  long solved() {
    return solved;
  }

  /**
   * The range of {@code Σ coefficients[i] · cells[i]} given that exactly the cells {@code unknown}
   * accepts are unknown. Throws {@link IllegalStateException} if the relations contradict the
   * values (they hold for the true values by construction).
   */
  Range range(int[] cells, int[] coefficients, Unknown unknown) {
    return range(cells, coefficients, unknown, Integer.MAX_VALUE);
  }

  /**
   * As {@link #range(int[], int[], Unknown)}, or {@code null} when the range needs a linear program
   * over more than {@code limit} unknowns.
   */
  Range range(int[] cells, int[] coefficients, Unknown unknown, int limit) {
    return range(cells, coefficients, unknown, limit, Integer.MAX_VALUE);
  }

  /**
   * The range with at most {@code cap} unknowns, gathered breadth first from the form's cells; the
   * unknowns beyond are taken as known at their true values. That can only narrow the range, so a
   * range wide enough here is wide enough for the attacker. {@link #capped()} says whether the cap
   * was reached.
   */
  Range range(int[] cells, int[] coefficients, Unknown unknown, int limit, int cap) {
    this.cap = cap;
    capped = false;
    int size = component(cells, unknown, limit);
    if (size < 0) {
      return null;
    }
    try {
      long constant = 0;
      boolean anyUnknown = false;
      for (int i = 0; i < cells.length; i++) {
        if (varOf[cells[i]] >= 0) {
          anyUnknown = true;
        } else {
          constant += coefficients[i] * m.values[cells[i]];
        }
      }
      if (!anyUnknown) {
        return new Range(constant, constant);
      }
      if (cells.length == 1 && pinned(cells[0])) {
        long v = m.values[cells[0]];
        return new Range(v, v);
      }
      Constraints cs = gather(size);
      if (cells.length == 1 && closedForm) {
        Range r = closedForm(varOf[cells[0]], size, cs);
        if (r != null) {
          closed++;
          return r;
        }
      }
      if (size > limit) {
        return null;
      }
      largest = Math.max(largest, size);
      double[] objective = new double[size];
      for (int i = 0; i < cells.length; i++) {
        int v = varOf[cells[i]];
        if (v >= 0) {
          objective[v] += coefficients[i];
        }
      }
      double[] bounds = simplex ? simplex(size, cs, objective) : null;
      double lo;
      double hi;
      if (bounds != null) {
        lo = bounds[0];
        hi = bounds[1];
      } else {
        Optimisation.Result min = optimise(size, cs, objective, false);
        lo = solve(min, cells);
        report(min, size);
        Optimisation.Result max = optimise(size, cs, objective, true);
        hi = solve(max, cells);
        if (Double.isFinite(hi)) {
          report(max, size);
        }
      }
      long lower = constant + (long) Math.ceil(lo - EPS);
      long upper = Double.isInfinite(hi) ? Long.MAX_VALUE : constant + (long) Math.floor(hi + EPS);
      return new Range(lower, Math.max(lower, upper));
    } finally {
      for (int i = 0; i < size; i++) {
        varOf[queue[i]] = -1;
      }
    }
  }

  /**
   * The minimum and maximum of {@code objective} over the component's relations by {@link
   * BoundedSimplex} (the maximum {@code +∞} when unbounded), reporting both optimal points; {@code
   * null} when it cannot settle the program.
   */
  private double[] simplex(int size, Constraints cs, double[] objective) {
    int e = cs.sumVars.size();
    double[][] rows = new double[e][size];
    double[] right = new double[e];
    for (int r = 0; r < e; r++) {
      int[] v = cs.sumVars.get(r);
      int[] co = cs.sumCoefficients.get(r);
      double k = cs.sumConstants.get(r);
      for (int j = 0; j < v.length; j++) {
        rows[r][v[j]] += co[j];
        k -= co[j] * cs.low[v[j]];
      }
      right[r] = k;
    }
    int[][] couplings = cs.couplings.toArray(int[][]::new);
    double[] room = new double[couplings.length];
    for (int j = 0; j < couplings.length; j++) {
      room[j] = cs.low[couplings[j][1]] - cs.low[couplings[j][0]];
    }
    double[] upper = new double[size];
    double shift = 0;
    for (int i = 0; i < size; i++) {
      upper[i] = cs.high[i] - cs.low[i];
      shift += objective[i] * cs.low[i];
    }
    BoundedSimplex sx = new BoundedSimplex(size, rows, right, couplings, room, upper);
    if (sx.optimise(objective, false) != BoundedSimplex.Outcome.OPTIMAL) {
      unsettled++;
      return null;
    }
    double lo = sx.objective(objective) + shift;
    report(sx, size, cs);
    BoundedSimplex.Outcome o = sx.optimise(objective, true);
    double hi;
    if (o == BoundedSimplex.Outcome.UNBOUNDED) {
      hi = Double.POSITIVE_INFINITY;
    } else if (o == BoundedSimplex.Outcome.OPTIMAL) {
      hi = sx.objective(objective) + shift;
      report(sx, size, cs);
    } else {
      unsettled++;
      return null;
    }
    solved += 2;
    return new double[] {lo, hi};
  }

  private void report(BoundedSimplex sx, int size, Constraints cs) {
    if (solutions == null) {
      return;
    }
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      values[i] = sx.value(i) + cs.low[i];
    }
    solutions.accept(Arrays.copyOf(queue, size), values);
  }

  /**
   * Minimises or maximises {@code objective} over the component's relations. The program goes to
   * ojalgo's simplex solver as it is, without the model layer's presolve (which works in decimal
   * arithmetic and took most of the time on these small programs); {@link #modelled} keeps the
   * model layer for comparison. The result's value is the optimum of {@code objective} itself.
   */
  private Optimisation.Result optimise(int size, Constraints cs, double[] objective, boolean maximise) {
    if (modelled) {
      return optimiseModelled(size, cs, objective, maximise);
    }
    // In y = x − low ≥ 0, the solver's standard form; upper bounds and at-most couplings as
    // inequalities. ojalgo's builder returns the slacks after the variables.
    LinearSolver.Builder b = LinearSolver.newBuilder();
    double[] c = new double[size];
    double shift = 0;
    for (int i = 0; i < size; i++) {
      c[i] = maximise ? -objective[i] : objective[i];
      shift += objective[i] * cs.low[i];
    }
    b.objective(c);
    for (int r = 0; r < cs.sumVars.size(); r++) {
      double[] row = new double[size];
      int[] v = cs.sumVars.get(r);
      int[] co = cs.sumCoefficients.get(r);
      double k = cs.sumConstants.get(r);
      for (int j = 0; j < v.length; j++) {
        row[v[j]] += co[j];
        k -= co[j] * cs.low[v[j]];
      }
      b.equality(k, row);
    }
    for (int[] coupling : cs.couplings) {
      double[] row = new double[size];
      row[coupling[0]] += 1;
      row[coupling[1]] -= 1;
      b.inequality(cs.low[coupling[1]] - cs.low[coupling[0]], row);
    }
    for (int i = 0; i < size; i++) {
      if (Double.isFinite(cs.high[i])) {
        double[] row = new double[size];
        row[i] = 1;
        b.inequality(cs.high[i] - cs.low[i], row);
      }
    }
    Optimisation.Result r = b.build().solve();
    double[] x = new double[size];
    for (int i = 0; i < size && i < r.count(); i++) {
      x[i] = r.doubleValue(i) + cs.low[i];
    }
    double value = (maximise ? -r.getValue() : r.getValue()) + shift;
    return new Optimisation.Result(r.getState(), value, org.ojalgo.array.ArrayR064.wrap(x));
  }

  private Optimisation.Result optimiseModelled(int size, Constraints cs, double[] objective, boolean maximise) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[] vars = new Variable[size];
    for (int i = 0; i < size; i++) {
      vars[i] = model.addVariable().lower(cs.low[i]);
      if (Double.isFinite(cs.high[i])) {
        vars[i].upper(cs.high[i]);
      }
    }
    for (int r = 0; r < cs.sumVars.size(); r++) {
      Expression e = model.addExpression();
      int[] v = cs.sumVars.get(r);
      int[] co = cs.sumCoefficients.get(r);
      for (int j = 0; j < v.length; j++) {
        e.set(vars[v[j]], co[j]);
      }
      e.level(cs.sumConstants.get(r));
    }
    for (int[] c : cs.couplings) {
      model.addExpression().set(vars[c[0]], 1).set(vars[c[1]], -1).upper(0);
    }
    Expression goal = model.addExpression().weight(1);
    for (int i = 0; i < size; i++) {
      if (objective[i] != 0) {
        goal.set(vars[i], objective[i]);
      }
    }
    return maximise ? model.maximise() : model.minimise();
  }

  private void report(Optimisation.Result result, int size) {
    if (solutions == null || !result.getState().isOptimal() || result.count() < size) {
      return;
    }
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      values[i] = result.doubleValue(i);
    }
    solutions.accept(Arrays.copyOf(queue, size), values);
  }

  private double solve(Optimisation.Result result, int[] cells) {
    solved++;
    Optimisation.State state = result.getState();
    if (state == Optimisation.State.UNBOUNDED) {
      return Double.POSITIVE_INFINITY;
    }
    if (!state.isOptimal() && !state.isFeasible()) {
      throw new IllegalStateException("the relations around cell " + m.keys[cells[0]]
          + " have no solution (" + state + "); they should hold for the true counts");
    }
    return result.getValue();
  }

  /**
   * The exact range of unknown {@code target} without a linear program, when the component
   * reduces to at most one sum; {@code null} when it does not. Sums with one unknown fix it; sums
   * with two unknowns of coefficients ±1 make one an affine function of the other (for example a
   * rest of cluster of its clinic under a shown cluster). What is left is a set of unknowns with
   * bounds and at most one sum {@code Σ a_i·y_i = k}, over which the range of each unknown is its
   * bounds narrowed by {@code (k − Σ_{i≠t} a_i·y_i) / a_t} at the other unknowns' bounds.
   */
  private Range closedForm(int target, int size, Constraints cs) {
    int[] base = new int[size];
    long[] offset = new long[size];
    int[] sign = new int[size];
    for (int i = 0; i < size; i++) {
      base[i] = i;
      sign[i] = 1;
    }
    java.util.List<int[]> sumVars = cs.sumVars;
    java.util.List<int[]> sumCoefficients = cs.sumCoefficients;
    java.util.List<Long> sumConstants = cs.sumConstants;
    double[] varLow = cs.low;
    double[] varHigh = cs.high;
    java.util.List<int[]> couplings = cs.couplings;

    // Substitute until no sum has one unknown, or two of coefficients ±1.
    int sums = sumVars.size();
    boolean[] done = new boolean[sums];
    long[] coefficientOf = new long[size];
    int[] touched = new int[size];
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int r = 0; r < sums; r++) {
        if (done[r]) {
          continue;
        }
        int n = substitute(sumVars.get(r), sumCoefficients.get(r), base, sign, coefficientOf, touched);
        long k = sumConstants.get(r) - offsetSum(sumVars.get(r), sumCoefficients.get(r), offset);
        int live = 0;
        int b1 = -1;
        int b2 = -1;
        for (int i = 0; i < n; i++) {
          if (coefficientOf[touched[i]] != 0) {
            live++;
            if (b1 < 0) {
              b1 = touched[i];
            } else {
              b2 = touched[i];
            }
          }
        }
        long a1 = b1 >= 0 ? coefficientOf[b1] : 0;
        long a2 = b2 >= 0 ? coefficientOf[b2] : 0;
        clear(coefficientOf, touched, n);
        if (live == 0) {
          done[r] = true;
        } else if (live == 1 && k % a1 == 0) {
          rebase(b1, -1, k / a1, 0, base, offset, sign);
          done[r] = true;
          changed = true;
        } else if (live == 2 && Math.abs(a1) == 1 && Math.abs(a2) == 1) {
          // a1·y1 + a2·y2 = k  ⇒  y2 = a2·k − a1·a2·y1
          rebase(b2, b1, a2 * k, (int) (-a1 * a2), base, offset, sign);
          done[r] = true;
          changed = true;
        }
      }
    }

    // Bounds of each remaining unknown from those of the cells expressed in it.
    double[] low = new double[size];
    double[] high = new double[size];
    java.util.Arrays.fill(high, Double.POSITIVE_INFINITY);
    for (int i = 0; i < size; i++) {
      if (!narrow(i, varLow[i], varHigh[i], base, offset, sign, low, high)) {
        return null;
      }
    }
    for (int[] c : couplings) {
      int p = c[0];
      int w = c[1];
      if (base[p] >= 0 && base[w] >= 0 && base[p] != base[w]) {
        return null;
      }
      // part − whole ≤ 0, in one remaining unknown y (or none): slope·y ≤ o_w − o_p.
      int y = base[p] >= 0 ? base[p] : base[w];
      long slope = (base[p] == y && y >= 0 ? sign[p] : 0) - (base[w] == y && y >= 0 ? sign[w] : 0);
      long room = offset[w] - offset[p];
      if (slope == 0) {
        if (room < 0) {
          throw new IllegalStateException("contradictory bounds around cell " + m.keys[queue[p]]);
        }
      } else if (slope > 0) {
        high[y] = Math.min(high[y], (double) room / slope);
      } else {
        low[y] = Math.max(low[y], (double) room / slope);
      }
    }
    int t = base[target];
    if (t < 0) {
      return new Range(offset[target], offset[target]);
    }
    // The sums still open, over the remaining unknowns.
    double tLow = low[t];
    double tHigh = high[t];
    int open = 0;
    int withTarget = 0;
    for (int r = 0; r < sums; r++) {
      if (done[r]) {
        continue;
      }
      open++;
      int n = substitute(sumVars.get(r), sumCoefficients.get(r), base, sign, coefficientOf, touched);
      long k = sumConstants.get(r) - offsetSum(sumVars.get(r), sumCoefficients.get(r), offset);
      long at = coefficientOf[t];
      if (at != 0) {
        withTarget++;
        double othersLow = 0;
        double othersHigh = 0;
        for (int i = 0; i < n; i++) {
          int b = touched[i];
          long a = coefficientOf[b];
          if (b == t || a == 0) {
            continue;
          }
          othersLow += a > 0 ? a * low[b] : a * high[b];
          othersHigh += a > 0 ? a * high[b] : a * low[b];
        }
        double l = at > 0 ? (k - othersHigh) / at : (k - othersLow) / at;
        double h = at > 0 ? (k - othersLow) / at : (k - othersHigh) / at;
        tLow = Math.max(tLow, Double.isNaN(l) ? tLow : l);
        tHigh = Math.min(tHigh, Double.isNaN(h) ? tHigh : h);
      }
      clear(coefficientOf, touched, n);
    }
    if (withTarget > 1 || (withTarget == 1 && open > 1)) {
      return null;
    }
    if (tLow > tHigh + EPS) {
      throw new IllegalStateException("the relations around cell " + m.keys[queue[target]] + " have no solution");
    }
    double lo = sign[target] > 0 ? offset[target] + tLow : offset[target] - tHigh;
    double hi = sign[target] > 0 ? offset[target] + tHigh : offset[target] - tLow;
    long lower = (long) Math.ceil(lo - EPS);
    long upper = Double.isInfinite(hi) ? Long.MAX_VALUE : (long) Math.floor(hi + EPS);
    return new Range(lower, Math.max(lower, upper));
  }

  /**
   * The relations touching the component {@code queue[0, size)}, over its unknowns: each sum as
   * {@code Σ coefficient · unknown = constant}, each at-most relation between two unknowns as a
   * coupling, and those with one unknown as its bounds.
   */
  private Constraints gather(int size) {
    stamp++;
    Constraints cs = new Constraints(size);
    for (int i = 0; i < size; i++) {
      int cell = queue[i];
      for (int r : m.relationsOf[cell]) {
        if (relationStamp[r] == stamp) {
          continue;
        }
        relationStamp[r] = stamp;
        int[] rc = m.relationCells[r];
        int[] co = m.relationCoefficients[r];
        int unknowns = 0;
        for (int c : rc) {
          unknowns += varOf[c] >= 0 ? 1 : 0;
        }
        int[] vars = new int[unknowns];
        int[] coefficients = new int[unknowns];
        long constant = 0;
        int k = 0;
        for (int j = 0; j < rc.length; j++) {
          if (varOf[rc[j]] >= 0) {
            vars[k] = varOf[rc[j]];
            coefficients[k++] = co[j];
          } else {
            constant -= (long) co[j] * m.values[rc[j]];
          }
        }
        cs.sumVars.add(vars);
        cs.sumCoefficients.add(coefficients);
        cs.sumConstants.add(constant);
      }
      for (int b : m.boundsOf[cell]) {
        if (boundStamp[b] == stamp) {
          continue;
        }
        boundStamp[b] = stamp;
        int part = varOf[m.parts[b]];
        int whole = varOf[m.wholes[b]];
        if (part >= 0 && whole >= 0) {
          cs.couplings.add(new int[] {part, whole});
        } else if (part >= 0) {
          cs.high[part] = Math.min(cs.high[part], m.values[m.wholes[b]]);
        } else {
          cs.low[whole] = Math.max(cs.low[whole], m.values[m.parts[b]]);
        }
      }
    }

    return cs;
  }

  /** The relations of one component over its unknowns, from {@link #gather}. */
  private static final class Constraints {
    final java.util.List<int[]> sumVars = new java.util.ArrayList<>();
    final java.util.List<int[]> sumCoefficients = new java.util.ArrayList<>();
    final java.util.List<Long> sumConstants = new java.util.ArrayList<>();
    final java.util.List<int[]> couplings = new java.util.ArrayList<>();
    final double[] low;
    final double[] high;

    Constraints(int size) {
      low = new double[size];
      high = new double[size];
      java.util.Arrays.fill(high, Double.POSITIVE_INFINITY);
    }
  }

  /** Adds up the coefficients of a sum per remaining unknown; returns how many were touched. */
  private static int substitute(int[] vars, int[] coefficients, int[] base, int[] sign, long[] coefficientOf,
      int[] touched) {
    int n = 0;
    for (int j = 0; j < vars.length; j++) {
      int b = base[vars[j]];
      if (b < 0) {
        continue;
      }
      if (coefficientOf[b] == 0 && !contains(touched, n, b)) {
        touched[n++] = b;
      }
      coefficientOf[b] += (long) coefficients[j] * sign[vars[j]];
    }
    return n;
  }

  private static boolean contains(int[] a, int n, int x) {
    for (int i = 0; i < n; i++) {
      if (a[i] == x) {
        return true;
      }
    }
    return false;
  }

  private static long offsetSum(int[] vars, int[] coefficients, long[] offset) {
    long s = 0;
    for (int j = 0; j < vars.length; j++) {
      s += (long) coefficients[j] * offset[vars[j]];
    }
    return s;
  }

  private static void clear(long[] coefficientOf, int[] touched, int n) {
    for (int i = 0; i < n; i++) {
      coefficientOf[touched[i]] = 0;
    }
  }

  /** Every unknown expressed in {@code from} is re-expressed with {@code from = alpha + beta·to} ({@code to} −1: a constant). */
  private static void rebase(int from, int to, long alpha, int beta, int[] base, long[] offset, int[] sign) {
    for (int i = 0; i < base.length; i++) {
      if (base[i] == from) {
        offset[i] += sign[i] * alpha;
        sign[i] *= beta;
        base[i] = to;
        if (to < 0) {
          sign[i] = 1;
        }
      }
    }
  }

  /** Narrows the bounds of unknown {@code i}'s base by {@code low ≤ offset + sign·y ≤ high}; false if it is a fixed value that breaks them. */
  private static boolean narrow(int i, double lowI, double highI, int[] base, long[] offset, int[] sign,
      double[] low, double[] high) {
    int b = base[i];
    if (b < 0) {
      return offset[i] >= lowI - EPS && offset[i] <= highI + EPS;
    }
    if (sign[i] > 0) {
      low[b] = Math.max(low[b], lowI - offset[i]);
      high[b] = Math.min(high[b], highI - offset[i]);
    } else {
      low[b] = Math.max(low[b], offset[i] - highI);
      high[b] = Math.min(high[b], offset[i] - lowI);
    }
    return true;
  }

  /** Whether some sum holds {@code cell} as its only unknown: then the attacker has it exactly. */
  private boolean pinned(int cell) {
    for (int r : m.relationsOf[cell]) {
      int unknowns = 0;
      for (int c : m.relationCells[r]) {
        if (varOf[c] >= 0) {
          unknowns++;
        }
      }
      if (unknowns == 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * Numbers the unknown cells connected to {@code cells} through relations into {@code varOf} and
   * {@code queue[0, size)}.
   */
  private int component(int[] cells, Unknown unknown, int limit) {
    int size = 0;
    for (int c : cells) {
      if (varOf[c] < 0 && unknown.test(c)) {
        size = enqueue(c, size);
      }
    }
    for (int head = 0; head < size; head++) {
      if (size > COMPONENT_LIMIT && size > limit) {
        for (int i = 0; i < size; i++) {
          varOf[queue[i]] = -1;
        }
        return -1;
      }
      int cell = queue[head];
      for (int r : m.relationsOf[cell]) {
        for (int c : m.relationCells[r]) {
          if (varOf[c] < 0 && unknown.test(c)) {
            size = enqueue(c, size);
          }
        }
      }
      for (int b : m.boundsOf[cell]) {
        int other = m.parts[b] == cell ? m.wholes[b] : m.parts[b];
        if (varOf[other] < 0 && unknown.test(other)) {
          size = enqueue(other, size);
        }
      }
    }
    return size;
  }

  private int enqueue(int cell, int size) {
    if (size >= cap) {
      capped = true;
      return size;
    }
    if (size == queue.length) {
      queue = Arrays.copyOf(queue, size * 2);
    }
    varOf[cell] = size;
    queue[size] = cell;
    return size + 1;
  }
}
