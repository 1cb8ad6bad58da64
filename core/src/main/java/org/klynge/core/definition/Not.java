package org.klynge.core.definition;

import jakarta.validation.Valid;
import static java.util.Objects.requireNonNull;

/**
 * True when {@code criterion} is false: {@code {type: not, criterion: {...}}}.
 *
 * @param criterion the negated criterion
 */
public record Not(@Valid Criterion criterion) implements Criterion {
  public Not {
    requireNonNull(criterion, "criterion");
  }
}
