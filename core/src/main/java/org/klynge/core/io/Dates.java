package org.klynge.core.io;

import java.time.LocalDate;
import org.klynge.core.data.ExtractBuilder;

/**
 * Fast, strict {@code YYYY-MM-DD} dates: parsing without allocation for dates in the range the
 * builder accepts (one shared {@link LocalDate} per day), and formatting with one shared string
 * per day. The caches are filled lazily; a race only creates an equal immutable object twice.
 */
final class Dates {

  /** What {@link #parseDay(String)} returns for text that is not a date. */
  static final int INVALID = Integer.MIN_VALUE;

  private static final int DAYS_0000_TO_1970 = 719_528;
  private static final int FIRST = (int) ExtractBuilder.EARLIEST_DATE.toEpochDay();
  private static final int LAST = (int) ExtractBuilder.LATEST_DATE.toEpochDay();
  private static final LocalDate[] DATES = new LocalDate[LAST - FIRST + 1];
  private static final String[] TEXTS = new String[LAST - FIRST + 1];

  // the day each month of the years data is accepted for starts on; entry 13 of a year is the next January
  private static final int FIRST_TABLED_YEAR = ExtractBuilder.EARLIEST_DATE.getYear();
  private static final int LAST_TABLED_YEAR = ExtractBuilder.LATEST_DATE.getYear();
  private static final int[] MONTH_STARTS = new int[(LAST_TABLED_YEAR - FIRST_TABLED_YEAR + 1) * 13 + 1];

  static {
    for (int year = FIRST_TABLED_YEAR; year <= LAST_TABLED_YEAR; year++) {
      for (int month = 1; month <= 13; month++) {
        MONTH_STARTS[(year - FIRST_TABLED_YEAR) * 13 + month] = month == 13
            ? epochDay(year + 1, 1, 1) : epochDay(year, month, 1);
      }
    }
  }

  private Dates() {}

  /** The date written {@code YYYY-MM-DD}, or {@code null} when {@code text} is not one. */
  static LocalDate parse(String text) {
    int day = parseDay(text);
    return day == INVALID ? null : date(day);
  }

  /** The day (since 1970-01-01) written {@code YYYY-MM-DD}, or {@link #INVALID}. */
  static int parseDay(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return INVALID;
    }
    return day(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
  }

  /** The day (since 1970-01-01) of a year of 0 to 9999, month and day of month, or {@link #INVALID}. */
  static int day(int year, int month, int day) {
    if (year >= FIRST_TABLED_YEAR && year <= LAST_TABLED_YEAR && month >= 1 && month <= 12) {
      int m = (year - FIRST_TABLED_YEAR) * 13 + month;
      return day >= 1 && day <= MONTH_STARTS[m + 1] - MONTH_STARTS[m] ? MONTH_STARTS[m] + day - 1 : INVALID;
    }
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      return INVALID;
    }
    return epochDay(year, month, day);
  }

  /** The shared date of {@code day}, which is not {@link #INVALID}. */
  static LocalDate date(int day) {
    if (day < FIRST || day > LAST) {
      return LocalDate.ofEpochDay(day);
    }
    LocalDate date = DATES[day - FIRST];
    if (date == null) {
      date = LocalDate.ofEpochDay(day);
      DATES[day - FIRST] = date;
    }
    return date;
  }

  /** The date of {@code day} written {@code YYYY-MM-DD}. */
  static String format(int day) {
    if (day < FIRST || day > LAST) {
      return LocalDate.ofEpochDay(day).toString();
    }
    String text = TEXTS[day - FIRST];
    if (text == null) {
      text = LocalDate.ofEpochDay(day).toString();
      TEXTS[day - FIRST] = text;
    }
    return text;
  }

  /** The number written in {@code s[from, to)}, or -1 if any character is not a digit. */
  private static int digits(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static boolean isLeap(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        return isLeap(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** As {@link LocalDate#toEpochDay()}, for a valid date with a year of 0 to 9999. */
  private static int epochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    total += (367L * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!isLeap(year)) {
        total--;
      }
    }
    return (int) (total - DAYS_0000_TO_1970);
  }
}
