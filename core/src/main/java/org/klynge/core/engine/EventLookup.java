package org.klynge.core.engine;

import org.klynge.core.data.PatientData;
import org.klynge.core.definition.EventCriterion;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.definition.ValueSet;
import org.klynge.core.model.UnitConversion;

/**
 * The bound form of an event look-up: which dictionary codes match (type and value set), and
 * the window's first and last day for each period.
 */
final class EventLookup {
  final boolean[] matches;
  final int[] fromDay;
  final int[] toDay;
  /** This look-up's bit in a patient's code mask, or 0 when there are more look-ups than bits. */
  long bit;

  EventLookup(EventCriterion criterion, ValueSet valueSet, PatientData data, PeriodTable periods) {
    var codes = data.codes();
    matches = new boolean[codes.size()];
    for (int id = 0; id < codes.size(); id++) {
      var entry = codes.entry(id);
      matches[id] = entry.type() == criterion.event() && valueSet.contains(entry.code());
    }
    fromDay = new int[periods.size()];
    toDay = new int[periods.size()];
    for (int k = 0; k < periods.size(); k++) {
      MeasurementPeriod period = periods.periods.get(k);
      fromDay[k] = PeriodTable.day(criterion.window().fromDate(period));
      toDay[k] = PeriodTable.day(criterion.window().toDate(period));
    }
  }

  /** Whether the patient has any event this look-up could match, at any date (a cheap pre-check). */
  boolean possible(EvalContext c) {
    return bit == 0 || (c.patientMask & bit) != 0;
  }

  /** Index of the first of the patient's events on or after the window start. */
  int firstInWindow(EvalContext c) {
    int from = fromDay[c.period];
    int e = c.eventStart;
    PatientData d = c.data;
    while (e < c.eventEnd && d.eventDay(e) < from) {
      e++;
    }
    return e;
  }

  /** Per unit index (offset by one, so slot 0 is "no unit"): the conversion scale, NaN when not convertible. */
  static double[][] conversions(PatientData data, java.util.Optional<String> targetUnit) {
    int n = data.units().size() + 1;
    double[] scale = new double[n];
    double[] offset = new double[n];
    for (int u = 0; u < n; u++) {
      if (targetUnit.isEmpty()) {
        scale[u] = 1;
        continue;
      }
      String from = u == 0 ? "" : data.units().get(u - 1);
      var linear = UnitConversion.between(from, targetUnit.get());
      scale[u] = linear.map(UnitConversion.Linear::scale).orElse(Double.NaN);
      offset[u] = linear.map(UnitConversion.Linear::offset).orElse(0.0);
    }
    return new double[][] {scale, offset};
  }
}
