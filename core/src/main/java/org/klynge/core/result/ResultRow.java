package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;
import org.klynge.core.definition.MeasurementPeriod;

/**
 * One indicator's result for one organisation unit and period.
 *
 * @param indicatorId the indicator id
 * @param indicatorVersion the indicator version
 * @param level the organisation level
 * @param unitId the unit's id (for {@link Level#REST_OF_CLUSTER}, the clinic's id; for the nation, {@code DK})
 * @param parentId the unit one level up on the reference date ({@code ""} for the nation)
 * @param period the measurement period
 * @param counts the population counts
 * @param value the value: percent, rate per N, ratio, or mean/median; empty when the denominator is 0
 * @param dataIncomplete a clinic row whose clinic delivered a source the indicator requires less
 *     completely than it requires (see {@link org.klynge.core.definition.CompletenessRequirement}):
 *     its value is kept here, but no statistics are computed or published for it
 */
public record ResultRow(
    String indicatorId,
    String indicatorVersion,
    Level level,
    String unitId,
    String parentId,
    MeasurementPeriod period,
    PopulationCounts counts,
    OptionalDouble value,
    boolean dataIncomplete) {

  public ResultRow {
    requireNonNull(indicatorId, "indicatorId");
    requireNonNull(indicatorVersion, "indicatorVersion");
    requireNonNull(level, "level");
    requireNonNull(unitId, "unitId");
    requireNonNull(parentId, "parentId");
    requireNonNull(period, "period");
    requireNonNull(counts, "counts");
    value = value == null ? OptionalDouble.empty() : value;
  }

  /** A row whose data are complete. */
  public ResultRow(String indicatorId, String indicatorVersion, Level level, String unitId, String parentId,
      MeasurementPeriod period, PopulationCounts counts, OptionalDouble value) {
    this(indicatorId, indicatorVersion, level, unitId, parentId, period, counts, value, false);
  }
}
