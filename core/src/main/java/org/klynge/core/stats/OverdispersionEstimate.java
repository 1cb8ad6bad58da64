package org.klynge.core.stats;

/**
 * Overdispersion estimated from units' z-scores (Spiegelhalter 2005).
 *
 * @param units the number of units with a positive denominator used
 * @param phi the multiplicative factor {@code φ̂ = Σ z̃ᵢ² / I} from winsorised z-scores
 * @param tau2 the additive between-unit variance {@code τ̂²}, 0 when {@code Iφ̂ ≤ I − 1}
 * @param overdispersed whether {@code Iφ̂} exceeds the 95 % point of {@code χ²_I}
 */
public record OverdispersionEstimate(int units, double phi, double tau2, boolean overdispersed) {
  /** {@code Multiplicative(φ̂)} when overdispersed (and φ̂ &gt; 1), otherwise none. */
  public Overdispersion multiplicative() {
    return overdispersed && phi > 1 ? Overdispersion.multiplicative(phi) : Overdispersion.none();
  }

  /** {@code Additive(τ̂²)} when overdispersed, otherwise none. */
  public Overdispersion additive() {
    return overdispersed ? Overdispersion.additive(tau2) : Overdispersion.none();
  }
}
