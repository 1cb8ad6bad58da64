package org.klynge.core.stats;

/**
 * Whether a numerator/denominator pair is a proportion (binomial: numerator ≤ denominator, whole
 * persons) or a rate (Poisson events per person or person-time; the numerator may exceed the
 * denominator, as with prescriptions per 1,000 women).
 */
public enum Measure {
  PROPORTION,
  RATE
}
