package org.klynge.core.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * True when the patient is listed with a clinic, alive, on the reference date
 * ({@code atReferenceDate}, the default) or on every day of the period ({@code wholePeriod}).
 *
 * @param coverage which days the listing must cover
 */
public record Listed(Coverage coverage) implements Criterion {

  public Listed {
    coverage = coverage == null ? Coverage.AT_REFERENCE_DATE : coverage;
  }

  /** Listed on the reference date. */
  public static Listed atReferenceDate() {
    return new Listed(Coverage.AT_REFERENCE_DATE);
  }

  /** Which days a listing must cover. */
  public enum Coverage {
    AT_REFERENCE_DATE("atReferenceDate"),
    WHOLE_PERIOD("wholePeriod");

    private final String code;

    Coverage(String code) {
      this.code = code;
    }

    @JsonValue
    public String code() {
      return code;
    }

    @JsonCreator
    static Coverage parse(String code) {
      for (Coverage c : values()) {
        if (c.code.equals(code)) {
          return c;
        }
      }
      throw new IllegalArgumentException("unknown coverage '" + code + "', expected atReferenceDate or wholePeriod");
    }

    @Override
    public String toString() {
      return code.toLowerCase(Locale.ROOT);
    }
  }
}
