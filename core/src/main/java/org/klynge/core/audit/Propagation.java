package org.klynge.core.audit;

import static org.klynge.core.audit.CellIndex.UNBOUNDED;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * Narrows the cells' bounds by interval arithmetic over the relations until nothing changes (or a work
 * budget is spent; the bounds are sound at any point).
 *
 * <p>For an equality {@code Σ aᵢ xᵢ = 0} each term lies between minus the largest and minus the smallest
 * sum of the others; for {@code Σ aᵢ xᵢ ≤ 0} only the upper side holds. Example: a cluster of 20 with two
 * clinics shown rounded to [3, 7] and [10, 14] leaves the third in [20 − 7 − 14, 20 − 3 − 10] = [0, 7].
 * Bounds stay integers (a term's bound is divided by its coefficient and rounded inwards). A relation
 * that would empty a cell's interval is contradicted by the data; propagation leaves the cell as it is.
 */
final class Propagation {

  /** How many relation evaluations, per relation, the propagation may spend. */
  static final int BUDGET_PER_RELATION = 50;

  private Propagation() {}

  /** Propagates {@code relations} (period relations excluded) over {@code cells} to a fixed point. */
  static void run(CellIndex cells, List<Relation> relations) {
    int[][] byCell = relationsByCell(cells.size(), relations);
    ArrayDeque<Integer> work = new ArrayDeque<>();
    boolean[] queued = new boolean[relations.size()];
    for (int i = 0; i < relations.size(); i++) {
      if (!relations.get(i).period()) {
        work.add(i);
        queued[i] = true;
      }
    }
    long budget = (long) BUDGET_PER_RELATION * relations.size() + 1000;
    while (!work.isEmpty() && budget-- > 0) {
      int i = work.poll();
      queued[i] = false;
      Relation r = relations.get(i);
      int[] changed = narrow(cells, r);
      for (int c : changed) {
        for (int j : byCell[c]) {
          if (j != i && !queued[j] && !relations.get(j).period()) {
            queued[j] = true;
            work.add(j);
          }
        }
      }
    }
  }

  /** For each cell, the relations it is in. */
  static int[][] relationsByCell(int cellCount, List<Relation> relations) {
    int[] counts = new int[cellCount];
    for (Relation r : relations) {
      for (int c : r.cells()) {
        counts[c]++;
      }
    }
    int[][] byCell = new int[cellCount][];
    for (int c = 0; c < cellCount; c++) {
      byCell[c] = new int[counts[c]];
    }
    int[] fill = new int[cellCount];
    for (int i = 0; i < relations.size(); i++) {
      for (int c : relations.get(i).cells()) {
        byCell[c][fill[c]++] = i;
      }
    }
    return byCell;
  }

  /** The smallest and largest value of each term {@code aᵢ xᵢ}, with ±∞ as {@link Long#MIN_VALUE}/{@code MAX}. */
  private static long termMin(CellIndex cells, int c, int a) {
    return a > 0 ? cells.lower[c] * a : (cells.upper[c] == UNBOUNDED ? Long.MIN_VALUE : cells.upper[c] * a);
  }

  private static long termMax(CellIndex cells, int c, int a) {
    return a > 0 ? (cells.upper[c] == UNBOUNDED ? Long.MAX_VALUE : cells.upper[c] * a) : cells.lower[c] * a;
  }

  /** Whether the relation can hold within the cells' current bounds. */
  static boolean satisfiable(CellIndex cells, Relation r) {
    long min = 0;
    long max = 0;
    boolean minInfinite = false;
    boolean maxInfinite = false;
    for (int i = 0; i < r.cells().length; i++) {
      long lo = termMin(cells, r.cells()[i], r.coefficients()[i]);
      long hi = termMax(cells, r.cells()[i], r.coefficients()[i]);
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
  private static int[] narrow(CellIndex cells, Relation r) {
    int n = r.cells().length;
    long[] tmin = new long[n];
    long[] tmax = new long[n];
    long minSum = 0;
    long maxSum = 0;
    int minInfinite = 0;
    int maxInfinite = 0;
    for (int i = 0; i < n; i++) {
      tmin[i] = termMin(cells, r.cells()[i], r.coefficients()[i]);
      tmax[i] = termMax(cells, r.cells()[i], r.coefficients()[i]);
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
      long lo = cells.lower[c];
      long hi = cells.upper[c];
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
        break;
      }
      if (lo != cells.lower[c] || hi != cells.upper[c]) {
        cells.lower[c] = lo;
        cells.upper[c] = hi;
        changed[changes++] = c;
      }
    }
    return Arrays.copyOf(changed, changes);
  }

  private static long ceilDiv(long x, long y) {
    return -Math.floorDiv(-x, y);
  }
}
