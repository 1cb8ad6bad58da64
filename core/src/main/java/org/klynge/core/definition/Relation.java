package org.klynge.core.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How an event that lasts (from its date to its end date, both inclusive) must lie relative to a
 * criterion's window for it to count. For a point event (its end is its date) {@code starts},
 * {@code ends}, {@code overlaps} and {@code during} all mean "its date is in the window". An
 * ongoing event (a diagnosis or an episode with no end) never ends, so it is never {@code during} a window and
 * never {@code ends} in one.
 *
 * <pre>{@code
 * {type: hasEvent, event: diagnosis, valueSet: diabetes, relation: overlaps}       # a condition active in the period
 * {type: hasEvent, event: episode, valueSet: nursing-home-stay, relation: during}  # a stay within the period
 * }</pre>
 */
public enum Relation {
  /** The event starts in the window (the default, and the meaning of every criterion before events had ends). */
  STARTS,
  /** The event ends in the window. */
  ENDS,
  /** Some day of the event is in the window: it starts on or before the window's last day and ends on or after its first. */
  OVERLAPS,
  /** Every day of the event is in the window. */
  DURING;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  static Relation parse(String code) {
    for (Relation r : values()) {
      if (r.code().equals(code)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown relation '" + code + "', expected starts, ends, overlaps or during");
  }

  /** Leaves the default ({@link #STARTS}) out of written definitions, so definitions that never set it read as before. */
  static final class Default {
    @Override
    public boolean equals(Object value) {
      return value == null || value == STARTS;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }
}
