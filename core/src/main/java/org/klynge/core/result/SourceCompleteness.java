package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;
import org.klynge.core.definition.CompletenessRequirement;
import org.klynge.core.definition.DataSource;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.stats.Distributions;

/**
 * How completely one clinic delivered one data source in one period: of the patients listed with
 * it on the reference date, how many have any event from the source (by {@link
 * DataSource#eventTypes()}) starting in the period, and that share against the nation's.
 *
 * <p>Example: 0 of 1,850 listed patients with care-plan data while the nation has 21.4 % is a share
 * of 0 %, 0 % of the nation's: a clinic that sent no care-plan data, whose rows of an indicator
 * requiring care plans are marked data incomplete.
 *
 * @param clinicId the clinic
 * @param source the source
 * @param period the period
 * @param listed the clinic's patients listed on the reference date
 * @param withData those of them with any event from the source in the period
 */
public record SourceCompleteness(
    String clinicId, DataSource source, MeasurementPeriod period, long listed, long withData) {

  public SourceCompleteness {
    requireNonNull(clinicId, "clinicId");
    requireNonNull(source, "source");
    requireNonNull(period, "period");
    if (listed < 0 || withData < 0 || withData > listed) {
      throw new IllegalArgumentException("need 0 ≤ withData ≤ listed, got " + withData + " of " + listed);
    }
  }

  /**
   * Whether {@code withData} of {@code listed} is significantly below {@code minimumOfNation}
   * percent of the nation's share: with λ = listed × minimumOfNation/100 × nationWithData /
   * nationListed, a Poisson count of mean λ is at most {@code withData} with probability below
   * {@code significance}. So a clinic is marked only when its data are too few to be chance: at the
   * default 0.001, 0 of 366 listed patients where the minimum gives λ = 7.1 (p = 0.0008) is marked;
   * 2 of 139 where it gives λ = 2.7 (p = 0.49) is not, nor any clinic whose expected count is below
   * 6.9 (a month of a small clinic).
   */
  public static boolean significantlyBelow(long withData, long listed, long nationWithData, long nationListed,
      double minimumOfNation, double significance) {
    if (listed == 0 || nationListed == 0 || nationWithData == 0) {
      return false;
    }
    double lambda = listed * (minimumOfNation / 100) * nationWithData / nationListed;
    // P(X ≤ x) for X ~ Poisson(λ) is the regularised upper incomplete gamma Q(x + 1, λ)
    return Distributions.regularizedGammaQ(withData + 1.0, lambda) < significance;
  }

  /** Whether this clinic's data fall short of {@code requirement}, against {@code nation}'s. */
  public boolean fallsShort(SourceCompleteness nation, CompletenessRequirement requirement) {
    return significantlyBelow(withData, listed, nation.withData, nation.listed, requirement.minimumOfNation(),
        requirement.significance());
  }

  /** The share of listed patients with data, in percent; empty when none are listed. */
  public OptionalDouble share() {
    return Scores.percent(withData, listed);
  }

  /**
   * The share as a percentage of {@code nation}'s share (the same source and period summed over
   * all clinics); empty when either has no listed patients or the nation has no data at all.
   */
  public OptionalDouble shareOfNation(SourceCompleteness nation) {
    OptionalDouble own = share();
    OptionalDouble all = nation.share();
    return own.isEmpty() || all.isEmpty() || all.getAsDouble() == 0 ? OptionalDouble.empty()
        : OptionalDouble.of(100 * own.getAsDouble() / all.getAsDouble());
  }
}
