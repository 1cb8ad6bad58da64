package org.klynge.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.klynge.core.data.ExtractBuilder;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.format.DefinitionLoader;
import org.klynge.core.format.Syntax;
import org.klynge.core.model.Clinic;
import org.klynge.core.model.Cluster;
import org.klynge.core.model.Code;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.DateRange;
import org.klynge.core.model.Diagnosis;
import org.klynge.core.model.LabMeasurement;
import org.klynge.core.model.Listing;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Patient;
import org.klynge.core.model.Region;
import org.klynge.core.model.Sex;
import org.klynge.core.result.Level;

class EvaluatorTest {

  static final String DEFS = """
      schemaVersion: 1
      valueSets:
        - {id: t2d, include: {icpc2: [T90]}}
        - {id: hba1c, include: {npu: [NPU27300]}}
      populations:
        - id: diabetics
          criterion: {type: and, all: [{type: listed}, {type: age, min: 18}, {type: hasEvent, event: diagnosis, valueSet: t2d, window: {from: ever, to: period.end}}]}
      indicators:
        - id: measured
          version: "1"
          title: HbA1c measured
          scoring: {type: proportion}
          populations:
            initial: {type: population, id: diabetics}
            numerator: {type: hasEvent, event: lab, valueSet: hba1c}
        - id: high
          version: "1"
          title: HbA1c above 58
          scoring: {type: proportion}
          populations:
            initial: {type: population, id: diabetics}
            denominator: {type: hasEvent, event: lab, valueSet: hba1c}
            numerator: {type: value, event: lab, valueSet: hba1c, comparator: ">", threshold: 58, unit: mmol/mol}
      """;

  @Test
  void evaluate_smallExtract_countsAndRollsUp() {
    var defs = DefinitionLoader.loadTexts(List.of(new DefinitionLoader.Source("t.yaml", DEFS, Syntax.YAML))).orThrow();
    var from = LocalDate.of(2000, 1, 1);
    Organisation org = Organisation.builder()
        .region(new Region("r1", "Region"))
        .cluster(Cluster.of("k1", "Cluster"))
        .clinic(new Clinic("c1", "Clinic 1", "1001"))
        .clinic(new Clinic("c2", "Clinic 2", "1002"))
        .clinicInCluster("c1", "k1", DateRange.startingAt(from))
        .clinicInCluster("c2", "k1", DateRange.startingAt(from))
        .clusterInRegion("k1", "r1", DateRange.startingAt(from))
        .build();
    var b = ExtractBuilder.create(org);
    for (int i = 0; i < 4; i++) {
      String id = "p" + i;
      b.patient(Patient.of(id, Sex.FEMALE, LocalDate.of(1950, 1, 1)));
      b.listing(new Listing(id, i < 2 ? "c1" : "c2", DateRange.startingAt(from)));
      b.event(new Diagnosis(id, LocalDate.of(2010, 1, 1), new Code(CodeSystem.ICPC2, "T90")));
    }
    b.event(LabMeasurement.of("p0", LocalDate.of(2024, 3, 1), new Code(CodeSystem.NPU, "NPU27300"), 60, "mmol/mol"));
    b.event(LabMeasurement.of("p2", LocalDate.of(2024, 3, 1), new Code(CodeSystem.NPU, "NPU27300"), 7.0, "%"));
    b.event(LabMeasurement.of("p3", LocalDate.of(2023, 3, 1), new Code(CodeSystem.NPU, "NPU27300"), 70, "mmol/mol"));
    var extract = b.build();
    var results = Evaluator.compileAll(defs).evaluate(extract, EvaluationOptions.of(MeasurementPeriod.year(2024)));
    var nation = results.nation("measured", MeasurementPeriod.year(2024)).orElseThrow();
    assertEquals(4, nation.counts().denominator());
    assertEquals(2, nation.counts().numerator());
    assertEquals(50.0, nation.value().getAsDouble(), 1e-9);
    var high = results.row("high", Level.CLINIC, "c2", MeasurementPeriod.year(2024)).orElseThrow();
    assertEquals(1, high.counts().denominator());
    assertEquals(0, high.counts().numerator(), "7.0 % is 52.5 mmol/mol, not above 58");
    assertTrue(results.row("measured", Level.REST_OF_CLUSTER, "c1", MeasurementPeriod.year(2024)).isPresent());
  }

