package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What an event may carry besides its type, code, date, value and quantity: the last day it
 * lasts, a coded result, the status its source records, and the source's id of the event.
 *
 * <pre>{@code
 * builder.event(Prescription.of("p1", start, "N05AH03"),
 *     EventAttributes.NONE.endingOn(start.plusDays(89)).withStatus(EventStatus.REDEEMED));
 * builder.event(new QuestionnaireAnswer("p1", day, "smoking", OptionalDouble.empty()),
 *     EventAttributes.NONE.withValueCode(new Code(CodeSystem.SNOMED, "77176002")));
 * }</pre>
 *
 * @param endDate the last day of an event that lasts (inclusive); empty for a point, or for a
 *     diagnosis or an episode that is ongoing
 * @param valueCode a coded result (smoking status, a finding), in a declared code system
 * @param status the status the source records; empty when it records none
 * @param id the source's id of the event: rows with one id are one event (see
 *     {@code docs/data-format.md})
 */
public record EventAttributes(
    Optional<LocalDate> endDate, Optional<Code> valueCode, Optional<EventStatus> status, Optional<String> id) {

  /** No end, coded result, status or id. */
  public static final EventAttributes NONE =
      new EventAttributes(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public EventAttributes {
    requireNonNull(endDate, "endDate");
    requireNonNull(valueCode, "valueCode");
    requireNonNull(status, "status");
    requireNonNull(id, "id");
    if (id.isPresent() && id.get().isBlank()) {
      throw new IllegalArgumentException("an event id must not be blank");
    }
  }

  /** These attributes with the event lasting to {@code last} (inclusive). */
  public EventAttributes endingOn(LocalDate last) {
    return new EventAttributes(Optional.of(last), valueCode, status, id);
  }

  /** These attributes with a coded result. */
  public EventAttributes withValueCode(Code code) {
    return new EventAttributes(endDate, Optional.of(code), status, id);
  }

  /** These attributes with a status. */
  public EventAttributes withStatus(EventStatus recorded) {
    return new EventAttributes(endDate, valueCode, Optional.of(recorded), id);
  }

  /** These attributes with the source's id of the event. */
  public EventAttributes withId(String eventId) {
    return new EventAttributes(endDate, valueCode, status, Optional.of(eventId));
  }

  /** Whether there is nothing here. */
  public boolean isEmpty() {
    return endDate.isEmpty() && valueCode.isEmpty() && status.isEmpty() && id.isEmpty();
  }
}
