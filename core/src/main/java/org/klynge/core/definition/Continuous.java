package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;
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
 */
public record Continuous(
    EventType event, String valueSet, Window window, Pick pick, Optional<String> unit, Aggregate aggregate)
    implements Scoring, EventCriterion {

  public Continuous {
    requireNonNull(event, "event");
    requireNonNull(valueSet, "valueSet");
    window = window == null ? Window.PERIOD : window;
    pick = pick == null ? Pick.LATEST : pick;
    unit = unit == null ? Optional.empty() : unit;
    aggregate = aggregate == null ? Aggregate.MEAN : aggregate;
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
