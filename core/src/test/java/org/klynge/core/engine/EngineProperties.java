package org.klynge.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.klynge.core.data.Outcome;
import org.klynge.core.definition.Proportion;
import org.klynge.core.result.Level;
import org.klynge.core.result.PopulationCounts;
import org.klynge.core.result.ResultRow;
import org.klynge.core.result.ResultTable;

/** The engine's invariants on random worlds (see {@link Scenario}). */
class EngineProperties {

  private static ResultTable evaluate(Scenario s, int threads, int partitions) {
    return Evaluator.compile(s.definitions(), s.definitions().indicators())
        .evaluate(s.extract(), new EvaluationOptions(com.google.common.collect.ImmutableList.copyOf(s.periods()),
            threads, partitions));
  }

  @Property(tries = 300)
  void engine_agreesWithReferenceInterpreter(@ForAll long seed) {
    Scenario s = Scenario.generate(seed);
    ResultTable engine = evaluate(s, 1, 0);
    var reference = new ReferenceInterpreter(s.definitions(), s.organisation(), s.patients(), s.listings(), s.events())
        .evaluate(s.definitions().indicators(), s.periods());
    Map<ReferenceInterpreter.Key, ResultRow> byKey = engine.rows().stream().collect(Collectors.toMap(
        r -> new ReferenceInterpreter.Key(r.indicatorId(), r.period(), r.level(), r.unitId()), Function.identity()));
    reference.forEach((key, cell) -> {
      ResultRow row = byKey.get(key);
      if (cell.counts().equals(PopulationCounts.ZERO) && row == null) {
        return;
      }
      assertTrue(row != null, "engine has no row for " + key + " (seed " + seed + ")");
      assertEquals(cell.counts(), row.counts(), "counts for " + key + " (seed " + seed + ")");
      assertEquals(cell.value().isPresent(), row.value().isPresent(), "value presence for " + key);
      assertEquals(cell.dataIncomplete(), row.dataIncomplete(), "data incomplete for " + key + " (seed " + seed + ")");
      if (cell.value().isPresent()) {
        assertEquals(cell.value().getAsDouble(), row.value().getAsDouble(), 1e-9, "value for " + key);
      }
    });
    for (ResultRow row : engine.rows()) {
      var key = new ReferenceInterpreter.Key(row.indicatorId(), row.period(), row.level(), row.unitId());
      if (!row.counts().equals(PopulationCounts.ZERO)) {
        assertTrue(reference.containsKey(key), "reference has no cell for engine row " + row + " (seed " + seed + ")");
      }
    }
  }

  @Property(tries = 150)
  void evaluate_sameResultsWhateverThreadsAndPartitions(@ForAll long seed) {
    Scenario s = Scenario.generate(seed);
    ResultTable one = evaluate(s, 1, 1);
    ResultTable many = evaluate(s, 3, 7);
    assertEquals(one.rows(), many.rows());
    assertEquals(one.reconciliation(), many.reconciliation());
  }

  @Property(tries = 200)
  void evaluate_populationsNest(@ForAll long seed) {
    Scenario s = Scenario.generate(seed);
    for (ResultRow row : evaluate(s, 1, 0).rows()) {
      PopulationCounts c = row.counts();
      assertTrue(c.denominator() <= c.initialPopulation(), row::toString);
      assertTrue(c.denominatorExclusions() + c.denominatorExceptions() <= c.denominator(), row::toString);
      assertTrue(c.numeratorExclusions() <= c.numerator(), row::toString);
      boolean proportion = s.definitions().indicators().stream()
          .anyMatch(i -> i.id().equals(row.indicatorId()) && i.scoring() instanceof Proportion);
      if (proportion) {
        assertTrue(c.numerator() <= c.denominator() - c.denominatorExclusions(), row::toString);
        assertTrue(c.effectiveNumerator() <= c.effectiveDenominator(), row::toString);
      }
    }
  }

  @Property(tries = 200)
  void evaluate_clinicsSumToClustersRegionsAndNation(@ForAll long seed) {
    Scenario s = Scenario.generate(seed);
    ResultTable table = evaluate(s, 1, 0);
    Map<String, PopulationCounts> sums = new HashMap<>();
    for (ResultRow row : table.rows()) {
      String prefix = row.indicatorId() + "|" + row.period() + "|";
      switch (row.level()) {
        case CLINIC -> sums.merge(prefix + "CLUSTER|" + row.parentId(), row.counts(), PopulationCounts::plus);
        case CLUSTER -> sums.merge(prefix + "REGION|" + row.parentId(), row.counts(), PopulationCounts::plus);
        case REGION -> sums.merge(prefix + "NATION|DK", row.counts(), PopulationCounts::plus);
        default -> { }
      }
    }
    for (ResultRow row : table.rows()) {
      if (row.level() == Level.CLUSTER || row.level() == Level.REGION || row.level() == Level.NATION) {
        String key = row.indicatorId() + "|" + row.period() + "|" + row.level() + "|" + row.unitId();
        assertEquals(sums.getOrDefault(key, PopulationCounts.ZERO), row.counts(), key);
      }
      if (row.level() == Level.REST_OF_CLUSTER) {
        var cluster = table.row(row.indicatorId(), Level.CLUSTER, row.parentId(), row.period()).orElseThrow();
        var clinic = table.row(row.indicatorId(), Level.CLINIC, row.unitId(), row.period()).orElseThrow();
        assertEquals(cluster.counts(), row.counts().plus(clinic.counts()));
      }
    }
  }

  @Property(tries = 150)
  void evaluate_everyInputRowIsAccountedFor(@ForAll long seed) {
    Scenario s = Scenario.generate(seed);
    var r = evaluate(s, 1, 0).reconciliation();
    long rows = s.patients().size() + s.listings().size() + s.events().size();
    long accounted = r.total(Outcome.USED) + r.total(Outcome.EXCLUDED) + r.total(Outcome.REJECTED);
    assertEquals(rows, accounted);
    for (String source : r.counts().keySet()) {
      assertEquals(r.read(source),
          r.count(source, Outcome.USED) + r.count(source, Outcome.EXCLUDED) + r.count(source, Outcome.REJECTED));
    }
  }
}
