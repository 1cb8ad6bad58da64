package org.klynge.core.stats;

/** How a confidence interval for a count of events (and a rate built on it) is computed. */
public enum RateMethod {
  /** Exact Poisson limits from chi-square (gamma) quantiles (Garwood 1936). */
  EXACT,
  /** Byar's approximation to the exact limits (Breslow &amp; Day 1987). */
  BYAR
}
