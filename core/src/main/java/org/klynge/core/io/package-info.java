/**
 * Data inputs: reading an {@link org.klynge.core.data.Extract} from a folder of CSV files
 * ({@link org.klynge.core.io.CsvExtractReader}) or from tables or queries over JDBC
 * ({@link org.klynge.core.io.JdbcExtractReader}), the patient data alone from rows handed over one at a
 * time, for a given organisation ({@link org.klynge.core.io.PatientRowReader}, as a Spark partition has
 * them), and writing one back as CSV
 * ({@link org.klynge.core.io.CsvExtractWriter}). The layout, one file or table per
 * {@link org.klynge.core.io.ExtractTable}, is described in {@code docs/data-format.md}.
 *
 * <p>All readers apply the same rules. A bad row in an organisation table is fatal, because
 * the organisation must be consistent: an {@link org.klynge.core.io.ExtractException} lists
 * every problem with file, line and column. A bad patient, listing or event row is rejected
 * with a reason (see {@link org.klynge.core.io.Reasons}) and counted in the extract's
 * {@link org.klynge.core.data.Reconciliation}; in strict mode any rejection is fatal.
 *
 * <p>How a CSV file is read: {@code RowPipeline} runs the parsing on a second thread and hands
 * batches of rows, in file order, to the calling thread, where {@code ExtractAssembler} checks
 * each {@code Row} and adds it to the {@link org.klynge.core.data.ExtractBuilder}. The parsing
 * thread reads the common form of CSV straight from bytes ({@code CsvScanner} into
 * {@code ScannedBatch}) and parses ahead the dates, numbers and strings the table needs
 * ({@code ReadAhead}); from the first row it is not sure about, Jackson's CSV parser reads the
 * rest of the file, so the result never depends on which parser read a row.
 */
package org.klynge.core.io;
