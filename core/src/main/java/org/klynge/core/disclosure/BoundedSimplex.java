package org.klynge.core.disclosure;

import java.util.Arrays;

/**
 * A dense primal simplex for the small programs of {@link DerivableRange}: variables between
 * bounds, equalities and at-most inequalities, one feasible basis found once and then used for
 * both the minimum and the maximum of a linear form.
 *
 * <pre>
 *   min / max   c · y
 *   subject to  A y = b               (sums)
 *               y_p − y_w ≤ d          (at-most couplings, with a slack each)
 *               0 ≤ y ≤ u              (u may be +∞)
 * </pre>
 *
 * <p>Nonbasic variables sit at one of their bounds (the bounded-variable method), so upper
 * bounds need no rows. Phase one minimises the sum of one artificial per row; Bland's rule
 * (the lowest index enters, ties leave by the lowest index) keeps it from cycling. Programs here
 * have at most a few dozen variables: the tableau is dense. When it cannot settle a program
 * (numerical trouble, too many pivots) it says so, and the caller solves it another way.
 */
final class BoundedSimplex {
  /** The outcome of one optimisation. */
  enum Outcome {
    OPTIMAL,
    UNBOUNDED,
    INFEASIBLE,
    /** Not settled here: the caller solves it another way. */
    UNSETTLED
  }

  private static final double PIVOT = 1e-9;
  private static final double FEASIBLE = 1e-7;
  private static final double OPTIMAL = 1e-9;

  private final int n;
  private final int rows;
  private final int columns;
  private final int artificials;
  /** Row i: B⁻¹A over every column, then B⁻¹b. */
  private final double[][] t;
  private final double[] upper;
  private final double[] value;
  private final int[] basis;
  private final boolean[] atUpper;
  private final boolean[] isBasic;
  private final int pivotLimit;
  private boolean feasible;

  /**
   * @param n the number of variables y
   * @param equalities rows of A, each of length n
   * @param equalityRight b
   * @param couplings pairs {p, w}: y_p − y_w ≤ d
   * @param couplingRight d
   * @param upperBounds u, length n, {@code +∞} for none
   */
  BoundedSimplex(int n, double[][] equalities, double[] equalityRight, int[][] couplings, double[] couplingRight,
      double[] upperBounds) {
    this.n = n;
    int e = equalities.length;
    int k = couplings.length;
    rows = e + k;
    artificials = rows;
    columns = n + k + rows;
    t = new double[rows][columns + 1];
    upper = new double[columns];
    value = new double[columns];
    basis = new int[rows];
    atUpper = new boolean[columns];
    isBasic = new boolean[columns];
    Arrays.fill(upper, Double.POSITIVE_INFINITY);
    System.arraycopy(upperBounds, 0, upper, 0, n);
    double[] right = new double[rows];
    for (int i = 0; i < e; i++) {
      System.arraycopy(equalities[i], 0, t[i], 0, n);
      right[i] = equalityRight[i];
    }
    for (int j = 0; j < k; j++) {
      int i = e + j;
      t[i][couplings[j][0]] += 1;
      t[i][couplings[j][1]] -= 1;
      t[i][n + j] = 1;
      right[i] = couplingRight[j];
    }
    for (int i = 0; i < rows; i++) {
      if (right[i] < 0) {
        for (int c = 0; c < n + k; c++) {
          t[i][c] = -t[i][c];
        }
        right[i] = -right[i];
      }
      t[i][columns] = right[i];
      int a = n + k + i;
      t[i][a] = 1;
      basis[i] = a;
      isBasic[a] = true;
      value[a] = right[i];
    }
    pivotLimit = 50 * (columns + rows) + 1000;
  }

  /**
   * Optimises {@code c · y} ({@code maximise}: its maximum). The first call finds a feasible basis;
   * later calls start from the last one.
   */
  Outcome optimise(double[] c, boolean maximise) {
    if (!feasible) {
      double[] phaseOne = new double[columns];
      for (int a = columns - artificials; a < columns; a++) {
        phaseOne[a] = 1;
      }
      Outcome o = run(phaseOne, columns);
      if (o != Outcome.OPTIMAL) {
        return Outcome.UNSETTLED;
      }
      double infeasibility = 0;
      for (int a = columns - artificials; a < columns; a++) {
        infeasibility += value[a];
      }
      if (infeasibility > FEASIBLE) {
        return Outcome.INFEASIBLE;
      }
      // Artificials leave for good: fixed at 0.
      for (int a = columns - artificials; a < columns; a++) {
        upper[a] = 0;
        value[a] = 0;
        atUpper[a] = false;
      }
      feasible = true;
    }
    double[] cost = new double[columns];
    for (int j = 0; j < n; j++) {
      cost[j] = maximise ? -c[j] : c[j];
    }
    return run(cost, columns - artificials);
  }

