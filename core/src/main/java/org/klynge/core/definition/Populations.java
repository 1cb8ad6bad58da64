package org.klynge.core.definition;

import jakarta.validation.Valid;
import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The populations of an indicator, each a criterion. They nest in a fixed order:
 *
 * <ol>
 *   <li>initial population: patients considered at all;
 *   <li>denominator: those of the initial population who also meet {@code denominator}
 *       (the whole initial population when omitted);
 *   <li>denominator exclusions: removed from the denominator before anything else;
 *   <li>numerator: those of the remaining denominator who meet {@code numerator};
 *   <li>numerator exclusions: removed from the numerator (and stay in the denominator);
 *   <li>denominator exceptions: removed from the denominator, but only from those not in the
 *       numerator.
 * </ol>
 *
 * @param initial the initial population
 * @param denominator narrows the initial population to the denominator
 * @param denominatorExclusion removes patients from the denominator
 * @param denominatorException removes patients who are not in the numerator
 * @param numerator the numerator criterion (required for proportions)
 * @param numeratorExclusion removes patients from the numerator
 */
public record Populations(
    @Valid Criterion initial,
    @Valid Optional<Criterion> denominator,
    @Valid Optional<Criterion> denominatorExclusion,
    @Valid Optional<Criterion> denominatorException,
    @Valid Optional<Criterion> numerator,
    @Valid Optional<Criterion> numeratorExclusion) {

  public Populations {
    requireNonNull(initial, "initial");
    denominator = denominator == null ? Optional.empty() : denominator;
    denominatorExclusion = denominatorExclusion == null ? Optional.empty() : denominatorExclusion;
    denominatorException = denominatorException == null ? Optional.empty() : denominatorException;
    numerator = numerator == null ? Optional.empty() : numerator;
    numeratorExclusion = numeratorExclusion == null ? Optional.empty() : numeratorExclusion;
  }

  /** An initial population that is also the denominator, and a numerator. */
  public static Populations of(Criterion initial, Criterion numerator) {
    return new Populations(initial, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(numerator), Optional.empty());
  }
}
