package org.klynge.core.definition;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.Valid;
import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * True when every criterion in {@code all} is true: {@code {type: and, all: [...]}}.
 *
 * @param all the criteria, at least one
 */
public record And(@Valid @NotEmpty(message = "must list at least one criterion") ImmutableList<Criterion> all) implements Criterion {
  public And {
    all = all == null ? ImmutableList.of() : ImmutableList.copyOf(all);
  }

  /** The conjunction of {@code criteria}. */
  public static And of(Criterion... criteria) {
    return new And(ImmutableList.copyOf(criteria));
  }

  /** The conjunction of {@code criteria}. */
  public static And of(List<? extends Criterion> criteria) {
    return new And(ImmutableList.copyOf(criteria));
  }
}
