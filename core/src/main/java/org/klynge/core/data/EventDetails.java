package org.klynge.core.data;

import java.util.function.IntPredicate;

/**
 * The optional parts of events (value, unit, quantity), kept only for the events that have one:
 * about a quarter of a national extract's events (measurements with a value, prescriptions with
 * a quantity). Values and units are one part, quantities another, since an event seldom has
 * both. Per part, a bit per event says whether it has the part, a count per 64 events finds where
 * its entry is, and the entries lie packed in event order. Numbers are kept as the {@code double}
 * that was read, so {@code 16777217} and {@code 0.1} stay what the file says; units are an
 * {@code int} index, so there is no limit on the number of distinct units short of memory.
 *
 * <p>A measurement with a value and a unit takes 12 bytes, a prescription with a quantity 8, an
 * event without either 0; each part adds 12 bytes per 64 events.
 */
final class EventDetails {
  private final Packed valued;
  private final double[] value;
  private final int[] unit;
  private final Packed quantified;
  private final double[] quantity;

  /**
   * The details of events {@code [0, events)} from full columns: value and quantity {@code NaN}
   * and unit -1 where missing.
   */
  EventDetails(double[] value, int[] unit, double[] quantity, int events) {
    valued = new Packed(events, e -> !Double.isNaN(value[e]) || unit[e] >= 0);
    quantified = new Packed(events, e -> !Double.isNaN(quantity[e]));
    this.value = new double[valued.count];
    this.unit = new int[valued.count];
    this.quantity = new double[quantified.count];
    int v = 0;
    int q = 0;
    for (int e = 0; e < events; e++) {
      if (valued.has(e)) {
        this.value[v] = value[e];
        this.unit[v] = unit[e];
        v++;
      }
      if (quantified.has(e)) {
        this.quantity[q++] = quantity[e];
      }
    }
  }

  /** The value of event {@code e}, or {@code NaN} when missing. */
  double value(int e) {
    int i = valued.index(e);
    return i < 0 ? Double.NaN : value[i];
  }

  /** The unit index of event {@code e}, or -1 when none. */
  int unit(int e) {
    int i = valued.index(e);
    return i < 0 ? -1 : unit[i];
  }

  /** The quantity of event {@code e}, or {@code NaN} when missing. */
  double quantity(int e) {
    int i = quantified.index(e);
    return i < 0 ? Double.NaN : quantity[i];
  }

  /** The bytes held by the arrays. */
  long estimatedBytes() {
    return valued.estimatedBytes() + quantified.estimatedBytes() + value.length * (8L + 4) + quantity.length * 8L;
  }

  /** Which events have a part, and where each one's entry lies among the packed entries. */
  private static final class Packed {
    private final long[] present;
    /** Per word of {@link #present}: the events with the part before it. */
    private final int[] before;
    private final int count;

    Packed(int events, IntPredicate has) {
      int words = (events + 63) >>> 6;
      present = new long[words];
      before = new int[words];
      int n = 0;
      for (int e = 0; e < events; e++) {
        if ((e & 63) == 0) {
          before[e >>> 6] = n;
        }
        if (has.test(e)) {
          present[e >>> 6] |= 1L << e;
          n++;
        }
      }
      count = n;
    }

    boolean has(int e) {
      return (present[e >>> 6] & (1L << e)) != 0;
    }

    /** Where event {@code e}'s entry lies, or -1 when it has none. */
    int index(int e) {
      long bits = present[e >>> 6];
      long bit = 1L << e; // the shift takes e modulo 64
      return (bits & bit) == 0 ? -1 : before[e >>> 6] + Long.bitCount(bits & (bit - 1));
    }

    long estimatedBytes() {
      return present.length * 12L;
    }
  }
}
