package org.klynge.core.stats;

/** How a confidence interval for a proportion is computed. */
public enum ProportionMethod {
  /** Wilson score interval without continuity correction (Wilson 1927; Newcombe 1998, method 3). */
  WILSON,
  /** Clopper–Pearson "exact" interval from binomial tail areas (Clopper &amp; Pearson 1934). */
  CLOPPER_PEARSON
}
