package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The days in which events count, relative to the measurement period; both ends inclusive.
 *
 * <pre>{@code
 * window: {from: period.start, to: period.end}            # in the period (the default)
 * window: {from: period.end - 15 months, to: period.end}  # the last 15 months
 * window: {from: ever, to: period.end}                    # ever before the reference date
 * }</pre>
 *
 * @param from the first day that counts
 * @param to the last day that counts
 */
public record Window(Bound from, Bound to) {

  /** The measurement period itself. */
  public static final Window PERIOD = new Window(Bound.PERIOD_START, Bound.PERIOD_END);

  public Window {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }

  /** Parses both ends from their text form, e.g. {@code Window.of("period.end - 15 months", "period.end")}. */
  public static Window of(String from, String to) {
    return new Window(Bound.parse(from), Bound.parse(to));
  }

  /** The first day in the window for a period. */
  public LocalDate fromDate(MeasurementPeriod period) {
    return from.resolve(period);
  }

  /** The last day in the window for a period. */
  public LocalDate toDate(MeasurementPeriod period) {
    return to.resolve(period);
  }

  /**
   * Whether the window certainly ends before it starts for every period of at least one day,
   * and a description of why, for validation.
   */
  public Optional<String> endsBeforeItStarts() {
    if (to.anchor() == Bound.Anchor.EVER) {
      return Optional.of("'ever' can only be used for 'from'");
    }
    if (from.anchor() == Bound.Anchor.EVER) {
      return Optional.empty();
    }
    // Compare on the shortest and longest plausible periods; report only certain mistakes.
    boolean emptyForShort = from.approximateDays(0) > to.approximateDays(0);
    boolean emptyForLong = from.approximateDays(366) > to.approximateDays(366);
    if (emptyForShort && emptyForLong) {
      return Optional.of("window ends (" + to + ") before it starts (" + from + ")");
    }
    return Optional.empty();
  }
}
