package org.klynge.core.stats;

import java.util.List;
import java.util.Optional;

/**
 * Direct age–sex standardisation of rates to a standard population.
 *
 * <pre>
 *   wᵢ = Wᵢ / ΣWⱼ                        (standard population weights)
 *   DSR = m · Σ wᵢ xᵢ / Tᵢ
 *   V   = m² · Σ wᵢ² xᵢ / Tᵢ²            (variance, Poisson counts)
 * </pre>
 *
 * A stratum with no person-time (and so no events) contributes a rate of 0. Intervals:
 *
 * <ul>
 *   <li>Dobson et al. 1991 (Stat Med 10:457): with {@code O = Σxᵢ} and {@code [O_L, O_U]} its exact
 *       Poisson limits, {@code DSR + √(V/O)·(O_L − O)} to {@code DSR + √(V/O)·(O_U − O)}. This is
 *       the method of the PHE/OHID technical guide (which uses Byar's limits for O).
 *   <li>Fay &amp; Feuer 1997 (Stat Med 16:791): with {@code w_M = m · maxᵢ wᵢ/Tᵢ}, lower {@code V/DSR
 *       · G⁻¹(α/2; DSR²/V)}, upper {@code (V + w_M²)/(DSR + w_M) · G⁻¹(1 − α/2; (DSR + w_M)²/(V +
 *       w_M²))}, {@code G⁻¹} the gamma quantile with unit scale.
 * </ul>
 *
 * Zero events: the DSR is 0, and the Dobson formula is undefined, so both methods give the Fay–Feuer
 * interval from 0. With a single stratum both methods reproduce the exact Poisson interval of the
 * crude rate.
 */
public final class Standardisation {
  /** The default interval method. */
  public static final StandardisationMethod DEFAULT_METHOD = StandardisationMethod.DOBSON;

  private Standardisation() {}

  /**
   * The directly standardised rate per {@code multiplier} with its interval, and the crude rate.
   *
   * <p>Worked example (computed by hand; checked independently with SciPy): strata 4 events in
   * 2,000 person-years (standard population 6,000) and 30 in 1,000 (standard 4,000), per 1,000:
   * weights 0.6 and 0.4; DSR = 1000 · (0.6·0.002 + 0.4·0.030) = 13.20; V = 10⁶ · (0.36·4/2000² +
   * 0.16·30/1000²) = 5.16; O = 34, exact limits 23.55 to 47.51; Dobson 13.20 + √(5.16/34)·(23.55 −
   * 34) = 9.127 to 18.464. Crude: 34/3,000 = 11.33.
   *
   * @return empty when the total person-time or the total standard population is 0
   */
  public static Optional<StandardisedRate> direct(
      List<Stratum> strata, double multiplier, StandardisationMethod method, double level) {
    if (!(multiplier > 0) || !Double.isFinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be finite and positive, got " + multiplier);
    }
    double alpha = ConfidenceLevel.alpha(level);
    long events = 0;
    double personTime = 0;
    double standardTotal = 0;
    for (Stratum s : strata) {
      events += s.events();
      personTime += s.personTime();
      standardTotal += s.standardPopulation();
    }
    if (personTime == 0 || standardTotal == 0) {
      return Optional.empty();
    }
    double dsr = 0;
    double variance = 0;
    double maxWeightPerTime = 0;
    for (Stratum s : strata) {
      if (s.personTime() == 0) {
        continue;
      }
      double w = s.standardPopulation() / standardTotal;
      dsr += w * s.events() / s.personTime();
      variance += w * w * s.events() / (s.personTime() * s.personTime());
      maxWeightPerTime = Math.max(maxWeightPerTime, w / s.personTime());
    }
    dsr *= multiplier;
    variance *= multiplier * multiplier;
    double wM = maxWeightPerTime * multiplier;
    Interval interval =
        method == StandardisationMethod.DOBSON && events > 0
            ? dobson(dsr, variance, events, level)
            : fayFeuer(dsr, variance, wM, alpha);
    Estimate crude = Rates.rate(events, personTime, multiplier, RateMethod.EXACT, level).orElseThrow();
    return Optional.of(new StandardisedRate(events, personTime, crude, new Estimate(dsr, interval)));
  }

  /** As {@link #direct(List, double, StandardisationMethod, double)} by Dobson's method at 95 %. */
  public static Optional<StandardisedRate> direct(List<Stratum> strata, double multiplier) {
    return direct(strata, multiplier, DEFAULT_METHOD, ConfidenceLevel.DEFAULT);
  }

  private static Interval dobson(double dsr, double variance, long events, double level) {
    Interval o = Rates.exactCount(events, level);
    double scale = Math.sqrt(variance / events);
    double lower = Math.max(0, dsr + scale * (o.lower() - events));
    double upper = dsr + scale * (o.upper() - events);
    return new Interval(Math.min(lower, dsr), Math.max(upper, dsr));
  }

  private static Interval fayFeuer(double dsr, double variance, double wM, double alpha) {
    double lower = dsr == 0 || variance == 0
        ? 0
        : variance / dsr * Distributions.gammaQuantile(alpha / 2, dsr * dsr / variance);
    double upper = wM == 0
        ? dsr
        : (variance + wM * wM) / (dsr + wM)
            * Distributions.gammaUpperQuantile(alpha / 2, (dsr + wM) * (dsr + wM) / (variance + wM * wM));
    return new Interval(Math.min(lower, dsr), Math.max(upper, dsr));
  }
}
