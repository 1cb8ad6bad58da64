package org.klynge.core.disclosure;

import java.util.OptionalDouble;

/**
 * A value as published; computed from the unrounded counts.
 *
 * @param status shown, suppressed, not available or withheld for incomplete data
 * @param value the value, present only when shown
 */
public record PublishedValue(Status status, OptionalDouble value) {
  public PublishedValue {
    if ((status == Status.SHOWN) != value.isPresent()) {
      throw new IllegalArgumentException("a value is present exactly when shown");
    }
    if (status == Status.ROUNDED) {
      throw new IllegalArgumentException("values are not rounded");
    }
  }
}
