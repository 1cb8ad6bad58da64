package org.klynge.core.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a higher or a lower value is better, or neither (a descriptive indicator). */
public enum Direction {
  HIGHER_IS_BETTER("higher"),
  LOWER_IS_BETTER("lower"),
  NEITHER("neither");

  private final String code;

  Direction(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }

  @JsonCreator
  static Direction parse(String code) {
    for (Direction d : values()) {
      if (d.code.equals(code)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown direction '" + code + "', expected higher, lower or neither");
  }
}
