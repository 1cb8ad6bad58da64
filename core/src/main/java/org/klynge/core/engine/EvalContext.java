package org.klynge.core.engine;

import java.util.Arrays;
import org.klynge.core.data.PatientData;

/**
 * The mutable state of evaluating one block of up to 64 consecutive patients for one period on
 * one thread. Criteria are evaluated a block at a time: a node gets the block's patients it is
 * asked about as the bits of a {@code long} and answers with the bits of those it holds for, so
 * the engine chooses what to do once per block and node rather than once per patient. The memo
 * of node results per block and period means a criterion shared by several indicators is
 * computed once per patient. One per thread; never shared.
 */
final class EvalContext {
  /** Patients per block: one bit each in a {@code long}. */
  static final int BLOCK = Long.SIZE;

  final PatientData data;
  final PeriodTable periods;
  /** Per node: the block's patients whose result is known this period. */
  final long[] known;
  /** Per node: the result, for the patients in {@link #known}. */
  final long[] value;

  /** The block's first patient. */
  int base;
  /** One bit for each patient in the block. */
  long all;
  int period;
  /** Per look-up bit: the block's patients with a code the look-up matches. */
  private final long[] canMatch;
  /** Per patient in the block: the clinic listed with on the period's reference date, or -1. */
  final int[] referenceClinic = new int[BLOCK];
  /** The block's patients listed (and alive) on the period's reference date. */
  long listedOnReferenceDay;

  private final long[] codeMasks;
  private final int[] usableFrom;
  private final int[] usableTo;
  private final int singleSource;
  /** Per source, the events in no value set (counted when a block starts). */
  final long[] notInAnyValueSet;
  /** Per source, the events outside every window. */
  final long[] outsideWindows;

  EvalContext(PatientData data, PeriodTable periods, int nodeCount, int lookupBits, long[] codeMasks,
      InputUse inputUse) {
    this.data = data;
    this.periods = periods;
    this.known = new long[nodeCount];
    this.value = new long[nodeCount];
    this.canMatch = new long[lookupBits];
    this.codeMasks = codeMasks;
    this.usableFrom = inputUse.firstDay;
    this.usableTo = inputUse.lastDay;
    this.singleSource = data.singleEventSource();
    this.notInAnyValueSet = new long[data.sources().size()];
    this.outsideWindows = new long[data.sources().size()];
  }

  /**
   * Starts the block of patients {@code from} (inclusive) to {@code to} (exclusive, at most
   * {@link #BLOCK} more): finds which look-ups each patient's codes can match and counts the
   * events no look-up can use.
   */
  void startBlock(int from, int to) {
    base = from;
    int size = to - from;
    all = size == BLOCK ? -1L : (1L << size) - 1;
    Arrays.fill(canMatch, 0);
    long notIn = 0;
    long outside = 0;
    for (int i = 0; i < size; i++) {
      long mask = 0;
      // codes in no value set have an empty usable range, so one range test finds both kinds
      for (int e = data.eventStart(from + i), end = data.eventEnd(from + i); e < end; e++) {
        int code = data.eventCode(e);
        mask |= codeMasks[code];
        int day = data.eventDay(e);
        boolean unusable = usableFrom[code] == Integer.MAX_VALUE;
        boolean outOfRange = day < usableFrom[code] || day > usableTo[code];
        notIn += unusable ? 1 : 0;
        outside += outOfRange && !unusable ? 1 : 0;
      }
      for (long m = mask; m != 0; m &= m - 1) {
        canMatch[Long.numberOfTrailingZeros(m)] |= 1L << i;
      }
    }
    if (notIn + outside > 0) {
      if (singleSource >= 0) {
        notInAnyValueSet[singleSource] += notIn;
        outsideWindows[singleSource] += outside;
      } else {
        countBySource(from, to);
      }
    }
  }

  /** Counts the block's unusable events per source, for extracts whose events come from several sources. */
  private void countBySource(int from, int to) {
    for (int e = data.eventStart(from), end = data.eventEnd(to - 1); e < end; e++) {
      int code = data.eventCode(e);
      int day = data.eventDay(e);
      if (usableFrom[code] == Integer.MAX_VALUE) {
        notInAnyValueSet[data.eventSource(e)]++;
      } else if (day < usableFrom[code] || day > usableTo[code]) {
        outsideWindows[data.eventSource(e)]++;
      }
    }
  }

  /** Starts period {@code k} for the block: forgets node results, finds each patient's reference clinic. */
  void startPeriod(int k) {
    period = k;
    Arrays.fill(known, 0);
    int day = periods.endDay[k];
    long listed = 0;
    for (long m = all; m != 0; m &= m - 1) {
      int i = Long.numberOfTrailingZeros(m);
      int clinic = data.clinicOn(base + i, day);
      referenceClinic[i] = clinic;
      listed |= clinic >= 0 ? 1L << i : 0;
    }
    listedOnReferenceDay = listed;
  }

  /** The block's patients who have any event {@code lookup} could match, at any date. */
  long possible(EventLookup lookup) {
    return lookup.bit == 0 ? all : canMatch[Long.numberOfTrailingZeros(lookup.bit)];
  }

  int referenceDay() {
    return periods.endDay[period];
  }
}
