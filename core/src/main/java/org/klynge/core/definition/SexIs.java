package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

import org.klynge.core.model.Sex;

/**
 * True when the patient's sex is {@code sex}: {@code {type: sex, sex: F}}.
 *
 * @param sex the sex required
 */
public record SexIs(Sex sex) implements Criterion {
  public SexIs {
    requireNonNull(sex, "sex");
  }
}
