package org.klynge.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klynge.core.data.Extract;
import org.klynge.core.data.ExtractBuilder;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.Rejection;
import org.klynge.core.data.RowLocation;
import org.klynge.core.data.TestOrganisation;
import org.klynge.core.definition.ValueSet;
import org.klynge.core.model.Code;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.CodeSystems;
import org.klynge.core.model.EventType;
import org.klynge.core.model.Sex;

/** Events in declared code systems are read; events in undeclared ones are counted rejections (issue 14, item 1). */
class DeclaredCodeSystemsTest {

  private static final CodeSystem READ2 = CodeSystem.prefix("read2");
  private static final CodeSystems WITH_READ2 = CodeSystems.builtIn().with(List.of(READ2));

  @TempDir Path folder;

  private Path extract() throws IOException {
    CsvExtractWriter.writeOrganisation(TestOrganisation.ONE_CLINIC, folder);
    Files.writeString(folder.resolve("patients.csv"), "patient_id,sex,birth_date\np1,F,1950-01-01\n",
        StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("listings.csv"), "patient_id,clinic_id,valid_from\np1,c1,2000-01-01\n",
        StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("events.csv"), """
        patient_id,type,system,code,date
        p1,diagnosis,read2,C10F7,2020-01-01
        p1,diagnosis,Snomed,44054006,2020-01-01
        p1,diagnosis,sks,DE119,2020-01-01
        """, StandardCharsets.UTF_8);
    return folder;
  }

  @Test
  void csv_withoutTheDeclaredSystem_rejectsItsEventsWithFileLineAndColumn() throws IOException {
    Extract read = CsvExtractReader.create().read(extract());

    assertEquals(2, read.patients().eventCount(), "snomed and sks are built in");
    List<Rejection> rejected = read.reconciliation().examples().stream()
        .filter(r -> r.outcome() == Outcome.REJECTED).toList();
    assertEquals(1, rejected.size(), rejected::toString);
    assertEquals("unknown code system", rejected.get(0).reason());
    assertEquals(RowLocation.of("events.csv", 2).at("system"), rejected.get(0).location());
    assertTrue(rejected.get(0).detail().startsWith("read2 (known: atc, icpc2, icd10"), rejected.get(0).detail());
    assertEquals(3, read.reconciliation().count("events.csv", Outcome.USED)
        + read.reconciliation().count("events.csv", Outcome.REJECTED));
  }

  @Test
  void csv_withTheDeclaredSystem_readsItsEventsWithItsHierarchy() throws IOException {
    Extract read = CsvExtractReader.strict().withCodeSystems(WITH_READ2).read(extract());

    assertEquals(3, read.patients().eventCount());
    Code first = read.patients().codes().entry(read.patients().eventCode(0)).code();
    assertEquals(new Code(READ2, "C10F7"), first);
    assertTrue(ValueSet.of("diabetes", READ2, "C10").contains(first));
    assertFalse(ValueSet.of("diabetes", CodeSystem.exact("read2"), "C10").contains(new Code(CodeSystem.exact("read2"), "C10F7")),
        "an exact system matches only the code itself");
  }

  @Test
  void csv_writtenAndReadBack_keepsTheDeclaredSystem(@TempDir Path copy) throws IOException {
    Extract read = CsvExtractReader.strict().withCodeSystems(WITH_READ2).read(extract());
    CsvExtractWriter.write(read, copy);

    Extract again = CsvExtractReader.strict().withCodeSystems(WITH_READ2).read(copy);
    assertEquals(ExtractDump.of(read), ExtractDump.of(again));
    assertThrows(ExtractException.class, () -> CsvExtractReader.strict().read(copy), "read2 is not built in");
  }

  @Test
  void builder_eventInAnUndeclaredSystem_isRejectedAtItsSystem() {
    ExtractBuilder builder = ExtractBuilder.create(TestOrganisation.ONE_CLINIC);
    RowLocation at = RowLocation.of("memory", 1);
    builder.patient("p1", Sex.FEMALE, LocalDate.of(1950, 1, 1), Optional.empty(), at);

    assertFalse(builder.event("p1", EventType.DIAGNOSIS, READ2, "C10", LocalDate.of(2020, 1, 1), Double.NaN, "",
        Double.NaN, RowLocation.of("memory", 2)));
    assertTrue(builder.event("p1", EventType.DIAGNOSIS, CodeSystem.SNOMED, "44054006", LocalDate.of(2020, 1, 1),
        Double.NaN, "", Double.NaN, RowLocation.of("memory", 3)));
    Extract built = builder.build();
    assertEquals(1, built.reconciliation().count("memory", Outcome.REJECTED));
    assertEquals(RowLocation.of("memory", 2).at("system"), built.reconciliation().examples().get(0).location());
  }

  @Test
  void builder_systemOfAnEvent_takesTheHierarchyTheSystemsGive() {
    ExtractBuilder builder = ExtractBuilder.create(TestOrganisation.ONE_CLINIC, WITH_READ2);
    RowLocation at = RowLocation.of("memory", 1);
    builder.patient("p1", Sex.FEMALE, LocalDate.of(1950, 1, 1), Optional.empty(), at);
    builder.event("p1", EventType.DIAGNOSIS, CodeSystem.exact("read2"), "C10F7", LocalDate.of(2020, 1, 1), Double.NaN,
        "", Double.NaN, at);

    Code code = builder.build().patients().codes().entry(0).code();
    assertEquals(READ2, code.system());
  }

  @Test
  void jdbc_withTheDeclaredSystem_readsItsEvents() throws SQLException, IOException {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
      Path csv = extract();
      for (String table : List.of("regions", "clusters", "clinics", "cluster_memberships", "cluster_regions",
          "patients", "listings", "events")) {
        s.execute("CREATE TABLE " + table + " AS SELECT * FROM read_csv('" + csv.resolve(table + ".csv")
            + "', all_varchar = true)");
      }
      Extract without = JdbcExtractReader.create().read(db);
      Extract with = JdbcExtractReader.builder().codeSystems(WITH_READ2).strict(true).build().read(db);

      assertEquals(1, without.reconciliation().count("events", Outcome.REJECTED));
      assertEquals(3, with.patients().eventCount());
    }
  }
}
