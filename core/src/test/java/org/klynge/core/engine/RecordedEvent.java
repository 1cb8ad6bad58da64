package org.klynge.core.engine;

import java.time.LocalDate;
import java.util.Optional;
import org.klynge.core.model.Code;
import org.klynge.core.model.Event;
import org.klynge.core.model.EventAttributes;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;

/** An event with what it carries besides its core fields, as a test world holds it. */
record RecordedEvent(Event event, EventAttributes attributes) {

  static RecordedEvent of(Event event) {
    return new RecordedEvent(event, EventAttributes.NONE);
  }

  LocalDate date() {
    return event.date();
  }

  /** The last day, or empty for an ongoing event: a diagnosis or an episode without an end. */
  Optional<LocalDate> lastDay() {
    if (attributes.endDate().isPresent()) {
      return attributes.endDate();
    }
    return event.type() == EventType.DIAGNOSIS || event.type() == EventType.EPISODE ? Optional.empty()
        : Optional.of(event.date());
  }

  Optional<Code> valueCode() {
    return attributes.valueCode();
  }

  Optional<EventStatus> status() {
    return attributes.status();
  }

  /** What makes two rows the same event when neither has an id. */
  Object identity() {
    return java.util.List.of(event, lastDay(), valueCode(), status());
  }
}
