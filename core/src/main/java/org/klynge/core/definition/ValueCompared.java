package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.klynge.core.model.EventType;

/**
 * True when the latest (or first) matching event in the window has a value that compares to
 * the threshold. The value is converted to {@code unit} first (HbA1c {@code %} ↔
 * {@code mmol/mol}); an event whose value is missing or cannot be converted is skipped, and the
 * criterion is false when no event with a usable value remains. When several usable values
 * share the deciding day, the highest counts, so the order of rows in the source never matters
 * (see {@code docs/calculation-semantics.md}).
 *
 * <pre>{@code
 * {type: value, event: lab, valueSet: hba1c, pick: latest, comparator: ">", threshold: 58, unit: mmol/mol}
 * }</pre>
 *
 * @param event the kind of event (usually {@code lab} or {@code answer})
 * @param valueSet the value set id
 * @param window the days that count; the measurement period when omitted
 * @param pick latest or first
 * @param comparator how the value compares to the threshold
 * @param threshold the threshold, in {@code unit}
 * @param unit the unit of the threshold; empty when values carry no unit
 */
public record ValueCompared(
    EventType event,
    String valueSet,
    Window window,
    Pick pick,
    Comparator comparator,
    double threshold,
    Optional<String> unit) implements Criterion, EventCriterion {
  public ValueCompared {
    requireNonNull(event, "event");
    requireNonNull(valueSet, "valueSet");
    window = window == null ? Window.PERIOD : window;
    pick = pick == null ? Pick.LATEST : pick;
    requireNonNull(comparator, "comparator");
    unit = unit == null ? Optional.empty() : unit;
  }
}
