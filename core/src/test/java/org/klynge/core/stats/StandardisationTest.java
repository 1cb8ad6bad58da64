package org.klynge.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StandardisationTest {
  private static final List<Stratum> TWO_STRATA =
      List.of(new Stratum("F 18-64", 4, 2000, 6000), new Stratum("F 65+", 30, 1000, 4000));

  @Test
  void direct_dobson_matchesWorkedExample() {
    // Hand evaluation in the Javadoc; checked independently with SciPy chi-square quantiles.
    StandardisedRate r = Standardisation.direct(TWO_STRATA, 1000).orElseThrow();
    assertEquals(13.2, r.standardised().value(), 1e-12);
    assertEquals(9.1274, r.standardised().interval().lower(), 0.00005);
    assertEquals(18.4637, r.standardised().interval().upper(), 0.00005);
    assertEquals(34.0 / 3, r.crude().value(), 1e-12);
    assertEquals(34, r.events());
  }

  @Test
  void direct_fayFeuer_matchesWorkedExample() {
    // Fay & Feuer (1997) formula evaluated independently with SciPy gamma quantiles.
    StandardisedRate r =
        Standardisation.direct(TWO_STRATA, 1000, StandardisationMethod.FAY_FEUER, 0.95).orElseThrow();
    assertEquals(9.1288, r.standardised().interval().lower(), 0.00005);
    assertEquals(18.4791, r.standardised().interval().upper(), 0.00005);
  }

  @Test
  void direct_singleStratum_reproducesExactPoissonInterval() {
    List<Stratum> one = List.of(new Stratum("all", 10, 2500, 123));
    Interval exact = Rates.rate(10, 2500, 1000).orElseThrow().interval();
    for (StandardisationMethod m : StandardisationMethod.values()) {
      Interval dsr = Standardisation.direct(one, 1000, m, 0.95).orElseThrow().standardised().interval();
      assertEquals(exact.lower(), dsr.lower(), 1e-9, m.name());
      assertEquals(exact.upper(), dsr.upper(), 1e-9, m.name());
    }
  }

  @Test
  void direct_zeroEvents_isZeroWithPositiveUpperLimit() {
    List<Stratum> none = List.of(new Stratum("a", 0, 1000, 1), new Stratum("b", 0, 500, 1));
    StandardisedRate r = Standardisation.direct(none, 1000).orElseThrow();
    assertEquals(0, r.standardised().value());
    assertEquals(0, r.standardised().interval().lower());
    // Fay–Feuer with y = v = 0: w_M · G⁻¹(0.975; 1) = (0.5/500·1000) · 3.6889.
    assertEquals(3.688879, r.standardised().interval().upper(), 1e-6);
  }

  @Test
  void direct_noPersonTime_isEmpty() {
    assertEquals(Optional.empty(), Standardisation.direct(List.of(new Stratum("a", 0, 0, 10)), 1000));
  }

  @Test
  void stratum_eventsWithoutPersonTime_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Stratum("a", 2, 0, 10));
  }
}
