package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;

/**
 * Value = the mean or median, over the denominator's patients, of each patient's latest (or
 * first) value in the window, converted to {@code unit}. Patients without a usable value are
 * counted but contribute nothing.
 *
 * <pre>{@code
 * scoring: {type: continuous, event: lab, valueSet: hba1c, pick: latest, unit: mmol/mol, aggregate: median}
 * }</pre>
 *
 * @param event the kind of event
 * @param valueSet the value set
 * @param window the days that count; the measurement period when omitted
 * @param pick latest or first
 * @param unit the unit values are converted to
 * @param aggregate mean or median
 * @param relation how an event lies relative to the window; {@code starts} when omitted
 * @param status the statuses that count; any when empty
 * @param tie which of several values on the deciding day counts; {@code highest} when omitted
 */
public record Continuous(
    EventType event,
    String valueSet,
    Window window,
    Pick pick,
    Optional<String> unit,
    Aggregate aggregate,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Relation.Default.class) Relation relation,
    Set<EventStatus> status,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Tie.Default.class) Tie tie)
    implements Scoring, EventCriterion {

  public Continuous {
    requireNonNull(event, "event");
    requireNonNull(valueSet, "valueSet");
    window = window == null ? Window.PERIOD : window;
    pick = pick == null ? Pick.LATEST : pick;
    unit = unit == null ? Optional.empty() : unit;
    aggregate = aggregate == null ? Aggregate.MEAN : aggregate;
    relation = relation == null ? Relation.STARTS : relation;
    status = EventCriterion.statuses(status);
    tie = tie == null ? Tie.HIGHEST : tie;
  }

  /** Values of events starting in the window, any status, the highest of a day. */
  public Continuous(EventType event, String valueSet, Window window, Pick pick, Optional<String> unit,
      Aggregate aggregate) {
    this(event, valueSet, window, pick, unit, aggregate, Relation.STARTS, Set.of(), Tie.HIGHEST);
  }

  /** How patient values are summarised. */
  public enum Aggregate {
    MEAN,
    MEDIAN;

    @JsonValue
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static Aggregate parse(String code) {
      for (Aggregate a : values()) {
        if (a.code().equals(code)) {
          return a;
        }
      }
      throw new IllegalArgumentException("unknown aggregate '" + code + "', expected mean or median");
    }
  }
}
