package org.klynge.core.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a matching event without a usable result (no value, a unit that cannot be converted, no
 * coded result) does in a {@link ValueCompared} or {@link CodedValue} criterion.
 *
 * <pre>{@code
 * # the most recent HbA1c decides, and one without a result counts as poor control
 * {type: value, event: lab, valueSet: hba1c, comparator: ">", threshold: 9, unit: "%", missing: holds}
 * }</pre>
 */
public enum Missing {
  /** The event is passed over: the latest (or first) event with a usable result decides. The default. */
  SKIP,
  /** The event can be the one that decides; when it does, the criterion is false. */
  FAILS,
  /** The event can be the one that decides; when it does, the criterion is true. */
  HOLDS;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  static Missing parse(String code) {
    for (Missing m : values()) {
      if (m.code().equals(code)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown missing rule '" + code + "', expected skip, fails or holds");
  }

  /** Leaves the default ({@link #SKIP}) out of written definitions, so definitions that never set it read as before. */
  static final class Default {
    @Override
    public boolean equals(Object value) {
      return value == null || value == SKIP;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }
}
