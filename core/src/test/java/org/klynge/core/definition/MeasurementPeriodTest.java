package org.klynge.core.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MeasurementPeriodTest {

  @Test
  void parse_readsYearQuarterMonthAndRange() {
    assertEquals(new MeasurementPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
        MeasurementPeriod.parse("2024"));
    assertEquals(new MeasurementPeriod(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30)),
        MeasurementPeriod.parse(" 2024-Q2 "));
    assertEquals(new MeasurementPeriod(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)),
        MeasurementPeriod.parse("2024-02"));
    assertEquals(new MeasurementPeriod(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 3, 1)),
        MeasurementPeriod.parse("2024-01-15..2024-03-01"));
  }

  @Test
  void parse_refusesWhatIsNoPeriod_namingTheText() {
    for (String text : new String[] {"2024x", "2024-Q5", "2024-13", "2024-03-01..2024-02-01", "..2024-01-01"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeasurementPeriod.parse(text));
      assertTrue(e.getMessage().startsWith("cannot read period '" + text + "'"), e.getMessage());
    }
  }
}
