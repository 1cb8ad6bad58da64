package org.klynge.core.io;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.klynge.core.data.DuplicatePolicy;
import org.klynge.core.data.Extract;
import org.klynge.core.model.CodeSystems;
import org.klynge.core.model.EventType;
import org.klynge.core.model.Organisation;

/**
 * Builds the patient data of an extract from rows handed over one at a time as text, with the
 * checks, reasons and locations of {@link CsvExtractReader}: for sources that are neither files nor
 * JDBC, such as the rows of one partition of a Spark job. The organisation is given, already
 * built; the patient-data tables ({@link ExtractTable#PATIENTS}, {@link ExtractTable#LISTINGS},
 * {@link ExtractTable#EVENTS}) are started with their header, in any order and even interleaved,
 * except that a patient must be added before its listings and events refer to it.
 *
 * <pre>{@code
 * PatientRowReader reader = PatientRowReader.create(organisation, CodeSystems.builtIn());
 * PatientRowReader.Table patients = reader.start(ExtractTable.PATIENTS, "patients", List.of("patient_id", "sex", "birth_date"));
 * patients.row(new String[] {"p1", "F", "1950-02-01"}, 1);
 * Extract extract = reader.build();
 * }</pre>
 *
 * <p>An empty string is an empty field. Not thread-safe; one reader builds one extract.
 */
public final class PatientRowReader {

  private final ExtractAssembler assembler;

  private PatientRowReader(ExtractAssembler assembler) {
    this.assembler = assembler;
  }

  /** A reader of data about patients of {@code organisation}'s clinics, with events in {@code systems}. */
  public static PatientRowReader create(Organisation organisation, CodeSystems systems) {
    return create(organisation, systems, Map.of());
  }

  /**
   * A reader as {@link #create(Organisation, CodeSystems)}, taking exact duplicates of events of
   * each type in {@code duplicates} by its policy instead of {@link DuplicatePolicy#defaultFor}.
   */
  public static PatientRowReader create(Organisation organisation, CodeSystems systems,
      Map<EventType, DuplicatePolicy> duplicates) {
    requireNonNull(organisation, "organisation");
    requireNonNull(systems, "systems");
    Map<EventType, DuplicatePolicy> policies = new EnumMap<>(EventType.class);
    policies.putAll(duplicates);
    return new PatientRowReader(new ExtractAssembler(organisation, systems, policies));
  }

  /** Records that {@code source}'s data is complete to {@code date}. */
  public PatientRowReader asOf(String source, LocalDate date) {
    assembler.asOf(source, date);
    return this;
  }

  /**
   * Starts the rows of {@code table}, counted under {@code source}, whose fields are the columns
   * of {@code header} in that order (matched as in a CSV header: ignoring case, extra columns
   * ignored).
   *
   * @throws ExtractException when a required column is missing or a column is named twice
   * @throws IllegalArgumentException when {@code table} is not a patient-data table
   */
  public Table start(ExtractTable table, String source, List<String> header) {
    requireNonNull(table, "table");
    if (table.fatal()) {
      throw new IllegalArgumentException(table.tableName() + " is part of the organisation, which is given");
    }
    return new Table(assembler.start(Columns.resolve(table, requireNonNull(source, "source"), header)));
  }

  /** Sorts and checks what was added and returns the extract; no row can be added after. */
  public Extract build() {
    return assembler.build();
  }

  /** The rows of one table. */
  public static final class Table {
    private final ExtractAssembler.RowHandler handler;
    private final Row.OfText view = new Row.OfText();

    private Table(ExtractAssembler.RowHandler handler) {
      this.handler = handler;
    }

    /**
     * Adds one row, read at {@code line} (0 when not known); the array may be reused for the next
     * row. A bad row is rejected and counted, with its reason and location, as by the CSV reader.
     */
    public void row(String[] fields, long line) {
      handler.row(view.set(fields, fields.length, line));
    }
  }
}
