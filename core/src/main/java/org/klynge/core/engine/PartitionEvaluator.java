package org.klynge.core.engine;

import org.klynge.core.data.PatientData;
import org.klynge.core.definition.Attribution;
import org.klynge.core.definition.Rate;

/** Evaluates every indicator for every period over one contiguous range of patients, into a tally. */
final class PartitionEvaluator {

  private PartitionEvaluator() {}

  static Tally run(Program program, int fromPatient, int toPatient, int buckets) {
    PatientData data = program.data;
    PeriodTable periods = program.periods;
    Program.CompiledIndicator[] indicators = program.indicators;
    Tally tally = new Tally(indicators.length, periods.size(), buckets, data.sources().size());
    long[] counts = tally.counts;
    int unattributed = buckets - 1;
    EvalContext c = program.newContext();
    for (int p = fromPatient; p < toPatient; p++) {
      c.startPatient(p);
      for (int k = 0; k < periods.size(); k++) {
        c.startPeriod(k);
        int clinic = c.referenceClinic;
        int bucket = clinic >= 0 ? clinic : unattributed;
        for (int i = 0; i < indicators.length; i++) {
          Program.CompiledIndicator ind = indicators[i];
          int flags = PopulationLogic.classify(ind, c);
          if (flags == 0) {
            continue;
          }
          int slot = tally.slot(i, k, bucket);
          counts[slot + Tally.IP]++;
          if (Membership.has(flags, Membership.DENOMINATOR)) {
            counts[slot + Tally.DEN]++;
          }
          if (Membership.has(flags, Membership.DENOMINATOR_EXCLUSION)) {
            counts[slot + Tally.DEX]++;
          }
          if (Membership.has(flags, Membership.DENOMINATOR_EXCEPTION)) {
            counts[slot + Tally.DEXC]++;
          }
          if (Membership.has(flags, Membership.NUMERATOR)) {
            counts[slot + Tally.NUM]++;
          }
          if (Membership.has(flags, Membership.NUMERATOR_EXCLUSION)) {
            counts[slot + Tally.NUMEX]++;
          }
          if (Membership.has(flags, Membership.COUNTED)) {
            if (ind.rateEvents() != null) {
              countEvents(ind, flags, c, tally, i, slot, unattributed);
            } else if (ind.valuePicker() != null) {
              double v = ind.valuePicker().pick(c);
              if (!Double.isNaN(v)) {
                counts[slot + Tally.VALUED]++;
                tally.addValue(i, k, bucket, v);
              }
            }
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

  private static void countEvents(Program.CompiledIndicator ind, int flags, EvalContext c, Tally tally,
      int indicator, int slot, int unattributed) {
    Rate rate = (Rate) ind.indicator().scoring();
    if (rate.base() == Rate.Base.PERSON_YEARS) {
      tally.counts[slot + Tally.PERSON_DAYS] += listedDays(c);
    }
    boolean restrictToNumerator = ind.numerator() != null;
    if (restrictToNumerator && !(Membership.has(flags, Membership.NUMERATOR)
        && !Membership.has(flags, Membership.NUMERATOR_EXCLUSION))) {
      return;
    }
    EventLookup lookup = ind.rateEvents();
    if (!lookup.possible(c)) {
      return;
    }
    PatientData d = c.data;
    int to = lookup.toDay[c.period];
    boolean byEventDate = ind.indicator().attribution() == Attribution.EVENT_DATE;
    for (int e = lookup.firstInWindow(c); e < c.eventEnd && d.eventDay(e) <= to; e++) {
      if (lookup.matches[d.eventCode(e)]) {
        if (byEventDate) {
          int clinic = d.clinicOn(c.patient, d.eventDay(e));
          int bucket = clinic >= 0 ? clinic : unattributed;
          tally.counts[tally.slot(indicator, c.period, bucket) + Tally.EVENTS]++;
        } else {
          tally.counts[slot + Tally.EVENTS]++;
        }
      }
    }
  }

  /** Days in the period on which the patient was listed (with any clinic) and alive. */
  static long listedDays(EvalContext c) {
    PatientData d = c.data;
    int p = c.patient;
    int start = c.periods.startDay[c.period];
    int end = Math.min(c.periods.endDay[c.period], d.deathDay(p));
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
