package org.klynge.core.data;

import java.util.function.IntPredicate;

/**
 * The optional parts of events, kept only for the events that have one: value and unit (about a
 * quarter of a national extract's events are measurements with a value), quantity
 * (prescriptions), an end that is not the default one (see {@link PatientData#eventEndDay}), a
 * coded result and a status. Per part, a bit per event says whether it has the part, a count per
 * 64 events finds where its entry is, and the entries lie packed in event order; a part no event
 * has costs nothing. Numbers are kept as the {@code double}
 * that was read, so {@code 16777217} and {@code 0.1} stay what the file says; units are an
 * {@code int} index, so there is no limit on the number of distinct units short of memory.
 *
 * <p>A measurement with a value and a unit takes 12 bytes, a prescription with a quantity 8, an
 * end 4, a coded result 4, a status 1, an event without any 0; each part some event has adds 12
 * bytes per 64 events.
 */
final class EventDetails {
  private final Packed valued;
  private final double[] value;
  private final int[] unit;
  private final Packed quantified;
  private final double[] quantity;
  private final Packed ended;
  private final int[] end;
  private final Packed coded;
  private final int[] valueCode;
  private final Packed withStatus;
  private final byte[] status;

  /**
   * The details of events {@code [0, events)} from full columns: value and quantity {@code NaN}
   * and unit -1 where missing; {@code end} (the end where it is not the default), {@code valueCode}
   * and {@code status} are null when no event has one, else -1 ({@link #DEFAULT_END} for the end)
   * where missing.
   */
  EventDetails(double[] value, int[] unit, double[] quantity, int[] end, int[] valueCode, byte[] status,
      int events) {
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
    ended = end == null ? Packed.NONE : new Packed(events, e -> end[e] != DEFAULT_END);
    this.end = new int[ended.count];
    coded = valueCode == null ? Packed.NONE : new Packed(events, e -> valueCode[e] >= 0);
    this.valueCode = new int[coded.count];
    withStatus = status == null ? Packed.NONE : new Packed(events, e -> status[e] >= 0);
    this.status = new byte[withStatus.count];
    int n = 0;
    int c = 0;
    int s = 0;
    for (int e = 0; e < events; e++) {
      if (ended.has(e)) {
        this.end[n++] = end[e];
      }
      if (coded.has(e)) {
        this.valueCode[c++] = valueCode[e];
      }
      if (withStatus.has(e)) {
        this.status[s++] = status[e];
      }
    }
  }

  /** In a full column of ends: the event has the default end of its type. */
  static final int DEFAULT_END = Integer.MIN_VALUE;

  /** The end of event {@code e} where it is not the default, else {@link #DEFAULT_END}. */
  int end(int e) {
    int i = ended.index(e);
    return i < 0 ? DEFAULT_END : end[i];
  }

  /** Whether some event has an end that is not its default. */
  boolean hasEnds() {
    return end.length > 0;
  }

  /** The coded result of event {@code e} as an id in the value-code dictionary, or -1. */
  int valueCode(int e) {
    int i = coded.index(e);
    return i < 0 ? -1 : valueCode[i];
  }

  /** Whether some event has a coded result. */
  boolean hasValueCodes() {
    return valueCode.length > 0;
  }

  /** The {@link org.klynge.core.model.EventStatus} ordinal of event {@code e}, or -1. */
  int status(int e) {
    int i = withStatus.index(e);
    return i < 0 ? -1 : status[i];
  }

  /** Whether some event has a status. */
  boolean hasStatuses() {
    return status.length > 0;
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
    return valued.estimatedBytes() + quantified.estimatedBytes() + ended.estimatedBytes() + coded.estimatedBytes()
        + withStatus.estimatedBytes() + value.length * (8L + 4) + quantity.length * 8L + end.length * 4L
        + valueCode.length * 4L + status.length;
  }

  /** Which events have a part, and where each one's entry lies among the packed entries. */
  private static final class Packed {
    /** No event has the part. */
    static final Packed NONE = new Packed(0, e -> false);

    private final long[] present;
    /** Per word of {@link #present}: the events with the part before it. */
    private final int[] before;
    private final int count;

    Packed(int events, IntPredicate has) {
      int words = (events + 63) >>> 6;
      long[] present = new long[words];
      int[] before = new int[words];
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
      // a part no event has keeps no bits
      this.present = n == 0 ? new long[0] : present;
      this.before = n == 0 ? new int[0] : before;
    }

    boolean has(int e) {
      return count > 0 && (present[e >>> 6] & (1L << e)) != 0;
    }

    /** Where event {@code e}'s entry lies, or -1 when it has none. */
    int index(int e) {
      if (count == 0) {
        return -1;
      }
      long bits = present[e >>> 6];
      long bit = 1L << e; // the shift takes e modulo 64
      return (bits & bit) == 0 ? -1 : before[e >>> 6] + Long.bitCount(bits & (bit - 1));
    }

    long estimatedBytes() {
      return present.length * 12L;
    }
  }
}
