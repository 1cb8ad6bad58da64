package org.klynge.core.engine;

import org.klynge.core.data.PatientData;
import org.klynge.core.definition.Attribution;
import org.klynge.core.definition.Rate;

/**
 * Evaluates every indicator for every period over one contiguous range of patients, into a
 * tally, a block of up to 64 patients at a time (see {@link EvalContext}).
 */
final class PartitionEvaluator {

  private PartitionEvaluator() {}

  static Tally run(Program program, int fromPatient, int toPatient, int buckets) {
    PeriodTable periods = program.periods;
    Program.CompiledIndicator[] indicators = program.indicators;
    Tally tally = new Tally(indicators.length, periods.size(), buckets, program.data.sources().size(),
        program.measuredSources.size());
    long[] counts = tally.counts;
    int unattributed = buckets - 1;
    EvalContext c = program.newContext();
    PopulationLogic pops = new PopulationLogic();
    for (int from = fromPatient; from < toPatient; from += EvalContext.BLOCK) {
      c.startBlock(from, Math.min(toPatient, from + EvalContext.BLOCK));
      for (int k = 0; k < periods.size(); k++) {
        c.startPeriod(k);
        measureCompleteness(program, c, tally);
        for (int i = 0; i < indicators.length; i++) {
          Program.CompiledIndicator ind = indicators[i];
          pops.classify(ind, c, c.all);
          int first = tally.slot(i, k, 0);
          for (long m = pops.initial; m != 0; m &= m - 1) {
            int j = Long.numberOfTrailingZeros(m);
            int slot = first + bucket(c.referenceClinic[j], unattributed) * Tally.FIELDS;
            counts[slot + Tally.IP]++;
            counts[slot + Tally.DEN] += (pops.denominator >>> j) & 1;
            counts[slot + Tally.DEX] += (pops.denominatorExclusion >>> j) & 1;
            counts[slot + Tally.DEXC] += (pops.denominatorException >>> j) & 1;
            counts[slot + Tally.NUM] += (pops.numerator >>> j) & 1;
            counts[slot + Tally.NUMEX] += (pops.numeratorExclusion >>> j) & 1;
          }
          if (pops.counted == 0) {
            continue;
          }
          if (ind.rateEvents() != null) {
            countEvents(ind, pops, c, tally, i, unattributed);
          } else if (ind.valuePicker() != null) {
            pickValues(ind.valuePicker(), pops.counted, c, tally, i, unattributed);
          }
        }
      }
    }
    for (int s = 0; s < c.notInAnyValueSet.length; s++) {
      tally.notInAnyValueSet[s] += c.notInAnyValueSet[s];
      tally.outsideWindows[s] += c.outsideWindows[s];
    }
    return tally;
  }

  /** For a rate: the counted patients' person-days and matching events, counted or summed. */
  private static void countEvents(Program.CompiledIndicator ind, PopulationLogic pops, EvalContext c, Tally tally,
      int indicator, int unattributed) {
    Rate rate = (Rate) ind.indicator().scoring();
    PatientData d = c.data;
    int k = c.period;
    int first = tally.slot(indicator, k, 0);
    if (rate.base() != Rate.Base.PERSONS) {
      for (long m = pops.counted; m != 0; m &= m - 1) {
        int j = Long.numberOfTrailingZeros(m);
        int slot = first + bucket(c.referenceClinic[j], unattributed) * Tally.FIELDS;
        tally.counts[slot + Tally.PERSON_DAYS] += listedDays(d, c.base + j, c.periods, k);
      }
    }
    long withEvents = pops.counted;
    if (ind.numerator() != null) {
      withEvents &= pops.numerator & ~pops.numeratorExclusion;
    }
    EventLookup lookup = ind.rateEvents();
    RateSum sum = ind.rateSum();
    int from = lookup.fromDay[k];
    int to = lookup.toDay[k];
    boolean byEventDate = ind.indicator().attribution() == Attribution.EVENT_DATE;
    long[] counts = tally.counts;
    for (long m = withEvents & c.possible(lookup); m != 0; m &= m - 1) {
      int j = Long.numberOfTrailingZeros(m);
      int p = c.base + j;
      int slot = first + bucket(c.referenceClinic[j], unattributed) * Tally.FIELDS;
      for (int e = lookup.scanFrom(d, p, k), end = d.eventEnd(p); e < end && d.eventDay(e) <= to; e++) {
        if (lookup.counts(d, e, k)) {
          int at = byEventDate ? first + bucket(d.clinicOn(p, d.eventDay(e)), unattributed) * Tally.FIELDS : slot;
          if (sum == null) {
            counts[at + Tally.EVENTS]++;
            continue;
          }
          long amount = sum.millionths(d, e, from, to);
          if (amount == RateSum.UNUSABLE) {
            counts[at + Tally.NOT_SUMMED]++;
          } else {
            counts[at + Tally.EVENTS]++;
            counts[at + Tally.SUM] = Math.addExact(counts[at + Tally.SUM], amount);
          }
        }
      }
    }
  }

