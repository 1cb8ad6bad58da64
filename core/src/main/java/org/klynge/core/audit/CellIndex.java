package org.klynge.core.audit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct counts of the audited files, numbered from 0, with the bounds known for each.
 *
 * <p>A cell is one count: a population identity, a unit and a period. Its bounds start at
 * {@code [0, ∞)}; a shown count narrows them to its value (or, when rounded, to the values that round
 * to it). {@link #UNBOUNDED} stands for ∞. A cell also remembers the first row that holds it, the first row
 * that hides it and the first that shows it, as {@link #location} codes.
 */
final class CellIndex {

  /** The upper bound of a cell nothing bounds. */
  static final long UNBOUNDED = Long.MAX_VALUE;

  /** No location. */
  static final long NOWHERE = -1;

  /** What makes two counts the same unknown. */
  record Key(String population, String unit, LocalDate start, LocalDate end) {}

  private final Map<Key, Integer> ids = new HashMap<>();
  private int size;
  long[] lower = new long[1024];
  long[] upper = new long[1024];
  boolean[] shown = new boolean[1024];
  long[] firstSeen = new long[1024];
  long[] firstHidden = new long[1024];
  long[] firstShown = new long[1024];

  /** The cell of {@code key}, added with bounds {@code [0, ∞)} when new. */
  int cell(Key key) {
    Integer id = ids.get(key);
    if (id != null) {
      return id;
    }
    if (size == lower.length) {
      int n = size * 2;
      lower = Arrays.copyOf(lower, n);
      upper = Arrays.copyOf(upper, n);
      shown = Arrays.copyOf(shown, n);
      firstSeen = Arrays.copyOf(firstSeen, n);
      firstHidden = Arrays.copyOf(firstHidden, n);
      firstShown = Arrays.copyOf(firstShown, n);
    }
    int c = size++;
    ids.put(key, c);
    upper[c] = UNBOUNDED;
    firstSeen[c] = NOWHERE;
    firstHidden[c] = NOWHERE;
    firstShown[c] = NOWHERE;
    return c;
  }

  /** The number of cells. */
  int size() {
    return size;
  }

  /** Whether the cell's value is known exactly. */
  boolean exact(int c) {
    return lower[c] == upper[c];
  }

  /** A hidden unknown: not known exactly, and no row shows it (it is hidden or belongs to no row). */
  boolean hiddenUnknown(int c) {
    return !shown[c] && lower[c] < upper[c];
  }

  /** Whether some row leaves the cell empty: it is a target of the attack. */
  boolean hidden(int c) {
    return firstHidden[c] != NOWHERE;
  }

  /** The code of a location: table, row within the table and which count. */
  static long location(int table, int row, AuditCell.Count count) {
    return ((long) table << 32) | ((long) row << 1) | count.ordinal();
  }

  static int table(long location) {
    return (int) (location >>> 32);
  }

  static int row(long location) {
    return (int) ((location & 0xFFFF_FFFFL) >>> 1);
  }

  static AuditCell.Count count(long location) {
    return (location & 1) == 0 ? AuditCell.Count.NUMERATOR : AuditCell.Count.DENOMINATOR;
  }
}
