package org.klynge.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klynge.core.data.DuplicatePolicy;
import org.klynge.core.data.Extract;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.Reconciliation;
import org.klynge.core.data.Rejection;
import org.klynge.core.data.RowLocation;
import org.klynge.core.model.EventType;

/** The JDBC reader over a real embedded database (DuckDB, in memory). */
class JdbcExtractReaderTest {

  private Connection db;

  @BeforeEach
  void open() throws SQLException {
    db = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  private void sql(String... statements) throws SQLException {
    try (Statement s = db.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  /** The rows of the {@code good} fixture, in typed tables. */
  private void createGoodExtract() throws SQLException {
    sql("CREATE TABLE regions (region_id VARCHAR, name VARCHAR)",
        "INSERT INTO regions VALUES ('1084', 'Region Hovedstaden'), ('1085', 'Region Sjælland')",
        "CREATE TABLE clusters (cluster_id VARCHAR, name VARCHAR)",
        "INSERT INTO clusters VALUES ('K1', 'Klynge Nord'), ('K2', 'Klynge Syd')",
        "CREATE TABLE clinics (clinic_id VARCHAR, name VARCHAR, provider_number VARCHAR)",
        "INSERT INTO clinics VALUES ('C1', 'Lægehuset, Nørregade', '012345'), ('C2', 'Lægerne i Byen', '023456'),"
            + " ('C3', 'Praksis Ved Søen', '034567')",
        "CREATE TABLE cluster_memberships (clinic_id VARCHAR, cluster_id VARCHAR, valid_from DATE, valid_to DATE)",
        "INSERT INTO cluster_memberships VALUES ('C1', 'K1', '2018-01-01', NULL), ('C2', 'K1', '2018-01-01',"
            + " '2021-12-31'), ('C2', 'K2', '2022-01-01', NULL), ('C3', 'K2', '2019-04-01', NULL)",
        "CREATE TABLE cluster_regions (cluster_id VARCHAR, region_id VARCHAR, valid_from DATE, valid_to DATE)",
        "INSERT INTO cluster_regions VALUES ('K1', '1084', '2018-01-01', NULL), ('K2', '1085', '2018-01-01', NULL)",
        "CREATE TABLE as_of (source VARCHAR, as_of_date DATE)",
        "INSERT INTO as_of VALUES ('flp', '2024-12-31'), ('ordiprax', '2024-11-30')",
        "CREATE TABLE patients (patient_id VARCHAR, sex VARCHAR, birth_date DATE, death_date DATE)",
        "INSERT INTO patients VALUES ('P1', 'F', '1950-03-01', NULL), ('P2', 'M', '1962-07-15', NULL),"
            + " ('P3', 'F', '2006-12-31', NULL), ('P4', 'M', '1938-02-28', '2023-05-04'),"
            + " ('P5', 'F', '1990-02-28', NULL)",
        "CREATE TABLE listings (patient_id VARCHAR, clinic_id VARCHAR, valid_from DATE, valid_to DATE)",
        "INSERT INTO listings VALUES ('P1', 'C1', '2010-01-01', NULL), ('P2', 'C1', '2015-01-01', '2020-02-29'),"
            + " ('P2', 'C2', '2020-03-01', NULL), ('P3', 'C2', '2006-12-31', NULL),"
            + " ('P4', 'C3', '2000-01-01', '2023-05-04'), ('P5', 'C3', '2012-06-01', NULL)",
        "CREATE TABLE events (patient_id VARCHAR, type VARCHAR, system VARCHAR, code VARCHAR, date DATE,"
            + " value DOUBLE, unit VARCHAR, quantity INTEGER)",
        "INSERT INTO events VALUES"
            + " ('P1', 'diagnosis', 'icpc2', 'T90', '2015-05-02', NULL, NULL, NULL),"
            + " ('P1', 'lab', 'npu', 'NPU27300', '2024-03-10', 48, 'mmol/mol', NULL),"
            + " ('P1', 'lab', 'npu', 'NPU27300', '2023-03-12', 61.5, 'mmol/mol', NULL),"
            + " ('P1', 'prescription', 'atc', 'J01CA08', '2024-01-20', 1.5, 'DDD', 2),"
            + " ('P2', 'diagnosis', 'icpc2', 'T90', '2019-11-01', NULL, NULL, NULL),"
            + " ('P2', 'lab', 'npu', 'NPU27300', '2024-06-01', 7.1, '%', NULL),"
            + " ('P2', 'service', 'fee', '0101', '2024-06-01', NULL, NULL, 1),"
            + " ('P3', 'answer', 'questionnaire', 'who5/1', '2024-02-14', 3, NULL, NULL),"
            + " ('P4', 'prescription', 'atc', 'N05AH04', '2022-08-30', 0.25, 'DDD', 1),"
            + " ('P5', 'diagnosis', 'icd10', 'DE119', '2021-09-09', NULL, NULL, NULL)");
  }

  @Test
  void read_typedTables_givesTheSameExtractAsTheCsvReader() throws SQLException, IOException {
    createGoodExtract();

    Extract fromDatabase = JdbcExtractReader.create().read(db);
    Extract fromFiles = CsvExtractReader.create().read(Fixtures.extract("good"));

    assertEquals(ExtractDump.of(fromFiles), ExtractDump.of(fromDatabase));
    assertFalse(fromDatabase.reconciliation().hasRejections(), fromDatabase.reconciliation().summary());
    assertEquals(10, fromDatabase.reconciliation().count("events", Outcome.USED));
    assertEquals(5, fromDatabase.reconciliation().count("patients", Outcome.USED));
  }

  @Test
  void read_tablesLoadedFromTheCsvFiles_giveTheSameExtract() throws SQLException, IOException {
    for (ExtractTable table : ExtractTable.values()) {
      java.nio.file.Path file = Fixtures.extract("good").resolve(table.fileName());
      if (java.nio.file.Files.exists(file)) {
        sql("CREATE TABLE " + table.tableName() + " AS SELECT * FROM read_csv('" + file + "', all_varchar = true)");
      }
    }

    Extract fromDatabase = JdbcExtractReader.create().read(db);

    assertEquals(ExtractDump.of(CsvExtractReader.create().read(Fixtures.extract("good"))),
        ExtractDump.of(fromDatabase));
  }

  /**
   * Events with an end, a coded result, a status and an id, and the duplicates and rejections they
   * bring, with a typed {@code DATE} end: the same rows as a CSV file (line = row + 1).
   */
  private static final String[] ATTRIBUTED_EVENTS = {
      "'P1', 'prescription', 'atc', 'C10AA05', '2024-01-10', NULL, NULL, 1, '2024-04-18', NULL, 'redeemed', NULL",
      "'P1', 'diagnosis', 'icpc2', 'T90', '2015-05-02', NULL, NULL, NULL, NULL, NULL, NULL, NULL",
      "'P1', 'diagnosis', 'icpc2', 'R78', '2023-02-01', NULL, NULL, NULL, '2023-03-15', NULL, NULL, NULL",
      "'P1', 'lab', 'npu', 'NPU27300', '2024-03-10', 48, 'mmol/mol', NULL, NULL, NULL, 'final', NULL",
      "'P2', 'answer', 'questionnaire', 'smoking', '2024-06-01', NULL, NULL, NULL, NULL, 'snomed:8517006', NULL, NULL",
      "'P2', 'prescription', 'atc', 'J01CA08', '2024-06-01', NULL, NULL, 1, '2024-06-03', NULL, 'redeemed', NULL",
      "'P2', 'prescription', 'atc', 'J01CA08', '2024-06-01', NULL, NULL, 1, '2024-06-03', NULL, 'redeemed', NULL",
      "'P2', 'lab', 'npu', 'NPU27300', '2024-06-01', 50, 'mmol/mol', NULL, NULL, NULL, 'final', NULL",
      "'P2', 'lab', 'npu', 'NPU27300', '2024-06-01', 50, 'mmol/mol', NULL, NULL, NULL, 'final', NULL",
      "'P5', 'service', 'sks', 'KNFB20', '2024-03-04', NULL, NULL, NULL, '2024-03-07', NULL, NULL, NULL",
      "'P5', 'lab', 'npu', 'NPU27300', '2024-04-01', 51, 'mmol/mol', NULL, '2024-03-31', NULL, NULL, NULL",
      "'P5', 'lab', 'npu', 'NPU27300', '2024-04-02', 51, 'mmol/mol', NULL, NULL, NULL, 'Final', NULL",
      "'P5', 'answer', 'questionnaire', 'smoking', '2024-06-01', NULL, NULL, NULL, NULL, 'read2:137R.', NULL, NULL",
      "'P3', 'prescription', 'atc', 'J01CA08', '2024-02-01', NULL, NULL, 1, NULL, NULL, NULL, 'x1'",
      "'P3', 'prescription', 'atc', 'J01CA08', '2024-02-01', NULL, NULL, 1, NULL, NULL, NULL, 'x1'",
      "'P3', 'prescription', 'atc', 'J01CA08', '2024-03-01', NULL, NULL, 1, NULL, NULL, NULL, 'x2'",
      "'P3', 'prescription', 'atc', 'J01CA08', '2024-03-02', NULL, NULL, 1, NULL, NULL, NULL, 'x2'"};

  /** Outcome, reason, column and CSV line of every rejected or excluded example. */
  private static List<String> problems(Extract extract, int lineOffset) {
    return extract.reconciliation().examples().stream()
        .map(x -> x.outcome() + " " + x.reason() + " [" + x.location().column().orElse("") + "] line "
            + (x.location().line() + lineOffset))
        .collect(Collectors.toList());
  }

  @Test
  void read_endDateStatusValueCodeAndEventId_giveWhatTheCsvReaderGives(@TempDir java.nio.file.Path folder)
      throws SQLException, IOException {
    createGoodExtract();
    sql("DROP TABLE events", "CREATE TABLE events (patient_id VARCHAR, type VARCHAR, system VARCHAR, code VARCHAR,"
        + " date DATE, value DOUBLE, unit VARCHAR, quantity INTEGER, end_date DATE, value_code VARCHAR,"
        + " status VARCHAR, event_id VARCHAR)",
        "INSERT INTO events VALUES (" + String.join("), (", ATTRIBUTED_EVENTS) + ")");
    Fixtures.copy("good", folder);
    List<String> lines = new java.util.ArrayList<>(List.of(
        "patient_id,type,system,code,date,value,unit,quantity,end_date,value_code,status,event_id"));
    for (String row : ATTRIBUTED_EVENTS) {
      lines.add(row.replace("NULL", "").replace("'", "").replace(", ", ","));
    }
    Fixtures.write(folder, "events.csv", lines.toArray(String[]::new));

    Extract fromDatabase = JdbcExtractReader.create().read(db);
    Extract fromFiles = CsvExtractReader.create().read(folder);

    assertEquals(ExtractDump.of(fromFiles), ExtractDump.of(fromDatabase));
    assertEquals(problems(fromFiles, 0), problems(fromDatabase, 1));
    assertEquals(List.of(
        "EXCLUDED duplicate event [] line 10",
        "EXCLUDED duplicate event id [event_id] line 16",
        "REJECTED conflicting event id [event_id] line 17",
        "REJECTED conflicting event id [event_id] line 18",
        "REJECTED ends before it starts [end_date] line 12",
        "REJECTED unknown code system [value_code] line 14",
        "REJECTED unknown status [status] line 13"), problems(fromDatabase, 1).stream().sorted().toList());
    assertEquals(fromFiles.reconciliation().exactDuplicates(), fromDatabase.reconciliation().exactDuplicates());
    assertEquals(java.util.Map.of("lab", 1L, "prescription", 2L), fromDatabase.reconciliation().exactDuplicates());
    assertEquals(17, fromDatabase.reconciliation().read("events"));
    assertEquals(10, fromDatabase.reconciliation().count("events", Outcome.USED));
    assertTrue(ExtractDump.of(fromDatabase).contains("  2024-01-10 PRESCRIPTION atc:C10AA05 value=NaN unit=- "
        + "quantity=1.0 end=2024-04-18 status=redeemed"), ExtractDump.of(fromDatabase).toString());

    Extract labsEach = JdbcExtractReader.builder().duplicates(EventType.LAB, DuplicatePolicy.COUNT_EACH)
        .duplicates(EventType.PRESCRIPTION, DuplicatePolicy.COUNT_ONCE).build().read(db);
    assertEquals(10, labsEach.reconciliation().count("events", Outcome.USED));
    assertTrue(problems(labsEach, 1).contains("EXCLUDED duplicate event [] line 8"), problems(labsEach, 1).toString());
    assertFalse(problems(labsEach, 1).contains("EXCLUDED duplicate event [] line 10"), problems(labsEach, 1).toString());
  }

  /** The good organisation with text columns for patient data, so bad values can be stored. */
  private void createTextTables() throws SQLException {
    createGoodExtract();
    sql("DROP TABLE patients", "DROP TABLE listings", "DROP TABLE events",
        "CREATE TABLE patients (patient_id VARCHAR, sex VARCHAR, birth_date VARCHAR, death_date VARCHAR)",
        "CREATE TABLE listings (patient_id VARCHAR, clinic_id VARCHAR, valid_from VARCHAR, valid_to VARCHAR)",
        "CREATE TABLE events (patient_id VARCHAR, type VARCHAR, system VARCHAR, code VARCHAR, date VARCHAR,"
            + " value VARCHAR, unit VARCHAR, quantity VARCHAR)");
  }

  @Test
  void read_badRows_areRejectedWithTableRowAndColumn() throws SQLException {
    createTextTables();
    sql("INSERT INTO patients VALUES ('P1', 'F', '1950-03-01', NULL), ('P1', 'F', '1950-03-01', NULL),"
            + " ('P2', 'K', '1950-03-01', NULL), ('P3', 'F', '1950-02-30', NULL)",
        "INSERT INTO listings VALUES ('P1', 'C1', '2010-01-01', NULL), ('P9', 'C1', '2010-01-01', NULL)",
        "INSERT INTO events VALUES ('P1', 'diagnosis', 'icpc2', 'T90', '2020-01-01', NULL, NULL, NULL),"
            + " ('P1', 'lab', 'npu', 'NPU27300', '2020-01-01', '7,5', '%', NULL),"
            + " ('P1', 'referral', 'icpc2', 'T90', '2020-01-01', NULL, NULL, NULL),"
            + " ('P1', 'diagnosis', 'icpc3', 'T90', '2020-01-01', NULL, NULL, NULL),"
            + " ('P1', 'prescription', 'atc', 'J01', '2020-01-01', NULL, NULL, '-2')");

    Reconciliation r = JdbcExtractReader.create().read(db).reconciliation();

    List<String> rejected = r.examples().stream().filter(x -> x.outcome() == Outcome.REJECTED)
        .map(x -> x.location() + ": " + x.reason()).collect(Collectors.toList());
    assertEquals(List.of(
        "patients:2 [patient_id]: duplicate patient id",
        "patients:3 [sex]: unrecognised sex code",
        "patients:4 [birth_date]: unparseable date",
        "listings:2 [patient_id]: unknown patient",
        "events:2 [value]: unparseable number",
        "events:3 [type]: unknown event type",
        "events:4 [system]: unknown code system",
        "events:5 [quantity]: negative quantity"), rejected);
    assertEquals(4, r.read("patients"));
    assertEquals(5, r.read("events"));
    assertEquals(1, r.count("events", Outcome.USED));
  }

  @Test
  void read_timestampForADate_isRejected() throws SQLException {
    createGoodExtract();
    sql("DROP TABLE events", "CREATE TABLE events (patient_id VARCHAR, type VARCHAR, system VARCHAR,"
        + " code VARCHAR, date TIMESTAMP)", "INSERT INTO events VALUES ('P1', 'diagnosis', 'icpc2', 'T90',"
        + " TIMESTAMP '2020-01-01 00:00:00')");

    Rejection r = JdbcExtractReader.create().read(db).reconciliation().examples().get(0);

    assertEquals(RowLocation.of("events", 1).at("date"), r.location());
    assertEquals(Reasons.UNPARSEABLE_DATE, r.reason());
  }

  @Test
  void read_customQueries_readOtherTablesAndColumnNames() throws SQLException, IOException {
    createGoodExtract();
    sql("ALTER TABLE events RENAME TO flp_events", "ALTER TABLE patients RENAME TO persons");

    JdbcExtractReader reader = JdbcExtractReader.builder()
        .query(ExtractTable.EVENTS, "SELECT patient_id AS PATIENT_ID, type, system, code, date, value, unit,"
            + " quantity, 'ignored' AS note FROM flp_events")
        .table(ExtractTable.PATIENTS, "persons")
        .build();
    Extract extract = reader.read(db);

    assertEquals(ExtractDump.of(CsvExtractReader.create().read(Fixtures.extract("good"))), ExtractDump.of(extract));
    assertEquals("SELECT * FROM persons", reader.query(ExtractTable.PATIENTS));
    assertEquals("SELECT * FROM listings", reader.query(ExtractTable.LISTINGS));
  }

  @Test
  void read_withoutOptionalTables_readsTheRest() throws SQLException {
    createGoodExtract();
    sql("DROP TABLE as_of");

    assertTrue(JdbcExtractReader.create().read(db).asOf().isEmpty());
  }

  @Test
  void read_missingTable_throwsNamingIt() throws SQLException {
    createGoodExtract();
    sql("DROP TABLE listings");

    ExtractException e = assertThrows(ExtractException.class, () -> JdbcExtractReader.create().read(db));

    assertEquals(RowLocation.of("listings", 0), e.problems().get(0).location());
    assertEquals(Reasons.MISSING_FILE, e.problems().get(0).reason());
  }

  @Test
  void read_missingColumn_throwsNamingTableAndColumn() throws SQLException {
    createGoodExtract();
    sql("ALTER TABLE patients DROP COLUMN birth_date");

    ExtractException e = assertThrows(ExtractException.class, () -> JdbcExtractReader.create().read(db));

    assertEquals(RowLocation.of("patients", 1).at("birth_date"), e.problems().get(0).location());
  }

  @Test
  void read_strictWithRejectedRow_throws() throws SQLException {
    createGoodExtract();
    sql("INSERT INTO listings VALUES ('P9', 'C1', '2010-01-01', NULL)");

    ExtractException e = assertThrows(ExtractException.class,
        () -> JdbcExtractReader.builder().strict(true).build().read(db));

    assertEquals(RowLocation.of("listings", 7).at("patient_id"), e.problems().get(0).location());
  }

  @Test
  void builder_badSettings_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> JdbcExtractReader.builder().fetchSize(0));
    assertThrows(IllegalArgumentException.class, () -> JdbcExtractReader.builder().query(ExtractTable.EVENTS, " "));
  }
}
