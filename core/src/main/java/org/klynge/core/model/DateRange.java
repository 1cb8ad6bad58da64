package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A span of days with both ends inclusive; an empty {@code to} means the span is open-ended.
 *
 * <p>Inclusive ends match how Danish registries record validity: a patient who moves clinic on
 * 1 March has one listing ending 28/29 February and the next starting 1 March.
 *
 * @param from the first day in the span
 * @param to the last day in the span, or empty when it is still valid
 */
public record DateRange(LocalDate from, Optional<LocalDate> to) {

  public DateRange {
    requireNonNull(from, "from");
    to = to == null ? Optional.empty() : to;
    if (to.isPresent() && to.get().isBefore(from)) {
      throw new IllegalArgumentException("date range ends (" + to.get() + ") before it starts (" + from + ")");
    }
  }

  /** A span from {@code from} to {@code to}, both inclusive. */
  public static DateRange of(LocalDate from, LocalDate to) {
    return new DateRange(from, Optional.of(to));
  }

  /** An open-ended span starting at {@code from}. */
  public static DateRange startingAt(LocalDate from) {
    return new DateRange(from, Optional.empty());
  }

  /** Whether {@code date} lies within the span. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(from) && (to.isEmpty() || !date.isAfter(to.get()));
  }

  /** Whether the two spans share at least one day. */
  public boolean overlaps(DateRange other) {
    boolean thisStartsAfterOtherEnds = other.to.isPresent() && from.isAfter(other.to.get());
    boolean otherStartsAfterThisEnds = to.isPresent() && other.from.isAfter(to.get());
    return !thisStartsAfterOtherEnds && !otherStartsAfterThisEnds;
  }

  /** The first day as days since 1970-01-01. */
  public int fromEpochDay() {
    return Math.toIntExact(from.toEpochDay());
  }

  /** The last day as days since 1970-01-01, or {@link Integer#MAX_VALUE} when open-ended. */
  public int toEpochDay() {
    return to.map(d -> Math.toIntExact(d.toEpochDay())).orElse(Integer.MAX_VALUE);
  }

  @Override
  public String toString() {
    return from + ".." + to.map(LocalDate::toString).orElse("");
  }
}
