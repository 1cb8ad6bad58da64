package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /**
   * A period as a command line or a job's options write it: {@code 2024}, {@code 2024-Q2},
   * {@code 2024-03} or {@code 2024-01-01..2024-06-30}.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static MeasurementPeriod parse(String text) {
    String t = text.trim();
    try {
      if (t.matches("\\d{4}")) {
        return year(Year.parse(t).getValue());
      }
      Matcher q = QUARTER.matcher(t);
      if (q.matches()) {
        YearMonth first = YearMonth.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1);
        return new MeasurementPeriod(first.atDay(1), first.plusMonths(2).atEndOfMonth());
      }
      if (t.matches("\\d{4}-\\d{2}")) {
        return month(YearMonth.parse(t));
      }
      int dots = t.indexOf("..");
      if (dots > 0) {
        return new MeasurementPeriod(LocalDate.parse(t.substring(0, dots)), LocalDate.parse(t.substring(dots + 2)));
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot read period '" + text + "': " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("cannot read period '" + text
        + "': write 2024, 2024-Q2, 2024-03 or 2024-01-01..2024-06-30");
  }

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

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
