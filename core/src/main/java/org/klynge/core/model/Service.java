package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * A service provided and billed under a fee code (ydelse), e.g. an annual diabetes control.
 *
 * @param patientId the patient
 * @param date the date of service
 * @param feeCode the fee code of the collective agreement
 */
public record Service(String patientId, LocalDate date, String feeCode) implements Event {

  public Service {
    requireNonNull(patientId, "patientId");
    requireNonNull(date, "date");
    requireNonNull(feeCode, "feeCode");
  }

  @Override
  public EventType type() {
    return EventType.SERVICE;
  }

  @Override
  public Code code() {
    return new Code(CodeSystem.FEE, feeCode);
  }

  @Override
  public OptionalDouble value() {
    return OptionalDouble.empty();
  }
}
