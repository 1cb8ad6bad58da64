package org.klynge.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatesTest {
  /**
   * Exact Poisson 95 % limits (Garwood 1936), as tabulated e.g. in Ulm K (1990) Am J Epidemiol
   * 131:373 and in the PHE/OHID "Technical guide: confidence intervals" (χ² exact method).
   */
  @ParameterizedTest(name = "{0} events")
  @CsvSource({"0, 0.000, 3.689", "1, 0.0253, 5.572", "5, 1.623, 11.668", "10, 4.795, 18.390"})
  void exactCount_matchesGarwoodTable(long x, double lower, double upper) {
    Interval ci = Rates.exactCount(x, 0.95);
    assertEquals(lower, ci.lower(), 0.0005);
    assertEquals(upper, ci.upper(), 0.0005);
  }

  @Test
  void byarCount_tenEvents_matchesWorkedFormula() {
    // Hand evaluation of Byar's formula (see the Javadoc), checked independently with SciPy.
    Interval ci = Rates.byarCount(10, 0.95);
    assertEquals(4.7874, ci.lower(), 0.00005);
    assertEquals(18.3915, ci.upper(), 0.00005);
  }

  /**
   * PHE/OHID "Technical guide: confidence intervals" (2018), appendix 1: for 95 % intervals Byar's
   * method is within 0.2 % of the exact value for numerators of 10 or more.
   */
  @Test
  void byarCount_tenOrMoreEvents_isWithinPointTwoPercentOfExact() {
    for (long x = 10; x <= 2000; x += (x < 100 ? 1 : 37)) {
      Interval byar = Rates.byarCount(x, 0.95);
      Interval exact = Rates.exactCount(x, 0.95);
      assertEquals(exact.lower(), byar.lower(), 0.002 * exact.lower(), "lower at " + x);
      assertEquals(exact.upper(), byar.upper(), 0.002 * exact.upper(), "upper at " + x);
    }
  }

  @Test
  void rate_perThousand_scalesCountInterval() {
    Estimate e = Rates.rate(10, 2500, 1000).orElseThrow();
    assertEquals(4.0, e.value(), 1e-12);
    assertEquals(4.795389 / 2.5, e.interval().lower(), 1e-5);
    assertEquals(18.390356 / 2.5, e.interval().upper(), 1e-5);
  }

  @Test
  void rate_zeroDenominator_isEmpty() {
    assertEquals(Optional.empty(), Rates.rate(0, 0, 1000));
  }

  @Test
  void rate_zeroEvents_runsFromZero() {
    Estimate e = Rates.rate(0, 1000, 1000).orElseThrow();
    assertEquals(0, e.value());
    assertEquals(0, e.interval().lower());
    assertEquals(-Math.log(0.025), e.interval().upper(), 1e-9);
  }

  @Test
  void byarCount_zeroEventsAtHighLevel_neverNegative() {
    Interval ci = Rates.byarCount(1, 0.998);
    assertTrue(ci.lower() >= 0);
  }
}
