package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;

/**
 * True when the latest (or first) matching event related to the window has a result: a value or
 * a coded result. "The latest HbA1c has no result" is {@code hasEvent} and not {@code hasResult}.
 *
 * <pre>{@code
 * {type: hasResult, event: lab, valueSet: hba1c, pick: latest}
 * }</pre>
 *
 * @param event the kind of event
 * @param valueSet the value set id
 * @param window the days that count; the measurement period when omitted
 * @param pick latest or first
 * @param relation how an event lies relative to the window; {@code starts} when omitted
 * @param status the statuses that count; any when empty
 */
public record HasResult(
    EventType event,
    String valueSet,
    Window window,
    Pick pick,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Relation.Default.class) Relation relation,
    Set<EventStatus> status) implements Criterion, EventCriterion {
  public HasResult {
    requireNonNull(event, "event");
    requireNonNull(valueSet, "valueSet");
    window = window == null ? Window.PERIOD : window;
    pick = pick == null ? Pick.LATEST : pick;
    relation = relation == null ? Relation.STARTS : relation;
    status = EventCriterion.statuses(status);
  }
}
