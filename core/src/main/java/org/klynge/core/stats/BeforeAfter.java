package org.klynge.core.stats;

import java.util.Optional;

/**
 * Pooled levels before and after a date and their difference.
 *
 * @param pointsBefore periods before the date with a positive denominator
 * @param pointsAfter periods on or after the date with a positive denominator
 * @param before the pooled level before, empty when there is no denominator before
 * @param after the pooled level after, empty when there is no denominator after
 * @param difference after − before, empty unless both levels exist
 */
public record BeforeAfter(
    int pointsBefore,
    int pointsAfter,
    Optional<Estimate> before,
    Optional<Estimate> after,
    Optional<Estimate> difference) {}
