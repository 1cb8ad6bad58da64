package org.klynge.core.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which value decides when several usable values share the deciding day of a {@link ValueCompared}
 * criterion or a continuous scoring; either way the order of rows in the source never matters.
 */
public enum Tie {
  /** The highest value (the default). */
  HIGHEST,
  /** The lowest value, as CQL measures take it. */
  LOWEST;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  static Tie parse(String code) {
    for (Tie t : values()) {
      if (t.code().equals(code)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown tie rule '" + code + "', expected highest or lowest");
  }

  /** Leaves the default ({@link #HIGHEST}) out of written definitions, so definitions that never set it read as before. */
  static final class Default {
    @Override
    public boolean equals(Object value) {
      return value == null || value == HIGHEST;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }
}
