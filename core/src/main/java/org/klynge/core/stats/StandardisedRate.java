package org.klynge.core.stats;

/**
 * A directly standardised rate with the crude rate beside it.
 *
 * @param events total events
 * @param personTime total person-time
 * @param crude the crude rate {@code Σxᵢ / ΣTᵢ · m} with its exact Poisson interval
 * @param standardised the directly standardised rate with its interval
 */
public record StandardisedRate(long events, double personTime, Estimate crude, Estimate standardised) {}
