package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A lab result, e.g. NPU27300 (HbA1c) 52 mmol/mol. A measurement without a numeric result
 * (sample taken, result missing) still counts as a measurement for "has event" criteria.
 *
 * @param patientId the patient
 * @param date the sample date
 * @param code the analysis code (NPU or LOINC)
 * @param result the numeric result, empty when missing
 * @param resultUnit the unit of the result as recorded, e.g. {@code mmol/mol} or {@code %}
 */
public record LabMeasurement(
    String patientId, LocalDate date, Code code, OptionalDouble result, Optional<String> resultUnit)
    implements Event {

  public LabMeasurement {
    requireNonNull(patientId, "patientId");
    requireNonNull(date, "date");
    requireNonNull(code, "code");
    result = result == null ? OptionalDouble.empty() : result;
    resultUnit = resultUnit == null ? Optional.empty() : resultUnit;
  }

  /** A measurement with a result in a unit. */
  public static LabMeasurement of(String patientId, LocalDate date, Code code, double result, String unit) {
    return new LabMeasurement(patientId, date, code, OptionalDouble.of(result), Optional.of(unit));
  }

  @Override
  public EventType type() {
    return EventType.LAB;
  }

  @Override
  public OptionalDouble value() {
    return result;
  }

  @Override
  public Optional<String> unit() {
    return resultUnit;
  }
}
