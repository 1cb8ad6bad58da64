package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.disclosure.PublishedCount;
import org.klynge.core.disclosure.PublishedValue;
import org.klynge.core.disclosure.SuppressionReason;

/**
 * One result row as published to a viewer, made by {@link Publication#publish}.
 *
 * <p>The published counts are the two that disclosure control checks (see {@link
 * Publication#counts}); a suppressed row has no counts, no value and no statistics, each marked
 * {@code SUPPRESSED}, never 0.
 *
 * @param indicatorId the indicator id
 * @param indicatorVersion the indicator version
 * @param level the organisation level
 * @param unitId the unit's id, or a pseudonym such as {@code k1-P02} for a clinic the viewer may not
 *     identify (for {@link Level#REST_OF_CLUSTER}, the clinic's id or pseudonym)
 * @param parentId the parent's id ({@code ""} for the nation)
 * @param period the measurement period
 * @param suppression why the row is suppressed, {@code NONE} when it is shown
 * @param numerator the published numerator
 * @param denominator the published denominator
 * @param value the published value
 * @param statistics the statistics, {@link RowStatistics#NONE} when suppressed
 */
public record PublishedRow(
    String indicatorId,
    String indicatorVersion,
    Level level,
    String unitId,
    String parentId,
    MeasurementPeriod period,
    SuppressionReason suppression,
    PublishedCount numerator,
    PublishedCount denominator,
    PublishedValue value,
    RowStatistics statistics) {

  public PublishedRow {
    requireNonNull(indicatorId, "indicatorId");
    requireNonNull(indicatorVersion, "indicatorVersion");
    requireNonNull(level, "level");
    requireNonNull(unitId, "unitId");
    requireNonNull(parentId, "parentId");
    requireNonNull(period, "period");
    requireNonNull(suppression, "suppression");
    requireNonNull(numerator, "numerator");
    requireNonNull(denominator, "denominator");
    requireNonNull(value, "value");
    requireNonNull(statistics, "statistics");
    if (suppression != SuppressionReason.NONE && !statistics.equals(RowStatistics.NONE)) {
      throw new IllegalArgumentException("a suppressed row has no statistics");
    }
  }

  /** Whether the row's counts, value and statistics are hidden. */
  public boolean suppressed() {
    return suppression != SuppressionReason.NONE;
  }

  /** {@code shown} or {@code suppressed}, as written in files. */
  public String status() {
    return suppressed() ? "suppressed" : "shown";
  }
}
