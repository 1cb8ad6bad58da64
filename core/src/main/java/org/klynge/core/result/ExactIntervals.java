package org.klynge.core.result;

import java.util.Arrays;
import org.klynge.core.stats.Interval;
import org.klynge.core.stats.Proportions;
import org.klynge.core.stats.Rates;

/**
 * The exact intervals of one assessment, each computed once per distinct count: the exact Poisson
 * limits of a count {@code x} ({@link Rates#exactCount}) and the Clopper–Pearson limits of {@code x}
 * of {@code n} ({@link Proportions#clopperPearson}, for rate ratios). These need gamma and beta
 * quantiles, microseconds each, while a table of half a million rows holds far fewer distinct
 * counts (small counts recur in every clinic and month). The tables are open-addressed arrays of
 * primitive keys, so a look-up neither boxes nor allocates.
 *
 * <p>Not thread-safe: one instance belongs to one call of {@link Assessment#assess}. {@link
 * #direct()} computes every interval afresh (the reference the tests compare with).
 */
final class ExactIntervals {
  private static final long EMPTY = -1;

  private final double level;
  private final boolean memo;
  private long[] poissonKeys = filled(256);
  private Interval[] poissonValues = new Interval[256];
  private int poissonSize;
  private long[] pairX = filled(256);
  private long[] pairN = new long[256];
  private Interval[] pairValues = new Interval[256];
  private int pairSize;

  private ExactIntervals(double level, boolean memo) {
    this.level = level;
    this.memo = memo;
  }

  /** Intervals at {@code level}, each computed once. */
  static ExactIntervals memo(double level) {
    return new ExactIntervals(level, true);
  }

  /** Intervals at {@code level}, computed at every call. */
  static ExactIntervals direct(double level) {
    return new ExactIntervals(level, false);
  }

  /** {@link Rates#exactCount}{@code (x, level)}. */
  Interval poisson(long x) {
    if (!memo || x < 0) {
      return Rates.exactCount(x, level);
    }
    int mask = poissonKeys.length - 1;
    for (int i = slot(x, 0, mask); ; i = (i + 1) & mask) {
      if (poissonKeys[i] == x) {
        return poissonValues[i];
      }
      if (poissonKeys[i] == EMPTY) {
        Interval v = Rates.exactCount(x, level);
        poissonKeys[i] = x;
        poissonValues[i] = v;
        if (++poissonSize * 2 > poissonKeys.length) {
          growPoisson();
        }
        return v;
      }
    }
  }

  /** {@link Proportions#clopperPearson}{@code (x, n, level)} for {@code n > 0}. */
  Interval clopperPearson(long x, long n) {
    if (!memo || x < 0 || n <= 0) {
      return Proportions.clopperPearson(x, n, level).orElseThrow();
    }
    int mask = pairX.length - 1;
    for (int i = slot(x, n, mask); ; i = (i + 1) & mask) {
      if (pairX[i] == x && pairN[i] == n) {
        return pairValues[i];
      }
      if (pairX[i] == EMPTY) {
        Interval v = Proportions.clopperPearson(x, n, level).orElseThrow();
        pairX[i] = x;
        pairN[i] = n;
        pairValues[i] = v;
        if (++pairSize * 2 > pairX.length) {
          growPairs();
        }
        return v;
      }
    }
  }

  private void growPoisson() {
    long[] keys = poissonKeys;
    Interval[] values = poissonValues;
    poissonKeys = filled(keys.length * 2);
    poissonValues = new Interval[keys.length * 2];
    int mask = poissonKeys.length - 1;
    for (int j = 0; j < keys.length; j++) {
      if (keys[j] != EMPTY) {
        int i = slot(keys[j], 0, mask);
        while (poissonKeys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        poissonKeys[i] = keys[j];
        poissonValues[i] = values[j];
      }
    }
  }

  private void growPairs() {
    long[] xs = pairX;
    long[] ns = pairN;
    Interval[] values = pairValues;
    pairX = filled(xs.length * 2);
    pairN = new long[xs.length * 2];
    pairValues = new Interval[xs.length * 2];
    int mask = pairX.length - 1;
    for (int j = 0; j < xs.length; j++) {
      if (xs[j] != EMPTY) {
        int i = slot(xs[j], ns[j], mask);
        while (pairX[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        pairX[i] = xs[j];
        pairN[i] = ns[j];
        pairValues[i] = values[j];
      }
    }
  }

  private static int slot(long a, long b, int mask) {
    long h = (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL);
    return (int) (h ^ (h >>> 29)) & mask;
  }

  private static long[] filled(int size) {
    long[] a = new long[size];
    Arrays.fill(a, EMPTY);
    return a;
  }
}
