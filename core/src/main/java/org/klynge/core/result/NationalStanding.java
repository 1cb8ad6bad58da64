package org.klynge.core.result;

import com.google.common.collect.ImmutableList;
import java.util.OptionalDouble;

/**
 * Where a row stands among all clinics on its indicator and period (see {@link
 * ClinicDistribution}): a clinic's percentile, or, on the nation's row, the clinics' deciles.
 * Given only when at least {@link #MIN_RANKED} clinics are ranked, so that a rank says nothing
 * about any one other clinic.
 *
 * @param clinicsRanked the clinics ranked
 * @param percentile a ranked clinic's percentile (clinic rows only)
 * @param deciles the clinics' 10 % to 90 % deciles (the nation's row only)
 */
public record NationalStanding(int clinicsRanked, OptionalDouble percentile, ImmutableList<Double> deciles) {

  /** The fewest clinics ranked for a standing to be given. */
  public static final int MIN_RANKED = 20;

  public NationalStanding {
    percentile = percentile == null ? OptionalDouble.empty() : percentile;
    deciles = deciles == null ? ImmutableList.of() : ImmutableList.copyOf(deciles);
  }
}
