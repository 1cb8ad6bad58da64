package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Min;
import java.util.Set;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;

/**
 * True when the patient has at least {@code atLeast} matching events related to the window. Every
 * event counts; exact duplicate rows are one event or several as the extract's duplicate policy
 * for the type says (prescriptions: each row; others: once).
 *
 * <pre>{@code
 * {type: eventCount, event: prescription, valueSet: antipsychotics, atLeast: 2}
 * }</pre>
 *
 * @param event the kind of event
 * @param valueSet the value set id
 * @param window the days that count; the measurement period when omitted
 * @param atLeast the smallest number of distinct events that satisfies the criterion, at least 1
 * @param relation how an event lies relative to the window; {@code starts} when omitted
 * @param status the statuses that count; any when empty
 */
public record EventCount(
    EventType event,
    String valueSet,
    Window window,
    @Min(1) int atLeast,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Relation.Default.class) Relation relation,
    Set<EventStatus> status) implements Criterion, EventCriterion {
  public EventCount {
    requireNonNull(event, "event");
    requireNonNull(valueSet, "valueSet");
    window = window == null ? Window.PERIOD : window;
    relation = relation == null ? Relation.STARTS : relation;
    status = EventCriterion.statuses(status);
  }

  /** Events starting in the window, with any status. */
  public EventCount(EventType event, String valueSet, Window window, int atLeast) {
    this(event, valueSet, window, atLeast, Relation.STARTS, Set.of());
  }
}
