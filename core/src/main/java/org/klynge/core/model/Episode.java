package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * A period of care or residence that starts on a date and lasts until it is given an end (with
 * {@link EventAttributes#endingOn}): a nursing-home stay, dose dispensing, a palliative course, a
 * hospital admission; coded, for example, in SKS or a declared municipal system.
 *
 * @param patientId the patient
 * @param date the first day
 * @param code what the episode is
 */
public record Episode(String patientId, LocalDate date, Code code) implements Event {

  public Episode {
    requireNonNull(patientId, "patientId");
    requireNonNull(date, "date");
    requireNonNull(code, "code");
  }

  @Override
  public EventType type() {
    return EventType.EPISODE;
  }

  @Override
  public OptionalDouble value() {
    return OptionalDouble.empty();
  }
}
