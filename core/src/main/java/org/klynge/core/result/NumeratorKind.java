package org.klynge.core.result;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a published numerator counts, and so which relations an attacker knows about it. */
public enum NumeratorKind {
  /** Persons who are all among the denominator's persons (proportions, continuous): numerator ≤ denominator. */
  PERSONS_IN_DENOMINATOR("persons-in-denominator"),
  /** Persons not necessarily among the denominator's (ratios). */
  PERSONS("persons"),
  /** Events (rates): additive over time when a period is the union of others. */
  EVENTS("events");

  private final String code;

  NumeratorKind(String code) {
    this.code = code;
  }

  /** The code written in published files. */
  @JsonValue
  public String code() {
    return code;
  }
}
