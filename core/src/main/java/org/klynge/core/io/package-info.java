/**
 * Data inputs: reading an {@link org.klynge.core.data.Extract} from a folder of CSV files
 * ({@link org.klynge.core.io.CsvExtractReader}) or from tables or queries over JDBC
 * ({@link org.klynge.core.io.JdbcExtractReader}), and writing one back as CSV
 * ({@link org.klynge.core.io.CsvExtractWriter}). The layout, one file or table per
 * {@link org.klynge.core.io.ExtractTable}, is described in {@code docs/data-format.md}.
 *
 * <p>Both readers apply the same rules. A bad row in an organisation table is fatal, because
 * the organisation must be consistent: an {@link org.klynge.core.io.ExtractException} lists
 * every problem with file, line and column. A bad patient, listing or event row is rejected
 * with a reason (see {@link org.klynge.core.io.Reasons}) and counted in the extract's
 * {@link org.klynge.core.data.Reconciliation}; in strict mode any rejection is fatal.
 */
package org.klynge.core.io;
