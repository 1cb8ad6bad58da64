package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.disclosure.PublishedCount;
import org.klynge.core.disclosure.PublishedValue;
import org.klynge.core.disclosure.Status;

/**
 * One result row as published to a viewer, made by {@link Publication#publish}.
 *
 * <p>The published counts are the two that disclosure control checks (see {@link
 * Publication#counts}). A count hidden by disclosure control is {@code SUPPRESSED}, never 0; a row
 * with a hidden count is suppressed: its value and statistics are hidden too. Why it is hidden is
 * not said here (that would narrow the range); the data owner's {@link DisclosureAudit} says.
 *
 * @param indicatorId the indicator id
 * @param indicatorVersion the indicator version
 * @param level the organisation level
 * @param unitId the unit's id, or a pseudonym such as {@code k1-P02} for a clinic the viewer may not
 *     identify (for {@link Level#REST_OF_CLUSTER}, the clinic's id or pseudonym)
 * @param parentId the parent's id ({@code ""} for regions, the nation and the unattributed row)
 * @param period the measurement period
 * @param numerator the published numerator
 * @param denominator the published denominator
 * @param value the published value
 * @param statistics the statistics, {@link RowStatistics#NONE} when suppressed
 * @param counted what the two counts count, so that rows publishing the same count can be found
 * @param ownClinic whether this is the viewer's own clinic (shown even when its counts are small)
 */
public record PublishedRow(
    String indicatorId,
    String indicatorVersion,
    Level level,
    String unitId,
    String parentId,
    MeasurementPeriod period,
    PublishedCount numerator,
    PublishedCount denominator,
    PublishedValue value,
    RowStatistics statistics,
    CountedPopulations counted,
    boolean ownClinic) {

  public PublishedRow {
    requireNonNull(indicatorId, "indicatorId");
    requireNonNull(indicatorVersion, "indicatorVersion");
    requireNonNull(level, "level");
    requireNonNull(unitId, "unitId");
    requireNonNull(parentId, "parentId");
    requireNonNull(period, "period");
    requireNonNull(numerator, "numerator");
    requireNonNull(denominator, "denominator");
    requireNonNull(value, "value");
    requireNonNull(statistics, "statistics");
    requireNonNull(counted, "counted");
    boolean hidden = numerator.status() == Status.SUPPRESSED || denominator.status() == Status.SUPPRESSED;
    if (hidden && (value.status() != Status.SUPPRESSED || !statistics.equals(RowStatistics.NONE))) {
      throw new IllegalArgumentException("a row with a suppressed count has its value and statistics suppressed too");
    }
  }

  /** Whether a count of the row is hidden (and with it the value and statistics). */
  public boolean suppressed() {
    return numerator.status() == Status.SUPPRESSED || denominator.status() == Status.SUPPRESSED;
  }

  /** {@code shown} or {@code suppressed}, as written in files. */
  public String status() {
    return suppressed() ? "suppressed" : "shown";
  }
}
