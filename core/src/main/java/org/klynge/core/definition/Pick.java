package org.klynge.core.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which event's value a {@link ValueCompared} looks at. */
public enum Pick {
  /** The event with the latest date in the window. */
  LATEST,
  /** The event with the earliest date in the window. */
  FIRST;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  static Pick parse(String code) {
    for (Pick p : values()) {
      if (p.code().equals(code)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown pick '" + code + "', expected latest or first");
  }
}