  /** The value of variable {@code j} at the last optimum. */
  double value(int j) {
    return value[j];
  }

  /** {@code c · y} at the current point. */
  double objective(double[] c) {
    double s = 0;
    for (int j = 0; j < n; j++) {
      s += c[j] * value[j];
    }
    return s;
  }

  /** Minimises {@code cost} with columns from {@code enterable} on never entering. */
  private Outcome run(double[] cost, int enterable) {
    double[] reduced = new double[columns];
    for (int pivots = 0; pivots < pivotLimit; pivots++) {
      // Reduced costs: c_j − c_B · B⁻¹A_j.
      System.arraycopy(cost, 0, reduced, 0, columns);
      for (int i = 0; i < rows; i++) {
        double cb = cost[basis[i]];
        if (cb != 0) {
          double[] row = t[i];
          for (int j = 0; j < columns; j++) {
            reduced[j] -= cb * row[j];
          }
        }
      }
      int enter = -1;
      int direction = 0;
      for (int j = 0; j < enterable; j++) {
        if (isBasic[j] || upper[j] == 0) {
          continue;
        }
        if (!atUpper[j] && reduced[j] < -OPTIMAL) {
          enter = j;
          direction = 1;
          break;
        }
        if (atUpper[j] && reduced[j] > OPTIMAL) {
          enter = j;
          direction = -1;
          break;
        }
      }
      if (enter < 0) {
        settle();
        return Outcome.OPTIMAL;
      }
      // Ratio test: how far the entering variable can move before a basic one, or itself, meets a bound.
      double step = upper[enter];
      int leave = -1;
      boolean leaveToUpper = false;
      for (int i = 0; i < rows; i++) {
        double a = t[i][enter] * direction;
        if (Math.abs(a) <= PIVOT) {
          continue;
        }
        int b = basis[i];
        double room;
        boolean toUpper;
        if (a > 0) {
          room = value[b] / a;
          toUpper = false;
        } else if (Double.isFinite(upper[b])) {
          room = (upper[b] - value[b]) / -a;
          toUpper = true;
        } else {
          continue;
        }
        room = Math.max(room, 0);
        if (room < step - 1e-12 || (leave >= 0 && Math.abs(room - step) <= 1e-12 && b < basis[leave])) {
          step = room;
          leave = i;
          leaveToUpper = toUpper;
        }
      }
      if (Double.isInfinite(step)) {
        return Outcome.UNBOUNDED;
      }
      // Move: the entering variable by direction · step, the basic ones accordingly.
      for (int i = 0; i < rows; i++) {
        value[basis[i]] -= t[i][enter] * direction * step;
      }
      value[enter] += direction * step;
      if (leave < 0) {
        atUpper[enter] = direction > 0;
        value[enter] = atUpper[enter] ? upper[enter] : 0;
        continue;
      }
      int out = basis[leave];
      pivot(leave, enter);
      isBasic[out] = false;
      atUpper[out] = leaveToUpper;
      value[out] = leaveToUpper ? upper[out] : 0;
      isBasic[enter] = true;
      atUpper[enter] = false;
      basis[leave] = enter;
    }
    return Outcome.UNSETTLED;
  }

  /** The basic values afresh from B⁻¹b and the nonbasic variables at their upper bounds. */
  private void settle() {
    for (int i = 0; i < rows; i++) {
      double[] row = t[i];
      double v = row[columns];
      for (int j = 0; j < columns; j++) {
        if (!isBasic[j] && atUpper[j]) {
          v -= row[j] * upper[j];
        }
      }
      value[basis[i]] = v;
    }
  }

  private void pivot(int r, int enter) {
    double[] pr = t[r];
    double p = pr[enter];
    if (Math.abs(p) <= PIVOT) {
      throw new IllegalStateException("pivot on a zero");
    }
    for (int j = 0; j <= columns; j++) {
      pr[j] /= p;
    }
    for (int i = 0; i < rows; i++) {
      if (i == r) {
        continue;
      }
      double[] row = t[i];
      double f = row[enter];
      if (f != 0) {
        for (int j = 0; j <= columns; j++) {
          row[j] -= f * pr[j];
        }
        row[enter] = 0;
      }
    }
  }
}
