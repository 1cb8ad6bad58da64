package org.klynge.report.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.FollowUp;
import org.klynge.core.definition.Granularity;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.KeyQuestions;
import org.klynge.core.definition.Listed;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.definition.Populations;
import org.klynge.core.definition.Proportion;
import org.klynge.core.definition.Rate;
import org.klynge.core.definition.Window;
import org.klynge.core.disclosure.Status;
import org.klynge.core.model.EventType;

class PackageViewsTest {

  private static final MeasurementPeriod YEAR = MeasurementPeriod.year(2024);

  private static Indicator proportion() {
    return Indicator.builder().id("p").version("1").title("P").scoring(new Proportion())
        .populations(Populations.of(Listed.atReferenceDate(), Listed.atReferenceDate())).build();
  }

  private static ClusterPackage pkg(Granularity g, Optional<FollowUp> followUp) {
    return new ClusterPackage("x", "1", "X", "", new KeyQuestions("a", "b", "c"), ImmutableList.of(proportion()),
        YEAR, g, ImmutableList.of(LocalDate.of(2024, 4, 16)), followUp, Optional.empty(), ImmutableSortedMap.of());
  }

  @Test
  void seriesGranularity_followsThePackage_andChartsAYearlyShareAsRolling12() {
    Indicator p = proportion();
    assertEquals(Granularity.MONTH, PackageViews.seriesGranularity(pkg(Granularity.MONTH, Optional.empty()), p));
    assertEquals(Granularity.QUARTER, PackageViews.seriesGranularity(pkg(Granularity.QUARTER, Optional.empty()), p));
    assertEquals(Granularity.ROLLING12, PackageViews.seriesGranularity(pkg(Granularity.YEAR, Optional.empty()), p));
    assertEquals(Granularity.ROLLING12, PackageViews.seriesGranularity(pkg(Granularity.WHOLE, Optional.empty()), p));
  }

  @Test
  void seriesGranularity_yearlyRate_takesTheFollowUpsOrMonths() {
    Indicator rate = Indicator.builder().id("r").version("1").title("R")
        .scoring(new Rate(EventType.PRESCRIPTION, "vs", Window.PERIOD, 1000, Rate.Base.PERSONS))
        .populations(Populations.of(Listed.atReferenceDate(), Listed.atReferenceDate())).build();
    assertEquals(Granularity.QUARTER, PackageViews.seriesGranularity(
        pkg(Granularity.YEAR, Optional.of(new FollowUp(6, Granularity.QUARTER))), rate));
    assertEquals(Granularity.MONTH, PackageViews.seriesGranularity(
        pkg(Granularity.YEAR, Optional.of(new FollowUp(12, Granularity.YEAR))), rate));
  }

  @Test
  void periods_yearlyPackage_isTheYearAndTheRollingYears_eachOnce() {
    ClusterPackage yearly = pkg(Granularity.YEAR, Optional.empty());
    List<MeasurementPeriod> periods = PackageViews.periods(yearly, List.of(proportion()));
    // the rolling year ending in December is the calendar year, listed once
    assertEquals(12, periods.size());
    assertEquals(YEAR, periods.get(0));
    assertEquals(new MeasurementPeriod(LocalDate.of(2023, 2, 1), LocalDate.of(2024, 1, 31)), periods.get(1));
    assertEquals(new MeasurementPeriod(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 11, 30)), periods.get(11));
  }

  @Test
  void series_allZero_onlyWhenEveryValueIsZero() {
    MeasurementPeriod jan = MeasurementPeriod.month(YearMonth.of(2024, 1));
    MeasurementPeriod feb = MeasurementPeriod.month(YearMonth.of(2024, 2));
    ChartPoint zero = new ChartPoint(jan, OptionalDouble.of(0), Status.SHOWN, OptionalLong.of(0), OptionalLong.of(9));
    ChartPoint hidden = new ChartPoint(feb, OptionalDouble.empty(), Status.SUPPRESSED, OptionalLong.empty(),
        OptionalLong.empty());
    ChartPoint some = new ChartPoint(feb, OptionalDouble.of(12.5), Status.SHOWN, OptionalLong.of(1), OptionalLong.of(8));
    assertTrue(new Series(Unit.OWN_CLINIC, List.of(zero, hidden)).allZero());
    assertFalse(new Series(Unit.OWN_CLINIC, List.of(zero, some)).allZero());
    assertFalse(new Series(Unit.OWN_CLINIC, List.of(hidden)).allZero(), "nothing shown is not all zero");
  }
}
