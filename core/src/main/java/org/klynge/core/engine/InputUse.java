package org.klynge.core.engine;

import java.util.Arrays;
import org.klynge.core.data.Extract;
import org.klynge.core.data.PatientData;
import org.klynge.core.data.Reconciliation;

/**
 * Marks the events an evaluation could not have looked at as excluded in the reconciliation:
 * events whose code is in no value set of the evaluated indicators, and events dated outside
 * every window of the evaluated periods (by their start: an event that may end or overlap in a
 * window can start any time before it). The counting is done a block of patients at a time
 * by {@link EvalContext#startBlock}, inside the parallel partitions.
 */
final class InputUse {
  /** Reason for events no value set of the evaluated indicators includes. */
  static final String NOT_IN_ANY_VALUE_SET = "code in no value set of the evaluated indicators";
  /** Reason for events outside every window. */
  static final String OUTSIDE_WINDOWS = "date outside every window of the evaluated periods";

  /** Per dictionary code, the first day any look-up matching it could use; MAX_VALUE when none matches it. */
  final int[] firstDay;
  /** Per dictionary code, the last day any look-up matching it could use. */
  final int[] lastDay;

  InputUse(PatientData data, Iterable<EventLookup> lookups) {
    int codes = data.codes().size();
    firstDay = new int[codes];
    lastDay = new int[codes];
    Arrays.fill(firstDay, Integer.MAX_VALUE);
    Arrays.fill(lastDay, Integer.MIN_VALUE);
    for (EventLookup lookup : lookups) {
      int from = Integer.MAX_VALUE;
      int to = Integer.MIN_VALUE;
      for (int k = 0; k < lookup.fromDay.length; k++) {
        from = Math.min(from, lookup.firstStartDay(k));
        to = Math.max(to, lookup.toDay[k]);
      }
      for (int c = 0; c < codes; c++) {
        if (lookup.matches[c]) {
          firstDay[c] = Math.min(firstDay[c], from);
          lastDay[c] = Math.max(lastDay[c], to);
        }
      }
    }
  }

  /** The extract's reconciliation with the tallied events moved from used to excluded. */
  static Reconciliation reconcile(Extract extract, Tally tally) {
    PatientData data = extract.patients();
    Reconciliation r = extract.reconciliation();
    for (int s = 0; s < data.sources().size(); s++) {
      r = r.exclude(data.sources().get(s), NOT_IN_ANY_VALUE_SET, tally.notInAnyValueSet[s]);
      r = r.exclude(data.sources().get(s), OUTSIDE_WINDOWS, tally.outsideWindows[s]);
    }
    return r;
  }
}
