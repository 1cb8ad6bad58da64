package org.klynge.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.klynge.core.data.DuplicatePolicy;
import org.klynge.core.data.Extract;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.PatientData;
import org.klynge.core.data.Rejection;
import org.klynge.core.data.TestOrganisation;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;

/** The optional event columns: end_date, value_code, status and event_id, and duplicates per type. */
class EventAttributesTest {

  private static final String HEADER = "patient_id,type,system,code,date,value,unit,quantity,end_date,value_code,status,"
      + "event_id\n";

  @TempDir Path folder;

  private Path extract(String events) throws IOException {
    CsvExtractWriter.writeOrganisation(TestOrganisation.ONE_CLINIC, folder);
    Files.writeString(folder.resolve("patients.csv"), "patient_id,sex,birth_date\np1,F,1950-01-01\np2,M,1960-01-01\n",
        StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("listings.csv"), "patient_id,clinic_id,valid_from\np1,c1,2000-01-01\n",
        StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("events.csv"), HEADER + events, StandardCharsets.UTF_8);
    return folder;
  }

  private static long day(String date) {
    return LocalDate.parse(date).toEpochDay();
  }

  private static List<String> reasons(Extract extract, Outcome outcome) {
    return extract.reconciliation().examples().stream().filter(r -> r.outcome() == outcome)
        .map(r -> r.reason() + " at " + r.location()).collect(Collectors.toList());
  }

  @Test
  void ends_areKept_pointsEndOnTheirDay_andDiagnosesWithoutAnEndAreOngoing() throws IOException {
    Extract read = CsvExtractReader.strict().read(extract("""
        p1,prescription,atc,N05AH03,2024-01-10,,,1,2024-04-08,,,
        p1,lab,npu,NPU27300,2024-02-01,50,mmol/mol,,,,,
        p1,diagnosis,icpc2,T90,2020-05-01,,,,,,,
        p1,diagnosis,icpc2,K86,2021-05-01,,,,2021-05-01,,,
        """));
    PatientData data = read.patients();
    assertEquals(4, data.eventCount());
    // in date order: T90, K86, prescription, lab
    assertEquals(PatientData.NO_DATE, data.eventEndDay(0), "a diagnosis with no end is ongoing");
    assertEquals(day("2021-05-01"), data.eventEndDay(1), "a diagnosis that ends on its day is a point");
    assertEquals(day("2024-04-08"), data.eventEndDay(2));
    assertEquals(day("2024-02-01"), data.eventEndDay(3), "a lab result without an end is a point");
    assertTrue(data.hasEventEnds());
  }

  @Test
  void valueCodesAndStatuses_areKept() throws IOException {
    Extract read = CsvExtractReader.strict().read(extract("""
        p1,answer,questionnaire,smoking,2024-01-10,,,,,snomed:77176002,final,
        p1,lab,npu,NPU27300,2024-02-01,50,mmol/mol,,,,Amended,
        p1,lab,npu,NPU27300,2024-03-01,51,mmol/mol,,,,amended,
        """.replace("Amended", "cancelled")));
    PatientData data = read.patients();
    assertEquals("snomed:77176002", data.valueCodes().entry(data.eventValueCode(0)).code().toString());
    assertEquals(EventType.ANSWER, data.valueCodes().entry(data.eventValueCode(0)).type());
    assertEquals(Optional.of(EventStatus.FINAL), data.eventStatus(0));
    assertEquals(Optional.of(EventStatus.CANCELLED), data.eventStatus(1));
    assertEquals(Optional.of(EventStatus.AMENDED), data.eventStatus(2));
    assertEquals(-1, data.eventValueCode(1));
  }

  @Test
  void badAttributes_areRejectedWithTheirColumn_andNothingIsLost() throws IOException {
    Extract read = CsvExtractReader.create().read(extract("""
        p1,prescription,atc,N05AH03,2024-01-10,,,1,2024-01-09,,,
        p1,answer,questionnaire,smoking,2024-01-10,,,,,read2:137R.,,
        p1,answer,questionnaire,smoking,2024-01-10,,,,,77176002,,
        p1,lab,npu,NPU27300,2024-02-01,50,mmol/mol,,,,Final,
        p1,lab,npu,NPU27300,2024-02-01,50,mmol/mol,,2024-13-01,,,
        p1,lab,npu,NPU27300,2024-02-02,50,mmol/mol,,,,,
        """));
    assertEquals(List.of(
        "ends before it starts at events.csv:2 [end_date]",
        "unknown code system at events.csv:3 [value_code]",
        "unreadable value code at events.csv:4 [value_code]",
        "unknown status at events.csv:5 [status]",
        "unparseable date at events.csv:6 [end_date]"), reasons(read, Outcome.REJECTED));
    assertEquals(6, read.reconciliation().read("events.csv"));
    assertEquals(1, read.reconciliation().count("events.csv", Outcome.USED));
  }

