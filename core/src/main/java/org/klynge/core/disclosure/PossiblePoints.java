package org.klynge.core.disclosure;

import java.util.Arrays;

/**
 * Points the attacker cannot rule out, kept from earlier linear programs, and the part of a form's
 * derivable range they prove without a new one.
 *
 * <p>A point gives values to some hidden cells, every other cell at its true value, such that every
 * sum and at-most relation holds and no count is negative. The optimal points of {@link
 * DerivableRange}'s linear programs are such points (each is checked here before it is kept, rather
 * than taken on the solver's word). Hiding more cells only adds unknowns, so a point stays possible
 * for good: the value of a form at it lies within the form's derivable range for the outsider, and
 * for every insider whose own cells it leaves at their true values. The true values are such a point
 * too. So the lowest and the highest value of a form over the kept points, and its true value, are a
 * range the attacker can never narrow; a target whose requirement that range already meets needs no
 * linear program.
 *
 * <p>Per cell the latest {@link #PER_CELL} points that move it are kept. Not thread-safe: one per
 * suppression.
 */
final class PossiblePoints {
  /** How many points are kept per cell they move. */
  static final int PER_CELL = 8;
  /**
   * How far a solver's value may lie from a whole number and still be taken as it, and how far a
   * point may miss a relation and still count as satisfying it.
   */
  private static final double TOLERANCE = 1e-7;

  private final DisclosureModel m;
  private final DerivableRange.Unknown hidden;
  private final Point[][] pointsOf;
  private final byte[] next;
  private long kept;
  private long refused;

  /**
   * @param model the cells and relations
   * @param hidden which cells are hidden now (a view that only grows)
   */
  PossiblePoints(DisclosureModel model, DerivableRange.Unknown hidden) {
    this.m = model;
    this.hidden = hidden;
    pointsOf = new Point[model.size()][];
    next = new byte[model.size()];
  }

  /**
   * One possible point.
   *
   * @param cells the cells it moves from their true values, ascending
   * @param values their values there
   * @param insiders the insiders owning any of those cells, ascending (it proves nothing to them)
   */
  private record Point(int[] cells, double[] values, int[] insiders) {
    double value(int cell, long truth) {
      int i = Arrays.binarySearch(cells, cell);
      return i >= 0 ? values[i] : truth;
    }

    boolean moves(int insider) {
      return Arrays.binarySearch(insiders, insider) >= 0;
    }
  }

  /** The points kept so far. */
  long kept() {
    return kept;
  }

  /** The points offered but not kept because some relation fails there. */
  long refused() {
    return refused;
  }

  /**
   * Keeps the point {@code values} of the hidden {@code cells} (every other cell at its true value)
   * if it is possible; a point that moves nothing or that breaks a relation is dropped.
   */
  void keep(int[] cells, double[] values) {
    Integer[] moving = new Integer[cells.length];
    int n = 0;
    for (int i = 0; i < cells.length; i++) {
      double whole = Math.rint(values[i]);
      if (Math.abs(values[i] - whole) <= TOLERANCE) {
        values[i] = whole;
      }
      if (Math.abs(values[i] - m.values[cells[i]]) > TOLERANCE) {
        moving[n++] = i;
      }
    }
    if (n == 0) {
      return;
    }
    Integer[] order = Arrays.copyOf(moving, n);
    Arrays.sort(order, (a, b) -> Integer.compare(cells[a], cells[b]));
    int[] moved = new int[n];
    double[] at = new double[n];
    for (int i = 0; i < n; i++) {
      moved[i] = cells[order[i]];
      at[i] = values[order[i]];
      if (i > 0 && moved[i] == moved[i - 1]) {
        refused++;
        return;
      }
    }
    int[] owners = Arrays.stream(moved).flatMap(c -> Arrays.stream(m.insidersOf[c])).sorted().distinct().toArray();
    Point p = new Point(moved, at, owners);
    if (!possible(p)) {
      refused++;
      return;
    }
    kept++;
    for (int c : moved) {
      if (pointsOf[c] == null) {
        pointsOf[c] = new Point[PER_CELL];
      }
      pointsOf[c][next[c]] = p;
      next[c] = (byte) ((next[c] + 1) % PER_CELL);
    }
  }

  /**
   * The range of {@code Σ coefficients[i] · cells[i]} over its true value and the kept points that
   * {@code insider} (−1: the outsider, who knows no cell) cannot rule out, bounds rounded inwards as
   * {@link DerivableRange}'s are: the derivable range holds at least this. Never unbounded.
   */
  Range range(int[] cells, int[] coefficients, int insider) {
    double truth = 0;
    for (int i = 0; i < cells.length; i++) {
      truth += (double) coefficients[i] * m.values[cells[i]];
    }
    double low = truth;
    double high = truth;
    for (int c : cells) {
      Point[] ps = pointsOf[c];
      if (ps == null) {
        continue;
      }
      for (Point p : ps) {
        if (p == null || (insider >= 0 && p.moves(insider))) {
          continue;
        }
        double v = 0;
        for (int i = 0; i < cells.length; i++) {
          v += coefficients[i] * p.value(cells[i], m.values[cells[i]]);
        }
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }
    long lower = (long) Math.ceil(low - TOLERANCE);
    long upper = (long) Math.floor(high + TOLERANCE);
    return new Range(lower, Math.max(lower, upper));
  }

  /**
   * Whether the attacker cannot rule out {@code p} now: it moves hidden cells only, none below 0,
   * and every sum and at-most relation holds there, within the solver's slack.
   */
  private boolean possible(Point p) {
    for (int i = 0; i < p.cells.length; i++) {
      int c = p.cells[i];
      if (!hidden.test(c) || p.values[i] < -TOLERANCE) {
        return false;
      }
      for (int r : m.relationsOf[c]) {
        int[] rc = m.relationCells[r];
        int[] co = m.relationCoefficients[r];
        double sum = 0;
        for (int j = 0; j < rc.length; j++) {
          sum += co[j] * p.value(rc[j], m.values[rc[j]]);
        }
        if (Math.abs(sum) > TOLERANCE) {
          return false;
        }
      }
      for (int b : m.boundsOf[c]) {
        double part = p.value(m.parts[b], m.values[m.parts[b]]);
        double whole = p.value(m.wholes[b], m.values[m.wholes[b]]);
        if (part > whole + TOLERANCE) {
          return false;
        }
      }
    }
    return true;
  }
}
