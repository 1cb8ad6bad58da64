package org.klynge.examples.cli;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.klynge.core.definition.MeasurementPeriod;
import picocli.CommandLine;

/** Reads a period written {@code 2024}, {@code 2024-Q2}, {@code 2024-03} or {@code 2024-01-01..2024-06-30}. */
final class PeriodParser implements CommandLine.ITypeConverter<MeasurementPeriod> {

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

  @Override
  public MeasurementPeriod convert(String text) {
    return parse(text);
  }

  static MeasurementPeriod parse(String text) {
    String t = text.trim();
    try {
      if (t.matches("\\d{4}")) {
        return MeasurementPeriod.year(Year.parse(t).getValue());
      }
      Matcher q = QUARTER.matcher(t);
      if (q.matches()) {
        YearMonth first = YearMonth.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1);
        return new MeasurementPeriod(first.atDay(1), first.plusMonths(2).atEndOfMonth());
      }
      if (t.matches("\\d{4}-\\d{2}")) {
        return MeasurementPeriod.month(YearMonth.parse(t));
      }
      int dots = t.indexOf("..");
      if (dots > 0) {
        return new MeasurementPeriod(LocalDate.parse(t.substring(0, dots)), LocalDate.parse(t.substring(dots + 2)));
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException("cannot read period '" + text + "': " + e.getMessage());
    }
    throw new CommandLine.TypeConversionException("cannot read period '" + text
        + "': write 2024, 2024-Q2, 2024-03 or 2024-01-01..2024-06-30");
  }
}
