package org.klynge.core.stats;

/**
 * How funnel-plot limits allow for variation between units beyond chance (Spiegelhalter 2005).
 * With {@code s} the standard error of a unit under the parent value:
 *
 * <pre>
 *   None:            θ₀ ± z·s
 *   Multiplicative:  θ₀ ± z·√φ·s
 *   Additive:        θ₀ ± z·√(s² + τ²)
 * </pre>
 */
public sealed interface Overdispersion {
  /** The standard error widened by this model. */
  double widen(double standardError);

  /** No overdispersion: the plain limits. */
  static Overdispersion none() {
    return None.INSTANCE;
  }

  /** Multiplicative overdispersion with factor {@code φ ≥ 1}. */
  static Overdispersion multiplicative(double phi) {
    return new Multiplicative(phi);
  }

  /** Additive (random-effects) overdispersion with between-unit variance {@code τ² ≥ 0}. */
  static Overdispersion additive(double tau2) {
    return new Additive(tau2);
  }

  /** No overdispersion. */
  enum None implements Overdispersion {
    INSTANCE;

    @Override
    public double widen(double standardError) {
      return standardError;
    }
  }

  /**
   * Multiplicative overdispersion: variances multiplied by {@code φ}.
   *
   * @param phi the factor, at least 1
   */
  record Multiplicative(double phi) implements Overdispersion {
    public Multiplicative {
      if (!(phi >= 1) || !Double.isFinite(phi)) {
        throw new IllegalArgumentException("overdispersion factor φ must be finite and at least 1, got " + phi);
      }
    }

    @Override
    public double widen(double standardError) {
      return Math.sqrt(phi) * standardError;
    }
  }

  /**
   * Additive overdispersion: a between-unit variance {@code τ²} added to each unit's variance.
   *
   * @param tau2 the between-unit variance, on the scale of the values (unscaled proportions or rates)
   */
  record Additive(double tau2) implements Overdispersion {
    public Additive {
      if (!(tau2 >= 0) || !Double.isFinite(tau2)) {
        throw new IllegalArgumentException("between-unit variance τ² must be finite and non-negative, got " + tau2);
      }
    }

    @Override
    public double widen(double standardError) {
      return Math.sqrt(standardError * standardError + tau2);
    }
  }
}
