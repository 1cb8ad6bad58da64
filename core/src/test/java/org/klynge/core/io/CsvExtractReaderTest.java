package org.klynge.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.klynge.core.data.CodeDictionary;
import org.klynge.core.data.Extract;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.PatientData;
import org.klynge.core.data.Reconciliation;
import org.klynge.core.data.Rejection;
import org.klynge.core.data.RowLocation;
import org.klynge.core.model.Code;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.EventType;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Sex;

class CsvExtractReaderTest {

  private static final CsvExtractReader READER = CsvExtractReader.create();

  @TempDir Path temp;

  private static Extract read(String fixture) throws IOException {
    return READER.read(Fixtures.extract(fixture));
  }

  private static int day(String date) {
    return (int) LocalDate.parse(date).toEpochDay();
  }

  // ---- a good extract

  @Test
  void read_goodExtract_readsEveryRow() throws IOException {
    Extract extract = read("good");

    Organisation o = extract.organisation();
    assertEquals(2, o.regions().size());
    assertEquals(2, o.clusters().size());
    assertEquals(3, o.clinics().size());
    assertEquals(4, o.clusterMemberships().size());
    assertEquals(2, o.regionMemberships().size());
    PatientData data = extract.patients();
    assertEquals(5, data.patientCount());
    assertEquals(6, data.listingCount());
    assertEquals(10, data.eventCount());
    assertEquals(LocalDate.of(2024, 12, 31), extract.asOf().get("flp"));
    assertEquals(LocalDate.of(2024, 11, 30), extract.asOf().get("ordiprax"));
    Reconciliation r = extract.reconciliation();
    assertFalse(r.hasRejections(), r.summary());
    assertEquals(10, r.count("events.csv", Outcome.USED));
    assertEquals(6, r.count("listings.csv", Outcome.USED));
    assertEquals(5, r.count("patients.csv", Outcome.USED));
    assertEquals(4, r.count("cluster_memberships.csv", Outcome.USED));
  }

  @Test
  void read_goodExtract_keepsTextAsWritten() throws IOException {
    Organisation o = read("good").organisation();

    assertEquals("Region Sjælland", o.regions().get("1085").name());
    assertEquals("Lægehuset, Nørregade", o.clinics().get("C1").name());
    assertEquals("012345", o.clinics().get("C1").providerNumber());
  }

  @Test
  void read_clinicChangingCluster_hasOneClusterEachDay() throws IOException {
    Organisation o = read("good").organisation();

    assertEquals(Optional.of("K1"), o.clusterOf("C2", LocalDate.of(2021, 12, 31)));
    assertEquals(Optional.of("K2"), o.clusterOf("C2", LocalDate.of(2022, 1, 1)));
    assertEquals(Optional.empty(), o.clusterOf("C3", LocalDate.of(2019, 3, 31)));
    assertEquals(Optional.of("1085"), o.regionOf("K2", LocalDate.of(2022, 1, 1)));
  }

  @Test
  void read_patientMovingClinic_isListedWithEachClinicInTurn() throws IOException {
    PatientData data = read("good").patients();
    int p2 = data.patientIndex("P2").orElseThrow();

    assertEquals(2, data.listingEnd(p2) - data.listingStart(p2));
    assertEquals("C1", data.clinicId(data.clinicOn(p2, day("2020-02-29"))));
    assertEquals("C2", data.clinicId(data.clinicOn(p2, day("2020-03-01"))));
    assertEquals(-1, data.clinicOn(p2, day("2014-12-31")));
  }

  @Test
  void read_deadPatient_hasDeathDayAndNoClinicAfter() throws IOException {
    PatientData data = read("good").patients();
    int p4 = data.patientIndex("P4").orElseThrow();

    assertEquals(Sex.MALE, data.sex(p4));
    assertEquals(day("2023-05-04"), data.deathDay(p4));
    assertEquals("C3", data.clinicId(data.clinicOn(p4, day("2023-05-04"))));
    assertEquals(-1, data.clinicOn(p4, day("2023-05-05")));
  }

