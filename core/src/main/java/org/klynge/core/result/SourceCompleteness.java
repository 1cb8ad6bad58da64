package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;
import org.klynge.core.definition.DataSource;
import org.klynge.core.definition.MeasurementPeriod;

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