  /**
   * For each measured source: the block's patients listed on the reference date, per clinic, and
   * those with any event from the source starting in the period.
   */
  private static void measureCompleteness(Program program, EvalContext c, Tally tally) {
    boolean[][] fromSource = program.fromSource;
    if (fromSource.length == 0) {
      return;
    }
    PatientData d = c.data;
    int k = c.period;
    int start = program.periods.startDay[k];
    int end = program.periods.endDay[k];
    for (long m = c.listedOnReferenceDay; m != 0; m &= m - 1) {
      int j = Long.numberOfTrailingZeros(m);
      int p = c.base + j;
      for (int s = 0; s < fromSource.length; s++) {
        int slot = tally.completenessSlot(s, k, c.referenceClinic[j]);
        tally.completeness[slot + Tally.LISTED]++;
        boolean[] from = fromSource[s];
        for (int e = d.eventStart(p), last = d.eventEnd(p); e < last; e++) {
          int day = d.eventDay(e);
          if (day > end) {
            break;
          }
          if (day >= start && from[d.eventCode(e)]) {
            tally.completeness[slot + Tally.WITH_DATA]++;
            break;
          }
        }
      }
    }
  }

  /** For a continuous indicator: the counted patients' values. */
  private static void pickValues(Nodes.ValuePicker picker, long counted, EvalContext c, Tally tally, int indicator,
      int unattributed) {
    int k = c.period;
    long possible = c.possible(picker.lookup);
    for (long m = counted & possible; m != 0; m &= m - 1) {
      int j = Long.numberOfTrailingZeros(m);
      double v = picker.pick(c.data, c.base + j, k);
      if (!Double.isNaN(v)) {
        int bucket = bucket(c.referenceClinic[j], unattributed);
        tally.counts[tally.slot(indicator, k, bucket) + Tally.VALUED]++;
        tally.addValue(indicator, k, bucket, v);
      }
    }
  }

  /** The tally bucket of a clinic index: the clinic's own, or the last (unattributed) one for -1, no clinic that day. */
  private static int bucket(int clinic, int unattributed) {
    return clinic >= 0 ? clinic : unattributed;
  }

  /** Days in period {@code k} on which patient {@code p} was listed (with any clinic) and alive. */
  static long listedDays(PatientData d, int p, PeriodTable periods, int k) {
    int start = periods.startDay[k];
    int end = Math.min(periods.endDay[k], d.deathDay(p));
    long days = 0;
    for (int l = d.listingStart(p); l < d.listingEnd(p); l++) {
      int from = Math.max(start, d.listingFrom(l));
      int to = Math.min(end, d.listingTo(l));
      if (to >= from) {
        days += (long) to - from + 1;
      }
    }
    return days;
  }
}