  @Test
  void read_events_keepTypeCodeValueUnitAndQuantity() throws IOException {
    PatientData data = read("good").patients();
    int p1 = data.patientIndex("P1").orElseThrow();
    List<String> events = ExtractDump.patients(data).stream()
        .dropWhile(l -> !l.startsWith("patient P1 ")).skip(2).limit(4).collect(Collectors.toList());

    assertEquals(List.of(
        "  2015-05-02 DIAGNOSIS icpc2:T90 value=NaN unit=- quantity=NaN",
        "  2023-03-12 LAB npu:NPU27300 value=61.5 unit=mmol/mol quantity=NaN",
        "  2024-01-20 PRESCRIPTION atc:J01CA08 value=1.5 unit=DDD quantity=2.0",
        "  2024-03-10 LAB npu:NPU27300 value=48.0 unit=mmol/mol quantity=NaN"), events);
    CodeDictionary.Entry first = data.codes().entry(data.eventCode(data.eventStart(p1)));
    assertEquals(new CodeDictionary.Entry(EventType.DIAGNOSIS, new Code(CodeSystem.ICPC2, "T90")), first);
  }

  // ---- a bad extract

  @ParameterizedTest(name = "{0}:{1} [{2}] {3}")
  @CsvSource({
      "patients.csv,  4, patient_id, duplicate patient id",
      "patients.csv,  5, sex,        unrecognised sex code",
      "patients.csv,  6, birth_date, unparseable date",
      "patients.csv,  7, birth_date, missing value",
      "patients.csv,  8, ,           wrong number of fields",
      "patients.csv,  9, death_date, death before birth",
      "patients.csv, 10, death_date, unparseable date",
      "listings.csv,  4, patient_id, unknown patient",
      "listings.csv,  5, clinic_id,  unknown clinic",
      "listings.csv,  6, valid_from, unparseable date",
      "listings.csv,  7, valid_from, overlapping listing",
      "listings.csv,  8, clinic_id,  missing value",
      "events.csv,    5, patient_id, unknown patient",
      "events.csv,    6, type,       unknown event type",
      "events.csv,    7, system,     unknown code system",
      "events.csv,    8, quantity,   negative quantity",
      "events.csv,    9, value,      unparseable number",
      "events.csv,   10, date,       unparseable date",
      "events.csv,   11, code,       missing value",
      "events.csv,   12, ,           wrong number of fields",
      "events.csv,   13, quantity,   unparseable number",
      "events.csv,   14, date,       event before birth",
  })
  void read_badRow_isRejectedWithReasonFileLineAndColumn(String file, long line, String column, String reason)
      throws IOException {
    Extract extract = read("bad");

    RowLocation where = new RowLocation(file, line, Optional.ofNullable(column));
    List<Rejection> atRow = extract.reconciliation().examples().stream()
        .filter(r -> r.location().source().equals(file) && r.location().line() == line)
        .collect(Collectors.toList());
    assertEquals(1, atRow.size(), () -> "rejections at " + file + ":" + line + ": " + atRow);
    assertEquals(new Rejection(Outcome.REJECTED, reason, where, atRow.get(0).detail()), atRow.get(0));
  }

  @Test
  void read_exactDuplicateEvent_isExcludedAtItsLine() throws IOException {
    Reconciliation r = read("bad").reconciliation();

    List<Rejection> excluded = r.examples().stream().filter(x -> x.outcome() == Outcome.EXCLUDED)
        .collect(Collectors.toList());
    assertEquals(1, excluded.size());
    assertEquals("duplicate event", excluded.get(0).reason());
    assertEquals(RowLocation.of("events.csv", 3), excluded.get(0).location());
  }

