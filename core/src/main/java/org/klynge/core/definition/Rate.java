package org.klynge.core.definition;

import jakarta.validation.constraints.Positive;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;

/**
 * Value = matching events of the denominator's patients (restricted to the numerator when one
 * is given) per {@code per} persons or person-years. Repeated events count each time; exact
 * duplicate rows count as the extract's duplicate policy for the type says (prescriptions: each
 * row).
 *
 * <pre>{@code
 * scoring: {type: rate, event: prescription, valueSet: uti-antibiotics, per: 1000, base: persons}
 * }</pre>
 *
 * @param event the kind of event counted
 * @param valueSet the value set of counted events
 * @param window the days in which events count; the measurement period when omitted
 * @param per the multiplier, e.g. 1000
 * @param base persons on the reference date, or person-years listed in the period
 * @param relation how a counted event lies relative to the window; {@code starts} when omitted
 * @param status the statuses of counted events; any when empty
 */
public record Rate(
    EventType event,
    String valueSet,
    Window window,
    @Positive int per,
    Base base,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Relation.Default.class) Relation relation,
    Set<EventStatus> status) implements Scoring, EventCriterion {

  public Rate {
    requireNonNull(event, "event");
    requireNonNull(valueSet, "valueSet");
    window = window == null ? Window.PERIOD : window;
    base = base == null ? Base.PERSONS : base;
    relation = relation == null ? Relation.STARTS : relation;
    status = EventCriterion.statuses(status);
  }

  /** Events starting in the window, with any status. */
  public Rate(EventType event, String valueSet, Window window, int per, Base base) {
    this(event, valueSet, window, per, base, Relation.STARTS, Set.of());
  }

  /** What the rate is per. */
  public enum Base {
    /** Persons in the denominator on the reference date. */
    PERSONS("persons"),
    /** Years of listing in the period, summed over the denominator's persons. */
    PERSON_YEARS("personYears");

    private final String code;

    Base(String code) {
      this.code = code;
    }

    @JsonValue
    public String code() {
      return code;
    }

    @JsonCreator
    static Base parse(String code) {
      for (Base b : values()) {
        if (b.code.equals(code)) {
          return b;
        }
      }
      throw new IllegalArgumentException("unknown rate base '" + code + "', expected persons or personYears");
    }
  }
}
