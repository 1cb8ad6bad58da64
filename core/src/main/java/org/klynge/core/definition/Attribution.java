package org.klynge.core.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which clinic a patient counts for. */
public enum Attribution {
  /** The clinic the patient is listed with on the reference date (the default). */
  REFERENCE_DATE("referenceDate"),
  /**
   * For rates: each counted event goes to the clinic the patient was listed with on the event's
   * date; the denominator is still taken on the reference date.
   */
  EVENT_DATE("eventDate");

  private final String code;

  Attribution(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }

  @JsonCreator
  static Attribution parse(String code) {
    for (Attribution a : values()) {
      if (a.code.equals(code)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown attribution '" + code + "', expected referenceDate or eventDate");
  }
}
