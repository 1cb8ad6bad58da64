package org.klynge.core.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which event decides a {@link ValueCompared}, {@link CodedValue} or {@link HasResult} criterion
 * (and, latest or first only, a continuous scoring).
 */
public enum Pick {
  /** The event with the latest date in the window. */
  LATEST,
  /** The event with the earliest date in the window. */
  FIRST,
  /** Any event in the window: the criterion holds when one of them would hold it on its own. */
  ANY;

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
    throw new IllegalArgumentException("unknown pick '" + code + "', expected latest, first or any");
  }
}
