package org.klynge.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DistributionsTest {
  /** Standard normal table values (Abramowitz &amp; Stegun 1964, table 26.5). */
  @ParameterizedTest(name = "Φ⁻¹({0})")
  @CsvSource({"0.975, 1.959963985", "0.995, 2.575829304", "0.999, 3.090232306", "0.5, 0", "0.025, -1.959963985",
    "0.8413447461, 1.0"})
  void normalQuantile_matchesTables(double p, double z) {
    assertEquals(z, Distributions.normalQuantile(p), 1e-8);
  }

  @Test
  void normalQuantile_invertsCdfInTheTails() {
    for (double p : new double[] {1e-12, 1e-6, 0.01, 0.02425, 0.3, 0.97575, 0.999999}) {
      assertEquals(p, Distributions.normalCdf(Distributions.normalQuantile(p)), p * 1e-12 + 1e-15);
    }
  }

  @Test
  void logGamma_matchesFactorials() {
    assertEquals(Math.log(24), Distributions.logGamma(5), 1e-13);
    assertEquals(0.5 * Math.log(Math.PI), Distributions.logGamma(0.5), 1e-13);
    assertEquals(Math.log(3628800), Distributions.logGamma(11), 1e-12);
  }

  /** Chi-square and t tables (e.g. Abramowitz &amp; Stegun 1964, tables 26.8 and 26.10). */
  @Test
  void quantiles_matchTables() {
    assertEquals(3.841459, Distributions.chiSquareQuantile(0.95, 1), 1e-6);
    assertEquals(18.307038, Distributions.chiSquareQuantile(0.95, 10), 1e-6);
    assertEquals(2.776445, Distributions.studentTQuantile(0.975, 4), 1e-6);
    assertEquals(12.706205, Distributions.studentTQuantile(0.975, 1), 1e-6);
    assertEquals(-Math.log(0.025), Distributions.gammaQuantile(0.975, 1), 1e-12);
    assertEquals(0.5, Distributions.betaQuantile(0.5, 2, 2), 1e-12);
  }

  @Test
  void upperQuantiles_solveTheUpperTail() {
    assertEquals(-Math.log(0.025), Distributions.gammaUpperQuantile(0.025, 1), 1e-14);
    assertEquals(0.75, Distributions.betaUpperQuantile(0.25, 1, 1), 1e-15);
    // beta(a, 1) has I_x = x^a, so the upper-tail q is reached at (1 − q)^(1/a)
    assertEquals(Math.pow(0.999, 1 / 3.0), Distributions.betaUpperQuantile(0.001, 3, 1), 1e-15);
    assertEquals(Double.POSITIVE_INFINITY, Distributions.gammaUpperQuantile(0, 2));
    assertEquals(0, Distributions.gammaUpperQuantile(1, 2));
  }

  @Test
  void regularizedBeta_matchesClosedForms() {
    // I_x(1, b) = 1 − (1 − x)^b and I_x(a, 1) = x^a.
    assertEquals(1 - Math.pow(0.7, 5), Distributions.regularizedBeta(0.3, 1, 5), 1e-14);
    assertEquals(Math.pow(0.3, 4), Distributions.regularizedBeta(0.3, 4, 1), 1e-14);
  }

  @Test
  void regularizedGamma_matchesPoissonSums() {
    // Q(k + 1, λ) = P(Poisson(λ) ≤ k); for k = 2, λ = 3: e^-3 (1 + 3 + 4.5).
    assertEquals(Math.exp(-3) * 8.5, Distributions.regularizedGammaQ(3, 3), 1e-14);
    assertEquals(1 - Math.exp(-1), Distributions.regularizedGammaP(1, 1), 1e-14);
  }
}
