package org.klynge.core.audit;

import java.util.HashMap;
import java.util.Map;

/**
 * The bounds of cells that propagation reads and narrows: either the cells' own (all of them), or a local
 * copy for one component's unknowns over the cells' own for the rest, so that relations that may not hold
 * (period relations) can be tried on one component without touching the others.
 */
interface Bounds {

  /** The cell's lower bound. */
  long lower(int c);

  /** The cell's upper bound, {@link CellIndex#UNBOUNDED} for none. */
  long upper(int c);

  /** Sets the cell's bounds. */
  void set(int c, long lower, long upper);

  /** The cells' own bounds. */
  static Bounds of(CellIndex cells) {
    return new Bounds() {
      @Override
      public long lower(int c) {
        return cells.lower[c];
      }

      @Override
      public long upper(int c) {
        return cells.upper[c];
      }

      @Override
      public void set(int c, long lower, long upper) {
        cells.lower[c] = lower;
        cells.upper[c] = upper;
      }
    };
  }

  /** A copy of the bounds of {@code unknowns} over the cells' own for every other cell (read only). */
  static Bounds local(CellIndex cells, int[] unknowns) {
    Map<Integer, Integer> index = new HashMap<>(unknowns.length * 2);
    long[] lower = new long[unknowns.length];
    long[] upper = new long[unknowns.length];
    for (int i = 0; i < unknowns.length; i++) {
      index.put(unknowns[i], i);
      lower[i] = cells.lower[unknowns[i]];
      upper[i] = cells.upper[unknowns[i]];
    }
    return new Bounds() {
      @Override
      public long lower(int c) {
        Integer i = index.get(c);
        return i == null ? cells.lower[c] : lower[i];
      }

      @Override
      public long upper(int c) {
        Integer i = index.get(c);
        return i == null ? cells.upper[c] : upper[i];
      }

      @Override
      public void set(int c, long lo, long hi) {
        Integer i = index.get(c);
        if (i == null) {
          throw new IllegalStateException("cell " + c + " is not an unknown of this component");
        }
        lower[i] = lo;
        upper[i] = hi;
      }
    };
  }
}
