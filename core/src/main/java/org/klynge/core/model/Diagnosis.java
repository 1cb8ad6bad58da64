package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * A diagnosis recorded for a patient, e.g. ICPC-2 {@code T90} or ICD-10 {@code DE11}.
 *
 * @param patientId the patient
 * @param date the date the diagnosis was recorded
 * @param code the diagnosis code
 */
public record Diagnosis(String patientId, LocalDate date, Code code) implements Event {

  public Diagnosis {
    requireNonNull(patientId, "patientId");
    requireNonNull(date, "date");
    requireNonNull(code, "code");
  }

  @Override
  public EventType type() {
    return EventType.DIAGNOSIS;
  }

  @Override
  public OptionalDouble value() {
    return OptionalDouble.empty();
  }
}
