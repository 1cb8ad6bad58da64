package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import java.util.Set;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;

/**
 * True when the days of the window covered by matching events (each from its date to its end
 * date; a point covers its own day, an ongoing event the rest of the window) number at least
 * {@code days}, or make up at least {@code percent} % of the window's days. Overlapping events
 * cover a day once. For dose dispensing, supply periods of prescriptions, stays.
 *
 * <pre>{@code
 * {type: covered, event: prescription, valueSet: statins, percent: 80}          # adherence: 80 % of the period
 * {type: covered, event: service, valueSet: nursing-home-stay, days: 90}
 * }</pre>
 *
 * @param event the kind of event
 * @param valueSet the value set id
 * @param window the days to cover; the measurement period when omitted
 * @param status the statuses that count; any when empty
 * @param days the fewest covered days that satisfy the criterion (exactly one of days and percent)
 * @param percent the smallest whole percentage of the window's days covered, 1 to 100
 */
public record Covered(
    EventType event,
    String valueSet,
    Window window,
    Set<EventStatus> status,
    Optional<@Min(1) Integer> days,
    Optional<@Min(1) @Max(100) Integer> percent) implements Criterion, EventCriterion {
  public Covered {
    requireNonNull(event, "event");
    requireNonNull(valueSet, "valueSet");
    window = window == null ? Window.PERIOD : window;
    status = EventCriterion.statuses(status);
    days = days == null ? Optional.empty() : days;
    percent = percent == null ? Optional.empty() : percent;
  }

  /** Every event overlapping the window covers the days it shares with it. */
  @Override
  public Relation relation() {
    return Relation.OVERLAPS;
  }

  /** Whether {@code covered} of the window's {@code windowDays} days are enough. */
  public boolean enough(long covered, long windowDays) {
    if (days.isPresent()) {
      return covered >= days.get();
    }
    return percent.isPresent() && covered * 100 >= percent.get() * windowDays;
  }
}
