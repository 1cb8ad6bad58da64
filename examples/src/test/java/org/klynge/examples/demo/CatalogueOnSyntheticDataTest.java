package org.klynge.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.klynge.core.data.Outcome;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.result.Level;
import org.klynge.examples.synthetic.SyntheticNation;
import org.klynge.indicators.Catalogue;

/** Every package of the catalogue evaluates on clean synthetic data without rejections, and finds patients. */
class CatalogueOnSyntheticDataTest {

  @Test
  void everyPackage_evaluatesOnSyntheticData_withoutRejectionsAndWithPatients() {
    var extract = SyntheticNation.generate(new SyntheticNation.Settings(0.005, 11, 2024));
    assertEquals(0, extract.reconciliation().total(Outcome.REJECTED), extract.reconciliation().summary());
    var definitions = Catalogue.definitions();
    for (ClusterPackage pkg : definitions.packages()) {
      var table = Evaluator.forPackage(definitions, pkg.id())
          .evaluate(extract, EvaluationOptions.of(pkg.period(), pkg.granularity()).withThreads(2));
      assertEquals(0, table.reconciliation().total(Outcome.REJECTED), pkg.id());
      for (var indicator : definitions.indicatorsOf(pkg)) {
        long initial = table.rowsOf(indicator.id()).filter(r -> r.level() == Level.NATION)
            .mapToLong(r -> r.counts().initialPopulation()).sum();
        assertTrue(initial > 0, pkg.id() + " / " + indicator.id() + " finds no patients in the synthetic data");
      }
    }
  }
}
