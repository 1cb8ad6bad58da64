package org.klynge.report.view;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.disclosure.Status;

/**
 * One point of a run chart: a period and what was published for it.
 *
 * @param period the period
 * @param value the value, empty when suppressed, not published or without patients
 * @param status the status of the published counts: shown, rounded, suppressed or not available
 * @param numerator the published numerator, when shown
 * @param denominator the published denominator, when shown
 */
public record ChartPoint(MeasurementPeriod period, OptionalDouble value, Status status, OptionalLong numerator,
    OptionalLong denominator) {
  public ChartPoint {
    requireNonNull(period, "period");
    requireNonNull(value, "value");
    requireNonNull(status, "status");
    requireNonNull(numerator, "numerator");
    requireNonNull(denominator, "denominator");
  }

  /** Whether the point is hidden by disclosure control. */
  public boolean suppressed() {
    return status == Status.SUPPRESSED;
  }
}
