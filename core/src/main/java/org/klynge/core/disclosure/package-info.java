/**
 * Disclosure control for published indicator tables, chosen by audience: small-number suppression,
 * complementary suppression so that no hidden cell can be recovered by subtraction from totals or
 * rest-of-cluster figures, optional rounding, and pseudonyms for other clinics.
 *
 * <p>The entry point is {@link org.klynge.core.disclosure.Disclosure#apply}; it works on plain
 * {@link org.klynge.core.disclosure.InputRow}s (unit, parent, counts, value) and returns
 * {@link org.klynge.core.disclosure.Cell}s that say {@code SUPPRESSED} explicitly. The rules are
 * described in {@code docs/statistics.md}.
 */
package org.klynge.core.disclosure;
