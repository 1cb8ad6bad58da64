package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;

/**
 * True when the patient has at least one event of the type, with a code in the value set (and,
 * when {@code status} is given, one of those statuses or none recorded), related to the window as
 * {@code relation} says. A lab measurement without a result still counts.
 *
 * <pre>{@code
 * {type: hasEvent, event: lab, valueSet: hba1c, window: {from: period.start, to: period.end}}
 * {type: hasEvent, event: diagnosis, valueSet: diabetes, relation: overlaps}
 * {type: hasEvent, event: lab, valueSet: hba1c, status: [final, amended, corrected]}
 * }</pre>
 *
 * @param event the kind of event
 * @param valueSet the value set id
 * @param window the days that count; the measurement period when omitted
 * @param relation how the event lies relative to the window; {@code starts} when omitted
 * @param status the statuses that count; any when empty
 */
public record HasEvent(
    EventType event,
    String valueSet,
    Window window,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Relation.Default.class) Relation relation,
    Set<EventStatus> status) implements Criterion, EventCriterion {
  public HasEvent {
    requireNonNull(event, "event");
    requireNonNull(valueSet, "valueSet");
    window = window == null ? Window.PERIOD : window;
    relation = relation == null ? Relation.STARTS : relation;
    status = EventCriterion.statuses(status);
  }

  /** An event starting in the window, with any status. */
  public HasEvent(EventType event, String valueSet, Window window) {
    this(event, valueSet, window, Relation.STARTS, Set.of());
  }
}