  @Test
  void eventIds_sameDataIsOneEvent_otherDataRejectsBoth() throws IOException {
    Extract read = CsvExtractReader.create().read(extract("""
        p1,prescription,atc,J01CA08,2024-01-10,,,1,,,,r1
        p1,prescription,atc,J01CA08,2024-01-10,,,1,,,,r1
        p1,prescription,atc,J01CA08,2024-01-10,,,1,,,,r2
        p1,prescription,atc,J01CA08,2024-02-10,,,1,,,,r3
        p1,prescription,atc,J01CA08,2024-02-11,,,1,,,,r3
        p2,prescription,atc,J01CA08,2024-02-10,,,1,,,,r4
        p1,prescription,atc,J01CA08,2024-02-10,,,1,,,,r4
        """));
    // r1 twice with the same data: one event; r2 another event with the same data; r3 and r4 conflict
    assertEquals(2, read.patients().eventCount());
    assertEquals(List.of("duplicate event id at events.csv:3 [event_id]"), reasons(read, Outcome.EXCLUDED));
    assertEquals(List.of(
        "conflicting event id at events.csv:6 [event_id]",
        "conflicting event id at events.csv:8 [event_id]",
        "conflicting event id at events.csv:5 [event_id]",
        "conflicting event id at events.csv:7 [event_id]"), reasons(read, Outcome.REJECTED));
    Rejection first = read.reconciliation().examples().stream()
        .filter(r -> r.location().line() == 5).findFirst().orElseThrow();
    assertTrue(first.detail().contains("line 6"), first.detail());
    assertEquals(7, read.reconciliation().read("events.csv"));
    assertEquals(1L, read.reconciliation().exactDuplicates().get("prescription"));
  }

  @Test
  void exactDuplicates_countEachForPrescriptions_onceForOthers_andThePolicyIsChosen() throws IOException {
    String rows = """
        p1,prescription,atc,J01CA08,2024-01-10,,,1,,,,
        p1,prescription,atc,J01CA08,2024-01-10,,,1,,,,
        p1,lab,npu,NPU27300,2024-02-01,50,mmol/mol,,,,,
        p1,lab,npu,NPU27300,2024-02-01,50,mmol/mol,,,,,
        """;
    Extract byDefault = CsvExtractReader.create().read(extract(rows));
    assertEquals(3, byDefault.patients().eventCount());
    assertEquals(List.of("duplicate event at events.csv:5"), reasons(byDefault, Outcome.EXCLUDED));
    assertEquals(1L, byDefault.reconciliation().exactDuplicates().get("prescription"));
    assertEquals(1L, byDefault.reconciliation().exactDuplicates().get("lab"));

    Extract chosen = CsvExtractReader.create().withDuplicates(EventType.PRESCRIPTION, DuplicatePolicy.COUNT_ONCE)
        .withDuplicates(EventType.LAB, DuplicatePolicy.COUNT_EACH).read(extract(rows));
    assertEquals(3, chosen.patients().eventCount());
    assertEquals(List.of("duplicate event at events.csv:3"), reasons(chosen, Outcome.EXCLUDED));
  }

  @Test
  void writer_writesTheAttributes_andIdsWhereOnlyTheyKeepDuplicatesApart(@TempDir Path copy) throws IOException {
    Extract read = CsvExtractReader.strict().withDuplicates(EventType.LAB, DuplicatePolicy.COUNT_EACH).read(extract("""
        p1,prescription,atc,N05AH03,2024-01-10,,,1,2024-04-08,,redeemed,
        p1,answer,questionnaire,smoking,2024-01-10,,,,,snomed:77176002,final,
        p1,diagnosis,icpc2,K86,2021-05-01,,,,2021-05-01,,,
        p1,lab,npu,NPU27300,2024-02-01,50,mmol/mol,,,,,
        p1,lab,npu,NPU27300,2024-02-01,50,mmol/mol,,,,,
        """));
    CsvExtractWriter.write(read, copy);
    Extract again = CsvExtractReader.strict().read(copy);
    assertEquals(ExtractDump.patients(read.patients()), ExtractDump.patients(again.patients()));
    assertEquals(5, again.patients().eventCount());
    assertTrue(Files.readString(copy.resolve("events.csv")).startsWith(HEADER));
  }

  @Test
  void writer_leavesOutTheOptionalColumnsNoEventHas(@TempDir Path copy) throws IOException {
    Extract read = CsvExtractReader.strict().read(extract("p1,lab,npu,NPU27300,2024-02-01,50,mmol/mol,,,,,\n"));
    CsvExtractWriter.write(read, copy);
    String written = Files.readString(copy.resolve("events.csv"));
    assertTrue(written.startsWith("patient_id,type,system,code,date,value,unit,quantity\n"), written);
    assertFalse(read.patients().hasStatuses());
  }
}
