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
    this.notInAnyValueSet = new long[data.sources().size()];
    this.outsideWindows = new long[data.sources().size()];
  }

  void startPatient(int p) {
    patient = p;
    birthPacked = CivilDate.packed(data.birthDay(p));
    eventStart = data.eventStart(p);
    eventEnd = data.eventEnd(p);
    long mask = 0;
    for (int e = eventStart; e < eventEnd; e++) {
      int code = data.eventCode(e);
      mask |= codeMasks[code];
      int from = usableFrom[code];
      if (from == Integer.MAX_VALUE) {
        notInAnyValueSet[data.eventSource(e)]++;
      } else {
        int day = data.eventDay(e);
        if (day < from || day > usableTo[code]) {
          outsideWindows[data.eventSource(e)]++;
        }
      }
    }
    patientMask = mask;
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
