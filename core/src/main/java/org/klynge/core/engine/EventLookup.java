package org.klynge.core.engine;

import org.klynge.core.data.PatientData;
import org.klynge.core.definition.EventCriterion;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.definition.Relation;
import org.klynge.core.definition.ValueSet;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.UnitConversion;

/**
 * The bound form of an event look-up: which dictionary codes match (type and value set), which
 * statuses count, how an event must lie relative to the window, and the window's first and last
 * day for each period. Events are scanned from {@link #scanFrom} while they start on or before
 * the window's last day, and {@link #counts} says whether one counts.
 */
final class EventLookup {
  final boolean[] matches;
  final int[] fromDay;
  final int[] toDay;
  final Relation relation;
  /** Per status ordinal + 1 (0: no status recorded): whether it counts; null when every status does. */
  private final boolean[] statusCounts;
  /** Whether only events starting in the window can count (starts, during). */
  final boolean startsInWindow;
  /** This look-up's bit in a patient's code mask, or 0 when there are more look-ups than bits. */
  long bit;

  EventLookup(EventCriterion criterion, ValueSet valueSet, PatientData data, PeriodTable periods) {
    var codes = data.codes();
    matches = new boolean[codes.size()];
    for (int id = 0; id < codes.size(); id++) {
      var entry = codes.entry(id);
      matches[id] = entry.type() == criterion.event() && valueSet.contains(entry.code());
    }
    relation = criterion.relation();
    startsInWindow = relation == Relation.STARTS || relation == Relation.DURING;
    if (criterion.status().isEmpty()) {
      statusCounts = null;
    } else {
      statusCounts = new boolean[EventStatus.values().length + 1];
      statusCounts[0] = true; // a source that records no status: the event counts
      criterion.status().forEach(s -> statusCounts[s.ordinal() + 1] = true);
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

  /**
   * The index of patient {@code p}'s first event that may count in period {@code k}: the first
   * starting in the window, or (ends, overlaps) the patient's first event.
   */
  int scanFrom(PatientData d, int p, int k) {
    return startsInWindow ? firstInWindow(d, p, k) : d.eventStart(p);
  }

  /**
   * Whether event {@code e}, met in a scan from {@link #scanFrom} before any event starting after
   * the window's last day, counts in period {@code k}: its code and status match and it lies
   * relative to the window as the relation says.
   */
  boolean counts(PatientData d, int e, int k) {
    if (!matches[d.eventCode(e)] || (statusCounts != null && !statusCounts[d.eventStatusCode(e) + 1])) {
      return false;
    }
    return switch (relation) {
      case STARTS -> true;
      case DURING -> d.eventEndDay(e) <= toDay[k];
      case ENDS -> {
        int end = d.eventEndDay(e);
        yield end >= fromDay[k] && end <= toDay[k];
      }
      case OVERLAPS -> d.eventEndDay(e) >= fromDay[k];
    };
  }

  /** The first day any event this look-up counts can start on in period {@code k}. */
  int firstStartDay(int k) {
    return startsInWindow ? fromDay[k] : Integer.MIN_VALUE;
  }

  /** How many of patient {@code p}'s events count in period {@code k}, counting up to {@code enough}. */
  int count(PatientData d, int p, int k, int enough) {
    int to = toDay[k];
    int found = 0;
    for (int e = scanFrom(d, p, k), end = d.eventEnd(p); e < end && d.eventDay(e) <= to; e++) {
      if (counts(d, e, k) && ++found >= enough) {
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
