package org.klynge.core.definition;

import jakarta.validation.constraints.Min;
import static java.util.Objects.requireNonNull;

import org.klynge.core.model.EventType;

/**
 * True when the patient has at least {@code atLeast} matching events in the window. Every event
 * counts; only exact duplicate rows (same patient, type, code, date, value, unit and quantity)
 * are collapsed when the data is built, so they count once.
 *
 * <pre>{@code
 * {type: eventCount, event: prescription, valueSet: antipsychotics, atLeast: 2}
 * }</pre>
 *
 * @param event the kind of event
 * @param valueSet the value set id
 * @param window the days that count; the measurement period when omitted
 * @param atLeast the smallest number of distinct events that satisfies the criterion, at least 1
 */
public record EventCount(EventType event, String valueSet, Window window, @Min(1) int atLeast)
    implements Criterion, EventCriterion {
  public EventCount {
    requireNonNull(event, "event");
    requireNonNull(valueSet, "valueSet");
    window = window == null ? Window.PERIOD : window;
  }
}
