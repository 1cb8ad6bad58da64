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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klynge.core.data.Extract;
import org.klynge.core.data.ExtractBuilder;
import org.klynge.core.data.RowLocation;
import org.klynge.core.model.Clinic;
import org.klynge.core.model.Cluster;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.DateRange;
import org.klynge.core.model.EventType;
import org.klynge.core.model.Municipality;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Practitioner;
import org.klynge.core.model.Region;
import org.klynge.core.model.Sex;

class CsvExtractWriterTest {

  @TempDir Path temp;

  @Test
  void write_goodExtract_readsBackEqual() throws IOException {
    Extract original = CsvExtractReader.create().read(Fixtures.extract("good"));

    CsvExtractWriter.write(original, temp);
    Extract copy = CsvExtractReader.strict().read(temp);

    assertEquals(ExtractDump.of(original), ExtractDump.of(copy));
  }

  @Test
  void write_goodExtract_writesTheFixtureLayout() throws IOException {
    Extract original = CsvExtractReader.create().read(Fixtures.extract("good"));

    CsvExtractWriter.write(original, temp);

    for (String file : List.of("regions.csv", "clusters.csv", "clinics.csv", "cluster_memberships.csv",
        "cluster_regions.csv", "asof.csv", "patients.csv", "listings.csv")) {
      assertEquals(read(Fixtures.extract("good").resolve(file)), read(temp.resolve(file)), file);
    }
    assertEquals("patient_id,type,system,code,date,value,unit,quantity", read(temp.resolve("events.csv")).get(0));
    assertTrue(read(temp.resolve("events.csv")).contains("P1,lab,npu,NPU27300,2023-03-12,61.5,mmol/mol,"));
    assertFalse(Files.exists(temp.resolve("municipalities.csv")));
  }

  private static List<String> read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  @Test
  void write_awkwardValues_readBackEqual() throws IOException {
    Organisation organisation = Organisation.builder()
        .region(new Region("1084", "Region \"Hovedstaden\""))
        .municipality(new Municipality("101", "København", "1084"))
        .cluster(new Cluster("K1", "Nord, Øst", Optional.of("101")))
        .clinic(new Clinic("C1", "Line one\nline two", "000123"))
        .practitioner(new Practitioner("GP1", "Anne Æbelø", "C1"))
        .clinicInCluster("C1", "K1", DateRange.of(LocalDate.of(2018, 1, 1), LocalDate.of(2030, 12, 31)))
        .clusterInRegion("K1", "1084", DateRange.startingAt(LocalDate.of(2018, 1, 1)))
        .build();
    ExtractBuilder builder = ExtractBuilder.create(organisation).asOf("flp", LocalDate.of(2024, 12, 31));
    RowLocation at = RowLocation.of("test", 1);
    builder.patient("p,1", Sex.FEMALE, LocalDate.of(1880, 1, 1), Optional.of(LocalDate.of(2199, 12, 31)), at);
    builder.listing("p,1", "C1", LocalDate.of(1900, 2, 28), Optional.empty(), at);
    builder.event("p,1", EventType.LAB, CodeSystem.NPU, "NPU27300", LocalDate.of(2024, 2, 29), 0.1 + 0.2,
        "mmol/mol", 0.1, at);
    builder.event("p,1", EventType.LAB, CodeSystem.LOINC, "4548-4", LocalDate.of(2024, 2, 29), -1.25e-7, "%", 0, at);
    builder.event("p,1", EventType.PRESCRIPTION, CodeSystem.ATC, "J01CA08", LocalDate.of(2024, 3, 1), 1e300, "",
        123456.7, at);
    builder.event("p,1", EventType.ANSWER, CodeSystem.QUESTIONNAIRE, "who5/\"1\"", LocalDate.of(2024, 3, 1),
        -40, "mm Hg", 3e7, at);
    Extract original = builder.build();

    CsvExtractWriter.write(original, temp);
    Extract copy = CsvExtractReader.strict().read(temp);

    assertEquals(ExtractDump.of(original), ExtractDump.of(copy));
  }

  @Test
  void number_wholeAndFractional_writesShortestText() {
    assertEquals("48", CsvExtractWriter.number(48.0));
    assertEquals("-3", CsvExtractWriter.number(-3.0));
    assertEquals("61.5", CsvExtractWriter.number(61.5));
    assertEquals("1.0E300", CsvExtractWriter.number(1e300));
    assertEquals("", CsvExtractWriter.number(Double.NaN));
    assertEquals("0.1", CsvExtractWriter.number(0.1));
    assertEquals("16777217", CsvExtractWriter.number(16_777_217));
  }
}
