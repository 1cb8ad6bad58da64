/**
 * Immutable result tables: one row per indicator × organisation unit × period with the
 * population counts, the value, provenance and the reconciliation of the input; patient lists
 * and explanations for one patient; CSV and JSON writers.
 */
package org.klynge.core.result;
