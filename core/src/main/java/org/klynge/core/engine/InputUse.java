package org.klynge.core.engine;

import org.klynge.core.data.Extract;
import org.klynge.core.data.PatientData;
import org.klynge.core.data.Reconciliation;

/**
 * Marks the events an evaluation could not have looked at as excluded in the reconciliation:
 * events whose code is in no value set of the evaluated indicators, and events dated outside
 * every window of the evaluated periods.
 */
final class InputUse {
  /** Reason for events no value set of the evaluated indicators includes. */
  static final String NOT_IN_ANY_VALUE_SET = "code in no value set of the evaluated indicators";
  /** Reason for events outside every window. */
  static final String OUTSIDE_WINDOWS = "date outside every window of the evaluated periods";

  private final Program program;
  private final Extract extract;

  InputUse(Program program, Extract extract) {
    this.program = program;
    this.extract = extract;
  }

  Reconciliation reconcile() {
    PatientData data = program.data;
    int codes = data.codes().size();
    int[] minFrom = new int[codes];
    int[] maxTo = new int[codes];
    java.util.Arrays.fill(minFrom, Integer.MAX_VALUE);
    java.util.Arrays.fill(maxTo, Integer.MIN_VALUE);
    for (EventLookup lookup : program.lookups()) {
      int from = Integer.MAX_VALUE;
      int to = Integer.MIN_VALUE;
      for (int k = 0; k < lookup.fromDay.length; k++) {
        from = Math.min(from, lookup.fromDay[k]);
        to = Math.max(to, lookup.toDay[k]);
      }
      for (int c = 0; c < codes; c++) {
        if (lookup.matches[c]) {
          minFrom[c] = Math.min(minFrom[c], from);
          maxTo[c] = Math.max(maxTo[c], to);
        }
      }
    }
    int sources = data.sources().size();
    long[] noValueSet = new long[sources];
    long[] outside = new long[sources];
    for (int e = 0; e < data.eventCount(); e++) {
      int c = data.eventCode(e);
      int day = data.eventDay(e);
      if (minFrom[c] == Integer.MAX_VALUE) {
        noValueSet[data.eventSource(e)]++;
      } else if (day < minFrom[c] || day > maxTo[c]) {
        outside[data.eventSource(e)]++;
      }
    }
    Reconciliation r = extract.reconciliation();
    for (int s = 0; s < sources; s++) {
      r = r.exclude(data.sources().get(s), NOT_IN_ANY_VALUE_SET, noValueSet[s]);
      r = r.exclude(data.sources().get(s), OUTSIDE_WINDOWS, outside[s]);
    }
    return r;
  }
}
