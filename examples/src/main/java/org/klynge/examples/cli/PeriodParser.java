package org.klynge.examples.cli;

import org.klynge.core.definition.MeasurementPeriod;
import picocli.CommandLine;

/** Reads a period written {@code 2024}, {@code 2024-Q2}, {@code 2024-03} or {@code 2024-01-01..2024-06-30}. */
final class PeriodParser implements CommandLine.ITypeConverter<MeasurementPeriod> {

  @Override
  public MeasurementPeriod convert(String text) {
    return parse(text);
  }

  static MeasurementPeriod parse(String text) {
    try {
      return MeasurementPeriod.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