  @Test
  void read_badExtract_usesTheGoodRows() throws IOException {
    Extract extract = read("bad");

    assertEquals(List.of(
        "patient P1 FEMALE born 1950-03-01 died -",
        "  listed C1 2010-01-01..-",
        "  2024-03-10 LAB npu:NPU27300 value=48.0 unit=mmol/mol quantity=NaN",
        "patient P2 MALE born 1962-07-15 died -",
        "  listed C2 2010-01-01..2019-12-31",
        "  2020-01-01 DIAGNOSIS icpc2:T90 value=NaN unit=- quantity=NaN",
        "  2020-01-02 DIAGNOSIS icpc2:T91 value=NaN unit=- quantity=NaN"),
        ExtractDump.patients(extract.patients()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "patients.csv, 9, 2, 0, 7",
      "listings.csv, 7, 2, 0, 5",
      "events.csv,  14, 3, 1, 10",
  })
  void read_everyFile_readEqualsUsedPlusExcludedPlusRejected(String file, long read, long used, long excluded,
      long rejected) throws IOException {
    Reconciliation r = read("bad").reconciliation();

    assertEquals(read, r.read(file));
    assertEquals(used, r.count(file, Outcome.USED));
    assertEquals(excluded, r.count(file, Outcome.EXCLUDED));
    assertEquals(rejected, r.count(file, Outcome.REJECTED));
    assertEquals(r.read(file),
        r.count(file, Outcome.USED) + r.count(file, Outcome.EXCLUDED) + r.count(file, Outcome.REJECTED));
  }

  @Test
  void read_dataRowsOfEveryFile_areCounted() throws IOException {
    Path folder = Fixtures.extract("good");
    Reconciliation r = read("good").reconciliation();

    for (ExtractTable table : ExtractTable.values()) {
      Path file = folder.resolve(table.fileName());
      if (Files.exists(file)) {
        long dataLines = Files.readAllLines(file, StandardCharsets.UTF_8).size() - 1;
        assertEquals(dataLines, r.read(table.fileName()), table.fileName());
      }
    }
  }

  // ---- strict mode

  @Test
  void read_strictWithRejectedRows_throwsListingThem() {
    ExtractException e = assertThrows(ExtractException.class,
        () -> CsvExtractReader.strict().read(Fixtures.extract("bad")));

    assertEquals(7, e.problems().size(), e.getMessage());
    assertTrue(e.problems().stream().allMatch(p -> p.location().source().equals("patients.csv")), e.getMessage());
    assertTrue(e.getMessage().contains("patients.csv:4 [patient_id]: duplicate patient id (P1)"), e.getMessage());
  }

  @Test
  void read_strictWithManyRejectedRows_stopsAtTheLimit() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    String[] lines = new String[101];
    lines[0] = "patient_id,type,system,code,date";
    for (int i = 1; i < lines.length; i++) {
      lines[i] = "P1,diagnosis,icpc2,T90,2020-01-" + (i + 40);
    }
    Fixtures.write(folder, "events.csv", lines);

    ExtractException e = assertThrows(ExtractException.class, () -> CsvExtractReader.strict().read(folder));

    assertEquals(ExtractAssembler.STRICT_LIMIT, e.problems().size());
    assertEquals(RowLocation.of("events.csv", 2).at("date"), e.problems().get(0).location());
  }

  @Test
  void read_everySexCodeAndAnEmptySex_areReadAndWrittenBack() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Fixtures.write(folder, "patients.csv", "patient_id,sex,birth_date", "P1,F,1950-03-01", "P2,M,1962-07-15",
        "P3,O,1980-01-01", "P4,U,1940-05-05", "P5,,2001-02-03");
    Fixtures.write(folder, "listings.csv", "patient_id,clinic_id,valid_from");
    Fixtures.write(folder, "events.csv", "patient_id,type,system,code,date");

