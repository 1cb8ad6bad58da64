package org.klynge.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.klynge.core.data.Outcome;
import org.klynge.core.data.PatientData;
import org.klynge.core.data.RowLocation;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.format.DefinitionLoader;
import org.klynge.core.format.Syntax;
import org.klynge.core.model.Clinic;
import org.klynge.core.model.Cluster;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.DateRange;
import org.klynge.core.model.EventType;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Region;
import org.klynge.core.model.Sex;

/** Quantities, values and units keep what the file says (issue 14, item 6). */
class ExactNumbersTest {

  private static final LocalDate FROM = LocalDate.of(2000, 1, 1);
  private static final Organisation ORGANISATION = Organisation.builder()
      .region(new Region("r1", "Region"))
      .cluster(Cluster.of("k1", "Cluster"))
      .clinic(new Clinic("c1", "Clinic 1", "1001"))
      .clinicInCluster("c1", "k1", DateRange.startingAt(FROM))
      .clusterInRegion("k1", "r1", DateRange.startingAt(FROM))
      .build();

  @TempDir Path folder;

  private Path extract(String events) throws IOException {
    CsvExtractWriter.writeOrganisation(ORGANISATION, folder);
    Files.writeString(folder.resolve("patients.csv"), "patient_id,sex,birth_date\np1,F,1950-01-01\n",
        StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("listings.csv"), "patient_id,clinic_id,valid_from\np1,c1,2000-01-01\n",
        StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("events.csv"), "patient_id,type,system,code,date,value,unit,quantity\n" + events,
        StandardCharsets.UTF_8);
    return folder;
  }

  @Test
  void csvRoundTrip_quantitiesAndValuesBeyondFloat_keptExactly(@TempDir Path copy) throws IOException {
    Extract read = CsvExtractReader.strict().read(extract("""
        p1,prescription,atc,J01CA08,2024-03-01,0.1,,16777217
        p1,lab,npu,NPU27300,2024-03-02,16777217,mmol/mol,0.1
        """));
    PatientData data = read.patients();
    assertEquals(16_777_217.0, data.eventQuantity(0));
    assertEquals(0.1, data.eventValue(0));
    assertEquals(16_777_217.0, data.eventValue(1));
    assertEquals(0.1, data.eventQuantity(1));

    CsvExtractWriter.write(read, copy);
    List<String> lines = Files.readAllLines(copy.resolve("events.csv"), StandardCharsets.UTF_8);
    assertEquals("p1,prescription,atc,J01CA08,2024-03-01,0.1,,16777217", lines.get(1));
    assertEquals("p1,lab,npu,NPU27300,2024-03-02,16777217,mmol/mol,0.1", lines.get(2));
    assertEquals(ExtractDump.of(read), ExtractDump.of(CsvExtractReader.strict().read(copy)));
  }

  @Test
  void read_rowsDifferingOnlyIn16777216And16777217_areNotDuplicates() throws IOException {
    Extract read = CsvExtractReader.create().read(extract("""
        p1,prescription,atc,J01CA08,2024-03-01,,,16777216
        p1,prescription,atc,J01CA08,2024-03-01,,,16777217
        p1,lab,npu,NPU27300,2024-03-02,16777216,,
        p1,lab,npu,NPU27300,2024-03-02,16777217,,
        """));
    assertEquals(4, read.patients().eventCount(), read.reconciliation().summary());
    assertEquals(0, read.reconciliation().total(Outcome.EXCLUDED), read.reconciliation().summary());
  }

