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

  EvalContext(PatientData data, PeriodTable periods, int nodeCount) {
    this.data = data;
    this.periods = periods;
    this.memo = new byte[nodeCount];
  }

  void startPatient(int p) {
    patient = p;
    birthPacked = CivilDate.packed(data.birthDay(p));
    eventStart = data.eventStart(p);
    eventEnd = data.eventEnd(p);
  }

  void startPeriod(int k) {
    period = k;
    Arrays.fill(memo, (byte) 0);
  }

  int referenceDay() {
    return periods.endDay[period];
  }
}
