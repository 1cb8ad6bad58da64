package org.klynge.core.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Something recorded for a patient on a date. The permitted kinds mirror the data sources of
 * general practice: care-plan diagnoses and lab values, redeemed prescriptions, services
 * (fee codes) and questionnaire answers.
 */
public sealed interface Event
    permits Diagnosis, LabMeasurement, Prescription, Service, QuestionnaireAnswer, Episode {

  /** The patient the event belongs to. */
  String patientId();

  /** The day the event happened (diagnosis date, sample date, redemption date…). */
  LocalDate date();

  /** The kind of event. */
  EventType type();

  /** The code that value sets are matched against. */
  Code code();

  /** The numeric value: a lab result, an answer score, or a prescription's defined daily doses. */
  OptionalDouble value();

  /** The unit of {@link #value()}, when it has one. */
  default Optional<String> unit() {
    return Optional.empty();
  }

  /** A count attached to the event, such as packages redeemed. */
  default OptionalDouble quantity() {
    return OptionalDouble.empty();
  }
}
