package org.klynge.core.stats;

/** How the interval of a directly standardised rate is computed. */
public enum StandardisationMethod {
  /** Dobson et al. (1991): exact Poisson limits of the total count, rescaled by the variance. */
  DOBSON,
  /** Fay &amp; Feuer (1997): gamma limits, conservative for few events. */
  FAY_FEUER
}
