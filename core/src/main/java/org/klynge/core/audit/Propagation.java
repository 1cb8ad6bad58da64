package org.klynge.core.audit;

import static org.klynge.core.audit.CellIndex.UNBOUNDED;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Narrows cells' bounds by interval arithmetic over relations until nothing changes (or a work budget is
 * spent; the bounds are sound at any point).
 *
 * <p>For an equality {@code Σ aᵢ xᵢ = 0} each term lies between minus the largest and minus the smallest
 * sum of the others; for {@code Σ aᵢ xᵢ ≤ 0} only the upper side holds. Example: a cluster of 20 with two
 * clinics shown rounded to [3, 7] and [10, 14] leaves the third in [20 − 7 − 14, 20 − 3 − 10] = [0, 7].
 * Bounds stay integers (a term's bound is divided by its coefficient and rounded inwards). A relation
 * that would empty a cell's interval is contradicted by the data; propagation leaves the cell as it is and
 * notes the relation.
 */
final class Propagation {

  /** How many relation evaluations, per relation, the propagation may spend. */
  static final int BUDGET_PER_RELATION = 50;

  private Propagation() {}

  /**
   * How propagation ended.
   *
   * @param converged whether it reached a fixed point within its budget
   * @param contradicted per relation (by index), whether the data contradicted it at some point
   */
  record Outcome(boolean converged, boolean[] contradicted) {

    /** Whether any relation was contradicted. */
    boolean anyContradicted() {
      for (boolean c : contradicted) {
        if (c) {
          return true;
        }
      }
      return false;
    }
  }

  /** Propagates the relations other than period relations over the cells' own bounds. */
  static Outcome run(CellIndex cells, List<Relation> relations) {
    return run(Bounds.of(cells), relations, false);
  }

  /** Propagates {@code relations} (period relations only when {@code withPeriods}) over {@code bounds}. */
  static Outcome run(Bounds bounds, List<Relation> relations, boolean withPeriods) {
    Map<Integer, List<Integer>> byCell = new HashMap<>();
    ArrayDeque<Integer> work = new ArrayDeque<>();
    boolean[] queued = new boolean[relations.size()];
    for (int i = 0; i < relations.size(); i++) {
      Relation r = relations.get(i);
      if (withPeriods || !r.period()) {
        work.add(i);
        queued[i] = true;
        for (int c : r.cells()) {
          byCell.computeIfAbsent(c, k -> new ArrayList<>(2)).add(i);
        }
      }
    }
    boolean[] contradicted = new boolean[relations.size()];
    long budget = (long) BUDGET_PER_RELATION * relations.size() + 1000;
    while (!work.isEmpty() && budget-- > 0) {
      int i = work.poll();
      queued[i] = false;
      Relation r = relations.get(i);
      int[] changed = narrow(bounds, r, contradicted, i);
      for (int c : changed) {
        for (int j : byCell.get(c)) {
          // one pass leaves a ±1 relation at its own fixed point; with larger coefficients rounding may not
          if ((j != i || !unitCoefficients(r)) && !queued[j]) {
            queued[j] = true;
            work.add(j);
          }
        }
      }
    }
    return new Outcome(work.isEmpty(), contradicted);
  }

  private static boolean unitCoefficients(Relation r) {
    for (int a : r.coefficients()) {
      if (a != 1 && a != -1) {
        return false;
      }
    }
    return true;
  }

  /** The smallest value of the term {@code a · x}, {@link Long#MIN_VALUE} for −∞. */
  private static long termMin(Bounds b, int c, int a) {
    return a > 0 ? b.lower(c) * a : (b.upper(c) == UNBOUNDED ? Long.MIN_VALUE : b.upper(c) * a);
  }

  /** The largest value of the term {@code a · x}, {@link Long#MAX_VALUE} for +∞. */
  private static long termMax(Bounds b, int c, int a) {
    return a > 0 ? (b.upper(c) == UNBOUNDED ? Long.MAX_VALUE : b.upper(c) * a) : b.lower(c) * a;
  }

  /** Whether the relation can hold within the cells' current bounds. */
  static boolean satisfiable(CellIndex cells, Relation r) {
    Bounds b = Bounds.of(cells);
    long min = 0;
    long max = 0;
    boolean minInfinite = false;
    boolean maxInfinite = false;
    for (int i = 0; i < r.cells().length; i++) {
      long lo = termMin(b, r.cells()[i], r.coefficients()[i]);
      long hi = termMax(b, r.cells()[i], r.coefficients()[i]);
      if (lo == Long.MIN_VALUE) {
        minInfinite = true;
      } else {
        min += lo;
      }
      if (hi == Long.MAX_VALUE) {
        maxInfinite = true;
      } else {
        max += hi;
      }
    }
    return (minInfinite || min <= 0) && (!r.equality() || maxInfinite || max >= 0);
  }

  /** Narrows the cells of one relation; returns the cells whose bounds changed. */
  private static int[] narrow(Bounds bounds, Relation r, boolean[] contradicted, int index) {
    int n = r.cells().length;
    long[] tmin = new long[n];
    long[] tmax = new long[n];
    long minSum = 0;
    long maxSum = 0;
    int minInfinite = 0;
    int maxInfinite = 0;
    for (int i = 0; i < n; i++) {
      tmin[i] = termMin(bounds, r.cells()[i], r.coefficients()[i]);
      tmax[i] = termMax(bounds, r.cells()[i], r.coefficients()[i]);
      if (tmin[i] == Long.MIN_VALUE) {
        minInfinite++;
      } else {
        minSum += tmin[i];
      }
      if (tmax[i] == Long.MAX_VALUE) {
        maxInfinite++;
      } else {
        maxSum += tmax[i];
      }
    }
    int[] changed = new int[n];
    int changes = 0;
    for (int i = 0; i < n; i++) {
      // term i ≤ −(Σ of the others' minima); for an equality also term i ≥ −(Σ of the others' maxima)
      boolean othersMinFinite = minInfinite - (tmin[i] == Long.MIN_VALUE ? 1 : 0) == 0;
      boolean othersMaxFinite = maxInfinite - (tmax[i] == Long.MAX_VALUE ? 1 : 0) == 0;
      long termUpper = othersMinFinite ? -(minSum - (tmin[i] == Long.MIN_VALUE ? 0 : tmin[i])) : Long.MAX_VALUE;
      long termLower = r.equality() && othersMaxFinite
          ? -(maxSum - (tmax[i] == Long.MAX_VALUE ? 0 : tmax[i])) : Long.MIN_VALUE;
      int c = r.cells()[i];
      int a = r.coefficients()[i];
      long lo = bounds.lower(c);
      long hi = bounds.upper(c);
      if (a > 0) {
        if (termUpper != Long.MAX_VALUE) {
          hi = Math.min(hi, Math.floorDiv(termUpper, a));
        }
        if (termLower != Long.MIN_VALUE) {
          lo = Math.max(lo, ceilDiv(termLower, a));
        }
      } else {
        // a·x ≤ U means x ≥ U / a; a·x ≥ L means x ≤ L / a (a < 0)
        if (termUpper != Long.MAX_VALUE) {
          lo = Math.max(lo, ceilDiv(termUpper, a));
        }
        if (termLower != Long.MIN_VALUE) {
          hi = Math.min(hi, Math.floorDiv(termLower, a));
        }
      }
      if (lo > hi) {
        contradicted[index] = true;
        break;
      }
      if (lo != bounds.lower(c) || hi != bounds.upper(c)) {
        bounds.set(c, lo, hi);
        changed[changes++] = c;
      }
    }
    return Arrays.copyOf(changed, changes);
  }

  private static long ceilDiv(long x, long y) {
    return -Math.floorDiv(-x, y);
  }
}
