package org.klynge.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.klynge.core.data.ExtractBuilder;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.format.DefinitionLoader;
import org.klynge.core.format.Syntax;
import org.klynge.core.model.Clinic;
import org.klynge.core.model.DateRange;
import org.klynge.core.model.Listing;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Patient;
import org.klynge.core.model.Sex;

/**
 * Thousands of indicators cost time in proportion to their number: 3,000 trivial indicators over
 * 300 patients once took 91 s and 3 GB, because Hibernate Validator checked the whole set in one
 * validation, comparing every equal criterion with all the others (now a few seconds).
 */
class ManyIndicatorsTest {

  @Test
  void loadCompileEvaluate_threeThousandIndicators_inSeconds() {
    int n = 3_000;
    StringBuilder text = new StringBuilder("schemaVersion: 1\nindicators:\n");
    for (int i = 0; i < n; i++) {
      text.append("  - id: i").append(i).append("\n    version: 1.0.0\n    title: t\n    scoring: {type: proportion}\n")
          .append("    populations:\n      initial: {type: listed}\n      numerator: {type: age, min: ").append(i % 90)
          .append("}\n    direction: higher\n    unit: \"%\"\n");
    }
    var organisation = Organisation.builder().clinic(new Clinic("c1", "Clinic", "1")).build();
    ExtractBuilder builder = ExtractBuilder.create(organisation);
    for (int p = 0; p < 300; p++) {
      builder.patient(Patient.of("p" + p, Sex.FEMALE, LocalDate.of(1930 + p % 90, 3, 1)))
          .listing(new Listing("p" + p, "c1", DateRange.startingAt(LocalDate.of(2010, 1, 1))));
    }
    var extract = builder.build();
    var results = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      DefinitionSet definitions = DefinitionLoader.loadTexts(
          List.of(new DefinitionLoader.Source("many.yaml", text.toString(), Syntax.YAML))).orThrow();
      return Evaluator.compileAll(definitions).evaluate(extract, EvaluationOptions.of(MeasurementPeriod.year(2024)));
    });
    assertEquals(n, results.rows().stream().map(r -> r.indicatorId()).distinct().count());
  }
}
