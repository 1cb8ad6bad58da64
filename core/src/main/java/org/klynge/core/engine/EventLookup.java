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

  /** Index of patient {@code p}'s first event on or after the window start in period {@code k}. */
  int firstInWindow(PatientData d, int p, int k) {
    int from = fromDay[k];
    int e = d.eventStart(p);
    int end = d.eventEnd(p);
    while (e < end && d.eventDay(e) < from) {
      e++;
    }
    return e;
  }

  /** How many of patient {@code p}'s events in the window of period {@code k} match, counting up to {@code enough}. */
  int count(PatientData d, int p, int k, int enough) {
    int to = toDay[k];
    int found = 0;
    for (int e = firstInWindow(d, p, k), end = d.eventEnd(p); e < end && d.eventDay(e) <= to; e++) {
      if (matches[d.eventCode(e)] && ++found >= enough) {
        break;
      }
    }
    return found;
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