  @Test
  void evaluate_eventsFromTwoSources_reconcilesEachSourceSeparately() {
    var defs = DefinitionLoader.loadTexts(List.of(new DefinitionLoader.Source("t.yaml", DEFS, Syntax.YAML))).orThrow();
    var from = LocalDate.of(2000, 1, 1);
    var b = ExtractBuilder.create(org.klynge.core.data.TestOrganisation.ONE_CLINIC);
    b.patient(Patient.of("p1", Sex.FEMALE, LocalDate.of(1950, 1, 1)));
    b.listing(new Listing("p1", "c1", DateRange.startingAt(from)));
    var lab = org.klynge.core.model.EventType.LAB;
    var where = org.klynge.core.data.RowLocation.of("lab.csv", 2);
    b.event("p1", lab, CodeSystem.NPU, "NPU27300", LocalDate.of(2024, 3, 1), 50, "mmol/mol", Double.NaN, where);
    b.event("p1", lab, CodeSystem.NPU, "NPU27300", LocalDate.of(2019, 3, 1), 50, "mmol/mol", Double.NaN,
        org.klynge.core.data.RowLocation.of("lab.csv", 3));
    b.event("p1", org.klynge.core.model.EventType.DIAGNOSIS, CodeSystem.ICPC2, "T90", LocalDate.of(2010, 1, 1),
        Double.NaN, "", Double.NaN, org.klynge.core.data.RowLocation.of("diagnoses.csv", 2));
    b.event("p1", org.klynge.core.model.EventType.DIAGNOSIS, CodeSystem.ICPC2, "K86", LocalDate.of(2010, 1, 1),
        Double.NaN, "", Double.NaN, org.klynge.core.data.RowLocation.of("diagnoses.csv", 3));
    var results = Evaluator.compileAll(defs).evaluate(b.build(), EvaluationOptions.of(MeasurementPeriod.year(2024)));
    var r = results.reconciliation();
    var used = org.klynge.core.data.Outcome.USED;
    var excluded = org.klynge.core.data.Outcome.EXCLUDED;
    assertEquals(1, r.count("lab.csv", used), r.summary());
    assertEquals(1, r.count("lab.csv", excluded), "the 2019 HbA1c is outside every window");
    assertEquals(1, r.count("diagnoses.csv", used), r.summary());
    assertEquals(1, r.count("diagnoses.csv", excluded), "K86 is in no value set");
  }

  @Test
  void ofPackage_compilesThePackagesIndicatorsFromACheckedEvaluator() {
    String withPackage = DEFS + """
        packages:
          - id: follow-up
            version: "1"
            title: Follow-up
            questions:
              clinicalProblem: Some diabetics are poorly regulated.
              howDataIlluminates: Lab results show the latest HbA1c; fully.
              whatTheGpCanDo: Adjust treatment.
            indicators: [high@1]
            period: {start: 2024-01-01, end: 2024-12-31}
        """;
    var defs = DefinitionLoader.loadTexts(List.of(new DefinitionLoader.Source("t.yaml", withPackage, Syntax.YAML)))
        .orThrow();
    Evaluator everything = Evaluator.compileAll(defs);
    Evaluator pkg = everything.ofPackage("follow-up");
    assertEquals(List.of("high"), pkg.indicators().stream().map(i -> i.id()).toList());
    assertEquals(Evaluator.forPackage(defs, "follow-up").indicators(), pkg.indicators());
    var unknown = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> everything.ofPackage("diabetes"));
    assertEquals("no package 'diabetes'; defined: [follow-up]", unknown.getMessage());
  }

  @Test
  void evaluate_moreLookUpsThanMaskBits_findsEventsOfEveryLookUp() {
    int lookUps = 70; // look-ups beyond the 64 bits of a patient's code mask are always scanned
    StringBuilder yaml = new StringBuilder("schemaVersion: 1\nvalueSets:\n");
    for (int i = 0; i < lookUps; i++) {
      yaml.append("  - {id: vs").append(i).append(", include: {icpc2: [X").append(100 + i).append("]}}\n");
    }
    yaml.append("indicators:\n");
    for (int i = 0; i < lookUps; i++) {
      yaml.append("  - {id: has").append(i).append(", version: '1', title: Has X").append(100 + i)
          .append(", scoring: {type: proportion}, populations: {initial: {type: listed}, numerator: ")
          .append("{type: hasEvent, event: diagnosis, valueSet: vs").append(i).append("}}}\n");
    }
    var defs = DefinitionLoader.loadTexts(List.of(new DefinitionLoader.Source("t.yaml", yaml.toString(), Syntax.YAML)))
        .orThrow();
    var from = LocalDate.of(2000, 1, 1);
    var b = ExtractBuilder.create(org.klynge.core.data.TestOrganisation.ONE_CLINIC);
    for (int p = 0; p < 100; p++) { // two blocks of patients; patient p has the codes of look-ups p % 7, p % 7 + 7...
      String id = "p" + p;
      b.patient(Patient.of(id, Sex.FEMALE, LocalDate.of(1950, 1, 1)));
      b.listing(new Listing(id, "c1", DateRange.startingAt(from)));
      for (int i = p % 7; i < lookUps; i += 7) {
        b.event(new Diagnosis(id, LocalDate.of(2024, 5, 1), new Code(CodeSystem.ICPC2, "X" + (100 + i))));
      }
    }
    var results = Evaluator.compileAll(defs).evaluate(b.build(), EvaluationOptions.of(MeasurementPeriod.year(2024)));
    for (int i = 0; i < lookUps; i++) {
      int residue = i % 7;
      long expected = java.util.stream.IntStream.range(0, 100).filter(p -> p % 7 == residue).count();
      var nation = results.nation("has" + i, MeasurementPeriod.year(2024)).orElseThrow();
      assertEquals(100, nation.counts().denominator());
      assertEquals(expected, nation.counts().numerator(), "has" + i);
    }
  }
}
