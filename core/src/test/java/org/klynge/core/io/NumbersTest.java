package org.klynge.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

  @ParameterizedTest
  @CsvSource({"48, 48", "-3, -3", "+3, 3", "7.5, 7.5", ".5, 0.5", "5., 5", "1e3, 1000", "1.5E-2, 0.015",
      "0, 0", "1.0E300, 1e300"})
  void parse_decimal_givesItsValue(String text, double expected) {
    assertEquals(expected, Numbers.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", ".", "7,5", "1 000", "NaN", "Infinity", "-Infinity", "0x1p3", "1.5d", "2f", "1e",
      "1e+", "e5", "1.2.3", "1e999", "--1", "abc"})
  void parse_notADecimal_givesInvalid(String text) {
    assertEquals(Numbers.INVALID, Numbers.parse(text));
  }
}
