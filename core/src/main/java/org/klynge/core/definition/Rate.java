package org.klynge.core.definition;

import jakarta.validation.constraints.Positive;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.Set;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;

/**
 * Value = what the matching events of the denominator's patients (restricted to the numerator
 * when one is given) add up to, per {@code per} persons, person-years or person-days. By default
 * each event adds 1 (a count of events); {@code sum} makes each add its value (converted to
 * {@code unit}), its quantity or its days in the window. Repeated events count each time; exact
 * duplicate rows count as the extract's duplicate policy for the type says (prescriptions: each
 * row).
 *
 * <pre>{@code
 * scoring: {type: rate, event: prescription, valueSet: uti-antibiotics, per: 1000, base: persons}
 * scoring: {type: rate, event: prescription, valueSet: j01, sum: value, unit: DDD, per: 1000, base: personDays}
 * }</pre>
 *
 * @param event the kind of event counted
 * @param valueSet the value set of counted events
 * @param window the days in which events count; the measurement period when omitted
 * @param per the multiplier, e.g. 1000
 * @param base persons on the reference date, or person-years listed in the period
 * @param relation how a counted event lies relative to the window; {@code starts} when omitted
 * @param status the statuses of counted events; any when empty
 * @param sum what each counted event adds: 1 ({@code events}, when omitted), its {@code value},
 *     its {@code quantity}, or its {@code days} in the window
 * @param unit for {@code sum: value}, the unit values are summed in; events whose value is
 *     missing or whose unit does not convert to it are left out of the sum and counted as not summed
 */
public record Rate(
    EventType event,
    String valueSet,
    Window window,
    @Positive int per,
    Base base,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Relation.Default.class) Relation relation,
    Set<EventStatus> status,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Summed.Default.class) Summed sum,
    Optional<String> unit) implements Scoring, EventCriterion {

  public Rate {
    requireNonNull(event, "event");
    requireNonNull(valueSet, "valueSet");
    window = window == null ? Window.PERIOD : window;
    base = base == null ? Base.PERSONS : base;
    relation = relation == null ? Relation.STARTS : relation;
    status = EventCriterion.statuses(status);
    sum = sum == null ? Summed.EVENTS : sum;
    unit = unit == null ? Optional.empty() : unit;
  }

  /** Events starting in the window, with any status, counted. */
  public Rate(EventType event, String valueSet, Window window, int per, Base base) {
    this(event, valueSet, window, per, base, Relation.STARTS, Set.of(), Summed.EVENTS, Optional.empty());
  }

  /** Events related to the window as {@code relation} says, with any of {@code status}, counted. */
  public Rate(EventType event, String valueSet, Window window, int per, Base base, Relation relation,
      Set<EventStatus> status) {
    this(event, valueSet, window, per, base, relation, status, Summed.EVENTS, Optional.empty());
  }

  /** This rate summing {@code what} (in {@code unit}, for values) instead of what it sums now. */
  public Rate summing(Summed what, Optional<String> inUnit) {
    return new Rate(event, valueSet, window, per, base, relation, status, what, inUnit);
  }

  /** Whether the rate counts events (each adds 1) rather than summing something they carry. */
  public boolean countsEvents() {
    return sum == Summed.EVENTS;
  }

  /** What each counted event adds to a rate. */
  public enum Summed {
    /** 1: the rate counts events. */
    EVENTS("events"),
    /** The event's value in the rate's unit, e.g. a redemption's defined daily doses. */
    VALUE("value"),
    /** The event's quantity, e.g. packages redeemed. */
    QUANTITY("quantity"),
    /** The event's days in the window: from its start (or the window's) to its end (or the window's). */
    DAYS("days");

    private final String code;

    Summed(String code) {
      this.code = code;
    }

    @JsonValue
    public String code() {
      return code;
    }

    @JsonCreator
    static Summed parse(String code) {
      for (Summed s : values()) {
        if (s.code.equals(code)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown rate sum '" + code + "', expected events, value, quantity or days");
    }

    /** Leaves the default out when a rate is written: {@code equals} is true for {@code events}. */
    static final class Default {
      @Override
      public boolean equals(Object other) {
        return other == EVENTS;
      }

      @Override
      public int hashCode() {
        return 0;
      }
    }
  }

  /** What the rate is per. */
  public enum Base {
    /** Persons in the denominator on the reference date. */
    PERSONS("persons"),
    /** Years of listing in the period, summed over the denominator's persons. */
    PERSON_YEARS("personYears"),
    /** Days of listing in the period, summed over the denominator's persons (per 1,000 per day). */
    PERSON_DAYS("personDays");

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
      throw new IllegalArgumentException("unknown rate base '" + code + "', expected persons, personYears or personDays");
    }
  }
}
