package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

import org.klynge.core.model.EventType;

/**
 * True when the patient has at least one event of the type, with a code in the value set, in
 * the window. A lab measurement without a result still counts.
 *
 * <pre>{@code
 * {type: hasEvent, event: lab, valueSet: hba1c, window: {from: period.start, to: period.end}}
 * }</pre>
 *
 * @param event the kind of event
 * @param valueSet the value set id
 * @param window the days that count; the measurement period when omitted
 */
public record HasEvent(EventType event, String valueSet, Window window) implements Criterion, EventCriterion {
  public HasEvent {
    requireNonNull(event, "event");
    requireNonNull(valueSet, "valueSet");
    window = window == null ? Window.PERIOD : window;
  }
}
