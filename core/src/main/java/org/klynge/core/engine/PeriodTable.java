package org.klynge.core.engine;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import org.klynge.core.definition.MeasurementPeriod;

/** The periods of one evaluation as day numbers. */
final class PeriodTable {
  final ImmutableList<MeasurementPeriod> periods;
  final int[] startDay;
  final int[] endDay;

  PeriodTable(ImmutableList<MeasurementPeriod> periods) {
    this.periods = periods;
    int n = periods.size();
    startDay = new int[n];
    endDay = new int[n];
    for (int k = 0; k < n; k++) {
      startDay[k] = day(periods.get(k).start());
      endDay[k] = day(periods.get(k).end());
    }
  }

  int size() {
    return startDay.length;
  }

  static int day(LocalDate date) {
    if (date.equals(LocalDate.MIN)) {
      return Integer.MIN_VALUE;
    }
    return (int) Math.max(Integer.MIN_VALUE + 1L, Math.min(Integer.MAX_VALUE - 1L, date.toEpochDay()));
  }
}
