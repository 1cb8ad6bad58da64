package org.klynge.core.stats;

/**
 * A regression coefficient.
 *
 * @param estimate the estimate
 * @param standardError its standard error
 * @param interval {@code estimate ± t(1 − α/2; df) · standardError}
 */
public record Coefficient(double estimate, double standardError, Interval interval) {}
