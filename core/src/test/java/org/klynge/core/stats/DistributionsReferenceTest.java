package org.klynge.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quantiles against {@code reference-quantiles.csv}: 223 values computed at 40 significant
 * digits (mpmath; the script beside the file writes it) for the shapes the intervals use: gamma
 * shapes 0.5 to 10⁶ at six probabilities (exact Poisson limits), the Clopper–Pearson beta shapes for
 * counts 1/10 to 60,000/250,000 at four, the normal quantile from 10⁻¹² to 1 − 10⁻⁶ and chi-square
 * quantiles for 1 to 1,467 degrees of freedom (the overdispersion test).
 */
class DistributionsReferenceTest {
  /**
   * Relative error allowed. Commons Statistics meets 1e-14 at all but the largest beta shapes (9e-13
   * at beta(2, 99999)); the code it replaced had up to 8e-11 there.
   */
  private static final double RELATIVE = 2e-12;

  /** One reference value; {@code q} is {@code 1 − p} without rounding error (from the decimal text). */
  record Reference(String distribution, double p, double q, double a, double b, double quantile) {
    double computed() {
      return switch (distribution) {
        case "gamma" -> Distributions.gammaQuantile(p, a);
        case "beta" -> Distributions.betaQuantile(p, a, b);
        case "normal" -> Distributions.normalQuantile(p);
        case "chisquare" -> Distributions.chiSquareQuantile(p, a);
        default -> throw new IllegalStateException("unknown distribution " + distribution);
      };
    }

    /** The same quantile solved on the upper tail, where core has that form (gamma and beta). */
    OptionalDouble computedFromUpperTail() {
      return switch (distribution) {
        case "gamma" -> OptionalDouble.of(Distributions.gammaUpperQuantile(q, a));
        case "beta" -> OptionalDouble.of(Distributions.betaUpperQuantile(q, a, b));
        default -> OptionalDouble.empty();
      };
    }

    @Override
    public String toString() {
      return distribution + "(" + a + (distribution.equals("beta") ? ", " + b : "") + ") at " + p;
    }
  }

  static List<Reference> references() throws IOException {
    try (InputStream in = DistributionsReferenceTest.class.getResourceAsStream("reference-quantiles.csv")) {
      List<Reference> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",", -1);
        double q = BigDecimal.ONE.subtract(new BigDecimal(f[1])).doubleValue();
        out.add(new Reference(f[0], Double.parseDouble(f[1]), q, f[2].isEmpty() ? 0 : Double.parseDouble(f[2]),
            f[3].isEmpty() ? 0 : Double.parseDouble(f[3]), Double.parseDouble(f[4])));
      }
      return out;
    }
  }

  static Stream<Reference> cases() throws IOException {
    return references().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void quantile_matchesReference(Reference r) {
    double tolerance = r.quantile() == 0 ? 1e-15 : Math.abs(r.quantile()) * RELATIVE;
    assertEquals(r.quantile(), r.computed(), tolerance, r.toString());
    r.computedFromUpperTail().ifPresent(x -> assertEquals(r.quantile(), x, tolerance, "upper tail: " + r));
  }

  @Test
  void references_coverEveryDistribution() throws IOException {
    List<Reference> all = references();
    assertEquals(223, all.size());
    for (String d : List.of("gamma", "beta", "normal", "chisquare")) {
      assertTrue(all.stream().anyMatch(r -> r.distribution().equals(d)), d);
    }
  }
}
