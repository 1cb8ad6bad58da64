package org.klynge.core.definition;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.Valid;
import com.google.common.collect.ImmutableList;

/**
 * True when at least one criterion in {@code any} is true: {@code {type: or, any: [...]}}.
 *
 * @param any the criteria, at least one
 */
public record Or(@Valid @NotEmpty(message = "must list at least one criterion") ImmutableList<Criterion> any) implements Criterion {
  public Or {
    any = any == null ? ImmutableList.of() : ImmutableList.copyOf(any);
  }

  /** The disjunction of {@code criteria}. */
  public static Or of(Criterion... criteria) {
    return new Or(ImmutableList.copyOf(criteria));
  }
}
