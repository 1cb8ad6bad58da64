/**
 * Statistics for indicator results: confidence intervals for proportions (Wilson, Clopper–Pearson)
 * and rates (exact Poisson, Byar), judging a standard with uncertainty, funnel-plot control limits
 * with optional overdispersion, own unit versus the rest, direct age–sex standardisation, and
 * before/after comparisons with segmented regression.
 *
 * <p>Everything here is a pure static function over primitive counts returning small immutable
 * records. No result is ever NaN: where a quantity is undefined (a zero denominator, no person-time)
 * the method returns {@link java.util.Optional#empty()} or a documented interval, as its Javadoc
 * says. Formulas and references are collected in {@code docs/statistics.md}.
 */
package org.klynge.core.stats;
