package org.klynge.core.result;

import com.fasterxml.jackson.annotation.JsonValue;

/** The populations of an indicator, as named in results, patient lists and explanations. */
public enum Population {
  INITIAL("initial"),
  DENOMINATOR("denominator"),
  DENOMINATOR_EXCLUSION("denominatorExclusion"),
  DENOMINATOR_EXCEPTION("denominatorException"),
  NUMERATOR("numerator"),
  NUMERATOR_EXCLUSION("numeratorExclusion");

  private final String code;

  Population(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
