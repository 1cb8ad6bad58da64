package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;
import java.util.Set;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;

/**
 * True when the latest (or first) matching event related to the window has a value that compares
 * to the threshold. The value is converted to {@code unit} first (HbA1c {@code %} ↔
 * {@code mmol/mol}). An event whose value is missing or cannot be converted is passed over
 * ({@code missing: skip}, the default), or may decide: the criterion is then false
 * ({@code missing: fails}) or true ({@code missing: holds}); a usable value on the deciding day
 * decides before a missing one. When several usable values share the deciding day, the highest
 * counts ({@code tie: highest}) or the lowest ({@code tie: lowest}), so the order of rows in the
 * source never matters (see {@code docs/calculation-semantics.md}).
 *
 * <pre>{@code
 * {type: value, event: lab, valueSet: hba1c, pick: latest, comparator: ">", threshold: 58, unit: mmol/mol}
 * {type: value, event: lab, valueSet: hba1c, comparator: ">", threshold: 9, unit: "%", missing: holds, tie: lowest}
 * }</pre>
 *
 * @param event the kind of event (usually {@code lab} or {@code answer})
 * @param valueSet the value set id
 * @param window the days that count; the measurement period when omitted
 * @param pick latest or first
 * @param comparator how the value compares to the threshold
 * @param threshold the threshold, in {@code unit}
 * @param unit the unit of the threshold; empty when values carry no unit
 * @param relation how an event lies relative to the window; {@code starts} when omitted
 * @param status the statuses that count; any when empty
 * @param missing what an event without a usable value does; {@code skip} when omitted
 * @param tie which of several values on the deciding day counts; {@code highest} when omitted
 */
public record ValueCompared(
    EventType event,
    String valueSet,
    Window window,
    Pick pick,
    Comparator comparator,
    double threshold,
    Optional<String> unit,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Relation.Default.class) Relation relation,
    Set<EventStatus> status,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Missing.Default.class) Missing missing,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Tie.Default.class) Tie tie)
    implements Criterion, EventCriterion {
  public ValueCompared {
    requireNonNull(event, "event");
    requireNonNull(valueSet, "valueSet");
    window = window == null ? Window.PERIOD : window;
    pick = pick == null ? Pick.LATEST : pick;
    requireNonNull(comparator, "comparator");
    unit = unit == null ? Optional.empty() : unit;
    relation = relation == null ? Relation.STARTS : relation;
    status = EventCriterion.statuses(status);
    missing = missing == null ? Missing.SKIP : missing;
    tie = tie == null ? Tie.HIGHEST : tie;
  }

  /** The latest (or first) usable value of events starting in the window, any status, the highest of a day. */
  public ValueCompared(EventType event, String valueSet, Window window, Pick pick, Comparator comparator,
      double threshold, Optional<String> unit) {
    this(event, valueSet, window, pick, comparator, threshold, unit, Relation.STARTS, Set.of(), Missing.SKIP,
        Tie.HIGHEST);
  }
}
