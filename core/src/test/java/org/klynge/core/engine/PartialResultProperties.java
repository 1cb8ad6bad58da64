package org.klynge.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.klynge.core.data.Extract;
import org.klynge.core.data.ExtractBuilder;
import org.klynge.core.model.Patient;
import org.klynge.core.result.ResultTable;

/** Parts of an extract, evaluated apart and merged, give what the whole extract gives. */
class PartialResultProperties {

  @Property(tries = 150)
  void partsMergedInAnyOrder_giveTheWholeExtractsResults(@ForAll long seed, @ForAll @IntRange(min = 1, max = 7) int k)
      throws IOException, ClassNotFoundException {
    Scenario s = Scenario.generate(seed);
    Evaluator evaluator = Evaluator.compileAll(s.definitions());
    EvaluationOptions options = EvaluationOptions.of(s.periods().get(0), org.klynge.core.definition.Granularity.WHOLE)
        .withPeriods(s.periods());
    ResultTable whole = evaluator.evaluate(s.extract(), options);

    Random random = new Random(seed);
    List<List<Patient>> parts = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      parts.add(new ArrayList<>());
    }
    s.patients().forEach(p -> parts.get(random.nextInt(k)).add(p));
    List<PartialResult> partials = new ArrayList<>();
    for (List<Patient> part : parts) {
      partials.add(roundTrip(evaluator.evaluatePart(extractOf(s, part), options)));
    }
    Collections.shuffle(partials, random);
    PartialResult merged = partials.stream().reduce(PartialResult::plus).orElseThrow();
    ResultTable finished = evaluator.finish(merged, s.organisation());

    assertEquals(whole.rows(), finished.rows(), "seed " + seed + ", " + k + " parts");
    assertEquals(whole.provenance(), finished.provenance());
    assertEquals(whole.reconciliation().counts(), finished.reconciliation().counts());
    assertEquals(whole.reconciliation().exactDuplicates(), finished.reconciliation().exactDuplicates());
  }

  @Property(tries = 20)
  void partsOfOtherEvaluations_doNotMerge(@ForAll long seed) {
    Scenario s = Scenario.generate(seed);
    Evaluator evaluator = Evaluator.compileAll(s.definitions());
    var year = EvaluationOptions.of(org.klynge.core.definition.MeasurementPeriod.year(2024));
    var otherYear = EvaluationOptions.of(org.klynge.core.definition.MeasurementPeriod.year(2023));
    PartialResult a = evaluator.evaluatePart(s.extract(), year);
    PartialResult b = evaluator.evaluatePart(s.extract(), otherYear);
    assertThrows(IllegalArgumentException.class, () -> a.plus(b));
  }

  /** The part of the scenario's extract with these patients, their listings and events, and the whole organisation. */
  private static Extract extractOf(Scenario s, List<Patient> patients) {
    Set<String> ids = patients.stream().map(Patient::id).collect(Collectors.toSet());
    ExtractBuilder b = ExtractBuilder.create(s.organisation(), s.definitions().declaredSystems());
    patients.forEach(b::patient);
    s.listings().stream().filter(l -> ids.contains(l.patientId())).forEach(b::listing);
    s.events().stream().filter(e -> ids.contains(e.event().patientId())).forEach(e -> b.event(e.event(), e.attributes()));
    return b.build();
  }

  private static PartialResult roundTrip(PartialResult partial) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(partial);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (PartialResult) in.readObject();
    }
  }
}
