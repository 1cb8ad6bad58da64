package org.klynge.core.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A comparison of a value with a threshold, written as its symbol. */
public enum Comparator {
  GREATER(">"),
  GREATER_OR_EQUAL(">="),
  LESS("<"),
  LESS_OR_EQUAL("<="),
  EQUAL("==");

  private final String symbol;

  Comparator(String symbol) {
    this.symbol = symbol;
  }

  @JsonValue
  public String symbol() {
    return symbol;
  }

  /** Whether {@code value} compares to {@code threshold} in this way. */
  public boolean test(double value, double threshold) {
    switch (this) {
      case GREATER:
        return value > threshold;
      case GREATER_OR_EQUAL:
        return value >= threshold;
      case LESS:
        return value < threshold;
      case LESS_OR_EQUAL:
        return value <= threshold;
      default:
        return value == threshold;
    }
  }

  @JsonCreator
  static Comparator parse(String symbol) {
    for (Comparator c : values()) {
      if (c.symbol.equals(symbol)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown comparator '" + symbol + "', expected one of >, >=, <, <=, ==");
  }
}
