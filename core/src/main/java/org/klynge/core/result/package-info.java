/**
 * Immutable result tables: one row per indicator × organisation unit × period with the
 * population counts, the value, provenance and the reconciliation of the input; patient lists
 * and explanations for one patient; statistics per row ({@link org.klynge.core.result.Assessment}:
 * intervals, standard fulfilment, funnel limits, own versus rest, before/after a meeting); tables
 * as published to one viewer after disclosure control ({@link org.klynge.core.result.Publication});
 * CSV and JSON writers.
 */
package org.klynge.core.result;