    Extract extract = CsvExtractReader.strict().read(folder);
    CsvExtractWriter.write(extract, temp.resolve("out"));
    Extract copy = CsvExtractReader.strict().read(temp.resolve("out"));

    PatientData data = copy.patients();
    assertEquals(List.of(Sex.FEMALE, Sex.MALE, Sex.OTHER, Sex.UNKNOWN, Sex.UNKNOWN),
        java.util.stream.IntStream.range(0, data.patientCount()).mapToObj(data::sex).toList());
    assertEquals(5, copy.reconciliation().count("patients.csv", Outcome.USED));
  }

  @Test
  void read_strictWithGoodExtract_readsIt() throws IOException {
    Extract strict = CsvExtractReader.strict().read(Fixtures.extract("good"));

    assertEquals(ExtractDump.of(read("good")), ExtractDump.of(strict));
  }

  @Test
  void read_strictWithOverlappingListing_throws() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Files.writeString(folder.resolve("listings.csv"), "P1,C2,2011-01-01,\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);

    ExtractException e = assertThrows(ExtractException.class, () -> CsvExtractReader.strict().read(folder));

    assertEquals("overlapping listing", e.problems().get(0).reason());
    assertEquals(8, e.problems().get(0).location().line());
  }

  // ---- layout

  @Test
  void read_columnsInAnyOrderWithExtraColumns_readsTheSameExtract() throws IOException {
    assertEquals(ExtractDump.of(read("good")), ExtractDump.of(read("reordered")));
  }

  @Test
  void read_optionalColumnsLeftOut_readsWithoutThem() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Fixtures.write(folder, "events.csv", "patient_id,type,system,code,date", "P1,diagnosis,icpc2,T90,2015-05-02");
    Fixtures.write(folder, "listings.csv", "patient_id,clinic_id,valid_from", "P1,C1,2010-01-01");

    PatientData data = READER.read(folder).patients();

    assertEquals(1, data.eventCount());
    assertEquals(1, data.listingCount());
    assertEquals(PatientData.NO_DATE, data.listingTo(0));
  }

  @Test
  void read_missingRequiredColumn_throwsNamingFileAndColumn() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Fixtures.write(folder, "events.csv", "patient_id,type,system,code,value", "P1,diagnosis,icpc2,T90,");

    ExtractException e = assertThrows(ExtractException.class, () -> READER.read(folder));

    assertEquals(RowLocation.of("events.csv", 1).at("date"), e.problems().get(0).location());
    assertEquals(Reasons.MISSING_COLUMN, e.problems().get(0).reason());
    assertTrue(e.getMessage().contains("events.csv:1 [date]: missing column"), e.getMessage());
  }

  @Test
  void read_columnNamedTwice_throws() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Fixtures.write(folder, "regions.csv", "region_id,name,Name", "1084,a,b");

    ExtractException e = assertThrows(ExtractException.class, () -> READER.read(folder));

    assertEquals(Reasons.DUPLICATE_COLUMN, e.problems().get(0).reason());
  }

  @Test
  void read_missingFiles_throwsNamingEach() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Files.delete(folder.resolve("events.csv"));
    Files.delete(folder.resolve("clinics.csv"));
    Files.delete(folder.resolve("asof.csv"));

    ExtractException e = assertThrows(ExtractException.class, () -> READER.read(folder));

    assertEquals(List.of("clinics.csv", "events.csv"),
        e.problems().stream().map(p -> p.location().source()).collect(Collectors.toList()));
    assertTrue(e.problems().stream().allMatch(p -> p.reason().equals(Reasons.MISSING_FILE)));
  }

  @Test
  void read_withoutAsOfFile_hasNoAsOfDates() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Files.delete(folder.resolve("asof.csv"));

    assertTrue(READER.read(folder).asOf().isEmpty());
  }

  @Test
  void read_unclosedQuote_throwsMalformedFile() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Fixtures.write(folder, "patients.csv", "patient_id,sex,birth_date", "P1,F,1950-03-01", "\"P2,M,1960-01-01");

    ExtractException e = assertThrows(ExtractException.class, () -> READER.read(folder));

    assertEquals(Reasons.MALFORMED_FILE, e.problems().get(0).reason());
    assertEquals("patients.csv", e.problems().get(0).location().source());
  }

  @Test
  void read_byteOrderMarkAndWindowsLineEnds_areAccepted() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Files.write(folder.resolve("patients.csv"),
        "\uFEFFpatient_id,sex,birth_date\r\nP1,F,1950-03-01\r\n".getBytes(StandardCharsets.UTF_8));

    Extract extract = READER.read(folder);

    assertEquals(1, extract.patients().patientCount());
  }

  @Test
  void read_spacesAroundFields_areIgnored() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Fixtures.write(folder, "patients.csv", " patient_id , sex,birth_date ", "  P1 , F ,1950-03-01  ");

    PatientData data = READER.read(folder).patients();

    assertEquals("P1", data.patientId(0));
    assertEquals(day("1950-03-01"), data.birthDay(0));
  }

  @Test
  void read_emptyFile_throwsMissingHeader() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Fixtures.write(folder, "listings.csv", "");

    ExtractException e = assertThrows(ExtractException.class, () -> READER.read(folder));

    assertEquals("listings.csv", e.problems().get(0).location().source());
  }

  // ---- the organisation

  @Test
  void read_badOrganisationRows_throwsListingEveryProblem() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Fixtures.write(folder, "clinics.csv", "clinic_id,name,provider_number", "C1,One,1", "C2,Two,2", "C1,Again,3",
        "C3,,4");
    Fixtures.write(folder, "cluster_memberships.csv", "clinic_id,cluster_id,valid_from,valid_to",
        "C1,K1,2018-01-01,", "C2,K9,2018-01-01,", "C2,K1,2018-02-30,", "C9,K2,2019-01-01,2018-01-01",
        "C1,K2");

    ExtractException e = assertThrows(ExtractException.class, () -> READER.read(folder));

    List<String> problems = e.problems().stream().map(p -> p.location() + ": " + p.reason())
        .collect(Collectors.toList());
    assertEquals(List.of(
        "clinics.csv:4 [clinic_id]: duplicate id",
        "clinics.csv:5 [name]: missing value",
        "cluster_memberships.csv:4 [valid_from]: unparseable date",
        "cluster_memberships.csv:5 [valid_to]: ends before it starts",
        "cluster_memberships.csv:6: wrong number of fields",
        "cluster_memberships.csv:3 [cluster_id]: unknown reference",
        "cluster_memberships.csv:5 [clinic_id]: unknown reference"), problems);
    assertTrue(e.getMessage().startsWith("invalid organisation (7 problems):"), e.getMessage());
  }

  @Test
  void read_overlappingClusterMemberships_throwsNamingBothLines() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Fixtures.write(folder, "cluster_memberships.csv", "clinic_id,cluster_id,valid_from,valid_to",
        "C1,K1,2018-01-01,2020-12-31", "C1,K2,2020-12-31,");

    ExtractException e = assertThrows(ExtractException.class, () -> READER.read(folder));

    Rejection p = e.problems().get(0);
    assertEquals(Reasons.OVERLAPPING_MEMBERSHIP, p.reason());
    assertEquals(RowLocation.of("cluster_memberships.csv", 3).at("valid_from"), p.location());
    assertTrue(p.detail().contains("line 2"), p.detail());
  }

  @Test
  void read_badAsOfDate_throws() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Fixtures.write(folder, "asof.csv", "source,as_of_date", "flp,31-12-2024");

    ExtractException e = assertThrows(ExtractException.class, () -> READER.read(folder));

    assertEquals(RowLocation.of("asof.csv", 2).at("as_of_date"), e.problems().get(0).location());
  }
}
