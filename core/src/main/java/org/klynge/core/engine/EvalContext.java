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

  EvalContext(PatientData data, PeriodTable periods, int nodeCount, long[] codeMasks) {
    this.data = data;
    this.periods = periods;
    this.memo = new byte[nodeCount];
    this.codeMasks = codeMasks;
  }

  void startPatient(int p) {
    patient = p;
    birthPacked = CivilDate.packed(data.birthDay(p));
    eventStart = data.eventStart(p);
    eventEnd = data.eventEnd(p);
    long mask = 0;
    for (int e = eventStart; e < eventEnd; e++) {
      mask |= codeMasks[data.eventCode(e)];
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