  @Test
  void evaluate_valuesBeyondFloat_compareExactly() throws IOException {
    var defs = DefinitionLoader.loadTexts(List.of(new DefinitionLoader.Source("exact.yaml", """
        schemaVersion: 1
        valueSets:
          - {id: hba1c, include: {npu: [NPU27300]}}
          - {id: abx, include: {atc: [J01]}}
        indicators:
          - id: above
            version: "1"
            title: above 16777216
            scoring: {type: proportion}
            populations:
              initial: {type: listed}
              numerator: {type: value, event: lab, valueSet: hba1c, comparator: ">", threshold: 16777216}
          - id: tenth
            version: "1"
            title: exactly 0.1
            scoring: {type: proportion}
            populations:
              initial: {type: listed}
              numerator: {type: value, event: prescription, valueSet: abx, comparator: "==", threshold: 0.1}
        """, Syntax.YAML))).orThrow();
    Extract read = CsvExtractReader.strict().read(extract("""
        p1,prescription,atc,J01CA08,2024-03-01,0.1,,
        p1,lab,npu,NPU27300,2024-03-02,16777217,,
        """));
    var results = Evaluator.compileAll(defs).evaluate(read, EvaluationOptions.of(MeasurementPeriod.year(2024)));
    assertEquals(1, results.nation("above", MeasurementPeriod.year(2024)).orElseThrow().counts().numerator());
    assertEquals(1, results.nation("tenth", MeasurementPeriod.year(2024)).orElseThrow().counts().numerator());
  }

  @Test
  void build_70000DistinctUnits_eachEventKeepsItsUnit() {
    ExtractBuilder builder = ExtractBuilder.create(ORGANISATION);
    RowLocation at = RowLocation.of("events.csv", 2);
    builder.patient("p1", Sex.FEMALE, LocalDate.of(1950, 1, 1), Optional.empty(), at);
    int n = 70_000;
    for (int i = 0; i < n; i++) {
      builder.event("p1", EventType.LAB, CodeSystem.NPU, "NPU27300", LocalDate.of(2024, 1, 1).plusDays(i % 300),
          i, "u" + i, Double.NaN, RowLocation.of("events.csv", i + 2));
    }
    PatientData data = builder.build().patients();
    assertEquals(n, data.units().size());
    assertEquals(n, data.eventCount());
    for (int e = 0; e < n; e++) {
      int unit = data.eventUnit(e);
      assertEquals("u" + (long) data.eventValue(e), data.units().get(unit), "event " + e);
    }
  }

  @Test
  void evaluate_unitAfter65536OtherUnits_convertsWithItsOwnUnit() {
    var defs = DefinitionLoader.loadTexts(List.of(new DefinitionLoader.Source("units.yaml", """
        schemaVersion: 1
        valueSets:
          - {id: hba1c, include: {npu: [NPU27300]}}
        indicators:
          - id: high
            version: "1"
            title: HbA1c above 58
            scoring: {type: proportion}
            populations:
              initial: {type: listed}
              numerator: {type: value, event: lab, valueSet: hba1c, comparator: ">", threshold: 58, unit: mmol/mol}
        """, Syntax.YAML))).orThrow();
    ExtractBuilder builder = ExtractBuilder.create(ORGANISATION);
    RowLocation at = RowLocation.of("memory", 1);
    builder.patient("p0", Sex.FEMALE, LocalDate.of(1950, 1, 1), Optional.empty(), at);
    builder.listing("p0", "c1", FROM, Optional.empty(), at);
    builder.patient("p1", Sex.FEMALE, LocalDate.of(1950, 1, 1), Optional.empty(), at);
    builder.listing("p1", "c1", FROM, Optional.empty(), at);
    for (int i = 0; i < 65_537; i++) {
      builder.event("p0", EventType.LAB, CodeSystem.NPU, "NPU00000", LocalDate.of(2020, 1, 1), i, "u" + i,
          Double.NaN, at);
    }
    // 53 mmol/mol is not above 58; 53 % would be
    builder.event("p1", EventType.LAB, CodeSystem.NPU, "NPU27300", LocalDate.of(2024, 5, 1), 53, "mmol/mol",
        Double.NaN, at);
    builder.event("p1", EventType.LAB, CodeSystem.NPU, "NPU27300", LocalDate.of(2024, 4, 1), 9, "%",
        Double.NaN, at);
    var results = Evaluator.compileAll(defs).evaluate(builder.build(),
        EvaluationOptions.of(MeasurementPeriod.year(2024)));
    var nation = results.nation("high", MeasurementPeriod.year(2024)).orElseThrow();
    assertEquals(2, nation.counts().denominator());
    assertEquals(0, nation.counts().numerator(), "the latest value, 53 mmol/mol, decides");
  }
}
