package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The period an indicator is measured over, both ends inclusive. Its last day is the
 * <em>reference date</em>: ages, listings and cluster memberships are taken on that day.
 *
 * @param start the first day
 * @param end the last day, the reference date
 */
public record MeasurementPeriod(LocalDate start, LocalDate end)
    implements Comparable<MeasurementPeriod>, java.io.Serializable {

  public MeasurementPeriod {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("period ends (" + end + ") before it starts (" + start + ")");
    }
  }

  /** The calendar year. */
  public static MeasurementPeriod year(int year) {
    return new MeasurementPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** A calendar month. */
  public static MeasurementPeriod month(YearMonth month) {
    return new MeasurementPeriod(month.atDay(1), month.atEndOfMonth());
  }

  /** The reference date: the last day of the period. */
  public LocalDate referenceDate() {
    return end;
  }

  /** The number of days in the period. */
  public long lengthInDays() {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }

  /** Whether {@code date} lies in the period. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }

  /** A short label: {@code 2024}, {@code 2024-03}, {@code 2024-Q2} or {@code start..end}. */
  public String label() {
    if (start.getDayOfMonth() == 1 && start.getMonthValue() == 1 && end.equals(start.withDayOfYear(start.lengthOfYear()))) {
      return Integer.toString(start.getYear());
    }
    if (start.getDayOfMonth() == 1 && end.equals(YearMonth.from(start).atEndOfMonth())) {
      return YearMonth.from(start).toString();
    }
    if (start.getDayOfMonth() == 1 && (start.getMonthValue() - 1) % 3 == 0
        && end.equals(YearMonth.from(start).plusMonths(2).atEndOfMonth())) {
      return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }
    return start + ".." + end;
  }

  @Override
  public int compareTo(MeasurementPeriod o) {
    int c = start.compareTo(o.start);
    return c != 0 ? c : end.compareTo(o.end);
  }

  @Override
  public String toString() {
    return label();
  }
}
