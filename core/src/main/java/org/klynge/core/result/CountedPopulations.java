package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

import org.klynge.core.definition.Indicator;

/**
 * What the two published counts of an indicator's rows count, as identities: rows of any
 * indicators whose identities are equal, for the same unit and period, publish the same count.
 * Disclosure control treats them as one cell (hidden everywhere or nowhere), and they are written
 * in published files so that anyone can audit the publication as an attacker would.
 *
 * @param numerator the identity of the numerator's population (or events)
 * @param denominator the identity of the denominator's population
 * @param kind what the numerator counts
 */
public record CountedPopulations(String numerator, String denominator, NumeratorKind kind) {
  public CountedPopulations {
    requireNonNull(numerator, "numerator");
    requireNonNull(denominator, "denominator");
    requireNonNull(kind, "kind");
  }

  /** The identities of {@code indicator}'s published counts, from its definition (see {@link CountIdentity}). */
  public static CountedPopulations of(Indicator indicator) {
    return CountIdentity.of(indicator);
  }
}
