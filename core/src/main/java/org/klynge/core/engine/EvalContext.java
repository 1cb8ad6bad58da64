package org.klynge.core.engine;

import java.util.Arrays;
import org.klynge.core.data.PatientData;

/**
 * The mutable state of evaluating one patient for one period on one thread: which patient and
 * period, and the memo of node results (so a criterion shared by several indicators is
 * computed once per patient and period). One per thread; never shared.
 */
final class EvalContext {
  final PatientData data;
  final PeriodTable periods;
  final byte[] memo;
  int patient;
  int period;
  int birthPacked;
  int eventStart;
  int eventEnd;
  /** The OR of the look-up bits of all the patient's event codes: which look-ups can match at all. */
  long patientMask;
  private final long[] codeMasks;

  private final int[] usableFrom;
  private final int[] usableTo;
  private final int singleSource;
  /** Per source, the patient's events in no value set (counted while the mask is built). */
  final long[] notInAnyValueSet;
  /** Per source, the patient's events outside every window. */
  final long[] outsideWindows;

  EvalContext(PatientData data, PeriodTable periods, int nodeCount, long[] codeMasks, InputUse inputUse) {
    this.data = data;
    this.periods = periods;
    this.memo = new byte[nodeCount];
    this.codeMasks = codeMasks;
    this.usableFrom = inputUse.firstDay;
    this.usableTo = inputUse.lastDay;
    this.singleSource = data.singleEventSource();
    this.notInAnyValueSet = new long[data.sources().size()];
    this.outsideWindows = new long[data.sources().size()];
  }

  void startPatient(int p) {
    patient = p;
    birthPacked = CivilDate.packed(data.birthDay(p));
    eventStart = data.eventStart(p);
    eventEnd = data.eventEnd(p);
    long mask = 0;
    long notIn = 0;
    long outside = 0;
    // codes in no value set have an empty usable range, so one range test finds both kinds
    for (int e = eventStart; e < eventEnd; e++) {
      int code = data.eventCode(e);
      mask |= codeMasks[code];
      int day = data.eventDay(e);
      boolean unusable = usableFrom[code] == Integer.MAX_VALUE;
      boolean outOfRange = day < usableFrom[code] || day > usableTo[code];
      notIn += unusable ? 1 : 0;
      outside += outOfRange && !unusable ? 1 : 0;
    }
    if (notIn + outside > 0) {
      if (singleSource >= 0) {
        notInAnyValueSet[singleSource] += notIn;
        outsideWindows[singleSource] += outside;
      } else {
        countBySource();
      }
    }
    patientMask = mask;
  }

  /** Counts the patient's unusable events per source, for extracts whose events come from several sources. */
  private void countBySource() {
    for (int e = eventStart; e < eventEnd; e++) {
      int code = data.eventCode(e);
      int day = data.eventDay(e);
      if (usableFrom[code] == Integer.MAX_VALUE) {
        notInAnyValueSet[data.eventSource(e)]++;
      } else if (day < usableFrom[code] || day > usableTo[code]) {
        outsideWindows[data.eventSource(e)]++;
      }
    }
  }

  /** The clinic index the patient is listed with on the period's reference date, or -1. */
  int referenceClinic;

  void startPeriod(int k) {
    period = k;
    Arrays.fill(memo, (byte) 0);
    referenceClinic = data.clinicOn(patient, periods.endDay[k]);
  }

  int referenceDay() {
    return periods.endDay[period];
  }
}
