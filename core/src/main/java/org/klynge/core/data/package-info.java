/**
 * Patient data in the columnar, patient-partitioned layout the engine reads: primitive arrays,
 * codes dictionary-encoded, events sorted by patient then date; the in-memory
 * {@link org.klynge.core.data.ExtractBuilder} that fills it; and the
 * {@link org.klynge.core.data.Reconciliation} that accounts for every input row as used,
 * excluded or rejected.
 */
package org.klynge.core.data;
