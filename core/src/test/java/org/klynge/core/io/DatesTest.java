package org.klynge.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

  @Test
  void parse_everyDayFrom1800To2300_equalsLocalDate() {
    for (LocalDate d = LocalDate.of(1800, 1, 1); d.getYear() < 2300; d = d.plusDays(1)) {
      String text = d.toString();
      assertEquals(d, Dates.parse(text), text);
      assertEquals(text, Dates.format((int) d.toEpochDay()));
    }
  }

  @Test
  void parse_sameDayTwice_givesTheSameObject() {
    assertSame(Dates.parse("2024-02-29"), Dates.parse("2024-02-29"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2024-1-01", "2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10",
      "2024-01-00", "2024/01/01", "01-01-2024", "2024-01-01T00:00", " 2024-01-01", "２０２４-01-01", "+024-01-01",
      "2024-0a-01"})
  void parse_notAnIsoDate_givesNull(String text) {
    assertNull(Dates.parse(text));
  }

  @Test
  void parse_leapDays_areAccepted() {
    assertEquals(LocalDate.of(2000, 2, 29), Dates.parse("2000-02-29"));
    assertEquals(LocalDate.of(2024, 2, 29), Dates.parse("2024-02-29"));
  }
}
