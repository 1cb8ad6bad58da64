package org.klynge.core.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.google.common.collect.ImmutableList;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a span is cut into measurement periods: one period, calendar years, quarters, months,
 * or rolling 12-month periods ending at each month end.
 */
public enum Granularity {
  WHOLE("whole"),
  YEAR("year"),
  QUARTER("quarter"),
  MONTH("month"),
  ROLLING12("rolling12");

  private final String code;

  Granularity(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }

  /** The granularity with this name, if any. */
  public static Optional<Granularity> fromCode(String code) {
    return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst();
  }

  @JsonCreator
  static Granularity parse(String code) {
    return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown granularity '" + code
        + "', expected one of " + Arrays.stream(values()).map(Granularity::code).collect(Collectors.joining(", "))));
  }

  /**
   * Cuts {@code span} into periods. Calendar periods are clipped to the span; a rolling period
   * ends at each month end inside the span and starts 12 months earlier (it may start before
   * the span).
   */
  public ImmutableList<MeasurementPeriod> periods(MeasurementPeriod span) {
    ImmutableList.Builder<MeasurementPeriod> out = ImmutableList.builder();
    switch (this) {
      case WHOLE:
        return ImmutableList.of(span);
      case ROLLING12:
        for (YearMonth m = YearMonth.from(span.start()); !m.atEndOfMonth().isAfter(span.end()); m = m.plusMonths(1)) {
          if (m.atEndOfMonth().isBefore(span.start())) {
            continue;
          }
          out.add(new MeasurementPeriod(m.minusMonths(11).atDay(1), m.atEndOfMonth()));
        }
        return out.build();
      default:
        int months = this == YEAR ? 12 : this == QUARTER ? 3 : 1;
        YearMonth first = YearMonth.from(span.start());
        int offset = this == YEAR ? first.getMonthValue() - 1 : this == QUARTER ? (first.getMonthValue() - 1) % 3 : 0;
        for (YearMonth m = first.minusMonths(offset); !m.atDay(1).isAfter(span.end()); m = m.plusMonths(months)) {
          var start = m.atDay(1).isBefore(span.start()) ? span.start() : m.atDay(1);
          var endOfBlock = m.plusMonths(months - 1).atEndOfMonth();
          var end = endOfBlock.isAfter(span.end()) ? span.end() : endOfBlock;
          out.add(new MeasurementPeriod(start, end));
        }
        return out.build();
    }
  }
}
