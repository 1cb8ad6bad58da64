package org.klynge.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.klynge.core.data.Extract;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.Reconciliation;
import org.klynge.core.model.CodeSystems;

class PatientRowReaderTest {

  private static final CsvFactory FACTORY = CsvFactory.builder()
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .enable(CsvParser.Feature.TRIM_SPACES)
      .build();

  /** The patient data of the fixture, its rows handed over one by one, under the CSV reader's source names. */
  private static Extract readRows(Path folder, Extract fromFiles) throws IOException {
    PatientRowReader reader = PatientRowReader.create(fromFiles.organisation(), CodeSystems.builtIn());
    fromFiles.asOf().forEach(reader::asOf);
    for (ExtractTable table : List.of(ExtractTable.PATIENTS, ExtractTable.LISTINGS, ExtractTable.EVENTS)) {
      try (CsvParser parser = (CsvParser) FACTORY.createParser(Files.newInputStream(folder.resolve(table.fileName())))) {
        CsvExtractReader.Rows rows = new CsvExtractReader.Rows(parser, 0);
        rows.next();
        PatientRowReader.Table rowsOfTable = reader.start(table, table.fileName(),
            List.copyOf(Arrays.asList(rows.fields()).subList(0, rows.count())));
        while (rows.next()) {
          rowsOfTable.row(Arrays.copyOf(rows.fields(), rows.count()), rows.line());
        }
      }
    }
    return reader.build();
  }

  /** The account of the patient-data sources alone (the CSV reader also counts the organisation's rows). */
  private static Map<String, ?> patientSources(Reconciliation reconciliation) {
    Map<String, Object> counts = new TreeMap<>(reconciliation.counts());
    counts.keySet().retainAll(List.of("patients.csv", "listings.csv", "events.csv"));
    return counts;
  }

  @ParameterizedTest
  @ValueSource(strings = {"good", "bad", "reordered"})
  void rows_ofAFixture_giveTheExtractAndAccountOfTheCsvReader(String fixture) throws IOException {
    Path folder = Fixtures.extract(fixture);
    Extract fromFiles = CsvExtractReader.create().read(folder);

    Extract fromRows = readRows(folder, fromFiles);

    assertEquals(ExtractDump.of(fromFiles), ExtractDump.of(fromRows));
    assertEquals(patientSources(fromFiles.reconciliation()), patientSources(fromRows.reconciliation()));
    assertEquals(fromFiles.reconciliation().examples(), fromRows.reconciliation().examples());
    assertEquals(fromFiles.reconciliation().exactDuplicates(), fromRows.reconciliation().exactDuplicates());
  }

  @Test
  void rows_badFixture_areRejectedAndCounted() throws IOException {
    Path folder = Fixtures.extract("bad");
    Extract fromRows = readRows(folder, CsvExtractReader.create().read(folder));

    Reconciliation account = fromRows.reconciliation();
    assertEquals(14, account.read("events.csv"), account.summary());
    assertEquals(10, account.count("events.csv", Outcome.REJECTED), account.summary());
    assertEquals(1, account.count("events.csv", Outcome.EXCLUDED), account.summary());
  }

  @Test
  void start_missingColumn_namesTableAndColumn() throws IOException {
    Extract good = CsvExtractReader.create().read(Fixtures.extract("good"));
    PatientRowReader reader = PatientRowReader.create(good.organisation(), CodeSystems.builtIn());

    ExtractException e = assertThrows(ExtractException.class,
        () -> reader.start(ExtractTable.EVENTS, "events", List.of("patient_id", "type", "code", "date")));

    assertEquals("missing column", e.problems().get(0).reason());
    assertEquals("events:1 [system]", e.problems().get(0).location().toString());
  }

  @Test
  void start_organisationTable_isRefused() throws IOException {
    Extract good = CsvExtractReader.create().read(Fixtures.extract("good"));
    PatientRowReader reader = PatientRowReader.create(good.organisation(), CodeSystems.builtIn())
        .asOf("flp", LocalDate.of(2024, 12, 31));

    assertThrows(IllegalArgumentException.class,
        () -> reader.start(ExtractTable.CLINICS, "clinics", List.of("clinic_id", "name", "provider_number")));
  }
}
