package org.klynge.examples.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.klynge.core.data.Extract;
import org.klynge.core.definition.DataSource;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.result.Level;
import org.klynge.core.result.ResultRow;
import org.klynge.core.result.ResultTable;
import org.klynge.core.result.UnitIds;
import org.klynge.indicators.Catalogue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue over the synthetic nation at the demo's scale: the clinic without care-plan data
 * is marked data incomplete, and the DDD rate sums every UTI redemption's doses.
 */
class SyntheticNationIndicatorsTest {
  private static final MeasurementPeriod YEAR = MeasurementPeriod.year(2024);
  private static final List<String> IDS = List.of("dvdd-1f-hba1c-measured", "diabetes-hba1c-above-58",
      "diabetes-statin-redeemed", "uti-antibiotics-per-1000-women", "uti-antibiotics-ddd-per-1000-women-per-day");

  private static ResultTable results;
  private static List<Indicator> indicators;

  @BeforeAll
  static void evaluate() {
    Extract extract = SyntheticNation.generate(new SyntheticNation.Settings(0.1, 42, 2024));
    indicators = IDS.stream().map(id -> Catalogue.indicator(id).orElseThrow()).toList();
    results = Evaluator.compile(Catalogue.definitions(), indicators).evaluate(extract, EvaluationOptions.of(YEAR));
  }

  @Test
  void clinicWithoutCarePlans_isTheOnlyClinicMarked_andOnlyForTheIndicatorsThatRequireThem() {
    List<ResultRow> marked = results.incompleteRows().toList();
    assertEquals(List.of("dvdd-1f-hba1c-measured", "diabetes-hba1c-above-58"),
        marked.stream().map(ResultRow::indicatorId).toList(), marked::toString);
    assertTrue(marked.stream().allMatch(r -> r.level() == Level.CLINIC
        && r.unitId().equals(SyntheticCodes.NO_CARE_PLANS_CLINIC)), marked::toString);
    ResultRow measured = marked.get(0);
    assertTrue(measured.counts().effectiveDenominator() > 0, "its diabetics from earlier years are counted");
    assertEquals(0, measured.counts().effectiveNumerator(), "and none has an HbA1c in the year");
    var own = results.completeness(SyntheticCodes.NO_CARE_PLANS_CLINIC, DataSource.CARE_PLANS, YEAR).orElseThrow();
    assertEquals(0, own.withData());
    assertTrue(own.listed() > 300, own::toString);
    String summary = results.completenessSummary(indicators);
    assertTrue(summary.startsWith("data incomplete: clinic " + SyntheticCodes.NO_CARE_PLANS_CLINIC + ", 2024: Care plans"),
        summary);
    // its prescriptions are there: the statin indicator, which requires nothing, is not marked
    assertTrue(results.row("diabetes-statin-redeemed", Level.CLINIC, SyntheticCodes.NO_CARE_PLANS_CLINIC, YEAR)
        .map(r -> !r.dataIncomplete() && r.counts().effectiveNumerator() > 0).orElse(false));
  }

  @Test
  void dddRate_sumsTheDosesOfEveryUtiRedemption_overTheWomensListedDays() {
    ResultRow ddd = results.nation("uti-antibiotics-ddd-per-1000-women-per-day", YEAR).orElseThrow();
    ResultRow count = results.nation("uti-antibiotics-per-1000-women", YEAR).orElseThrow();
    assertEquals(count.counts().events(), ddd.counts().events(), "the same redemptions, summed rather than counted");
    assertEquals(0, ddd.counts().notSummed(), "every synthetic UTI redemption carries its DDD");
    double dddPerRedemption = ddd.counts().sum() / ddd.counts().events();
    assertTrue(dddPerRedemption >= 1.5 && dddPerRedemption <= 12, "1.5 to 6 DDD a package: " + dddPerRedemption);
    assertTrue(ddd.counts().personDays() > 300 * ddd.counts().effectiveDenominator(), "most women listed all year");
    assertEquals(ddd.counts().sum() * 1000 / ddd.counts().personDays(), ddd.value().getAsDouble(), 1e-9);
    assertEquals(UnitIds.NATION, ddd.unitId());
  }
}
