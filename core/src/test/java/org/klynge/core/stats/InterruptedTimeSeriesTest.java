package org.klynge.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterruptedTimeSeriesTest {
  private static final LocalDate MEETING = LocalDate.of(2024, 3, 1);

  private static List<SeriesPoint> monthly(double... values) {
    // Values per 1,000 with denominator 1,000,000 so that the numerator carries three decimals.
    List<SeriesPoint> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      out.add(new SeriesPoint(LocalDate.of(2023, 10, 1).plusMonths(i), Math.round(values[i] * 1000), 1_000_000));
    }
    return out;
  }

  @Test
  void segmentedRegression_matchesNumpyLeastSquares() {
    // Worked example in the Javadoc; independently fitted with numpy.linalg.lstsq.
    List<SeriesPoint> s = monthly(10, 11, 12.5, 13, 14.2, 11, 11.4, 11.9, 12.1, 12.8);
    LocalDate change = LocalDate.of(2024, 3, 1);
    var fit = assertInstanceOf(SegmentedRegression.Fitted.class,
        InterruptedTimeSeries.segmentedRegression(s, change, Measure.RATE, 1000, 0.95));
    assertEquals(5, fit.pointsBefore());
    assertEquals(10.06, fit.baselineLevel().estimate(), 1e-9);
    assertEquals(1.04, fit.baselineSlope().estimate(), 1e-9);
    assertEquals(-4.28, fit.levelChange().estimate(), 1e-9);
    assertEquals(-0.61, fit.slopeChange().estimate(), 1e-9);
    assertEquals(0.14798649, fit.baselineLevel().standardError(), 1e-7);
    assertEquals(0.06041523, fit.baselineSlope().standardError(), 1e-7);
    assertEquals(0.24909837, fit.levelChange().standardError(), 1e-7);
    assertEquals(0.08544004, fit.slopeChange().standardError(), 1e-7);
    assertEquals(6, fit.residualDegreesOfFreedom());
    assertEquals(0.19104973, fit.residualStandardError(), 1e-7);
  }

  @Test
  void segmentedRegression_exactLines_recoverStepAndSlope() {
    double[] v = new double[8];
    for (int t = 0; t < 8; t++) {
      v[t] = t < 4 ? 20 + 0.5 * t : 20 + 0.5 * t - 3 + 0.25 * (t - 4);
    }
    var fit = assertInstanceOf(SegmentedRegression.Fitted.class,
        InterruptedTimeSeries.segmentedRegression(monthly(v), LocalDate.of(2024, 2, 1), Measure.RATE, 1000, 0.95));
    assertEquals(-3, fit.levelChange().estimate(), 1e-9);
    assertEquals(0.25, fit.slopeChange().estimate(), 1e-9);
    assertEquals(0, fit.levelChange().standardError(), 1e-6);
  }

  @Test
  void segmentedRegression_twoPointsBefore_isTooShort() {
    List<SeriesPoint> s = monthly(1, 2, 3, 4, 5, 6);
    assertEquals(new SegmentedRegression.TooShort(2, 4, InterruptedTimeSeries.MIN_POINTS_EACH_SIDE),
        InterruptedTimeSeries.segmentedRegression(s, LocalDate.of(2023, 12, 1), Measure.RATE, 1000, 0.95));
  }

  @Test
  void segmentedRegression_zeroDenominatorPeriods_areLeftOut() {
    List<SeriesPoint> s = new ArrayList<>(monthly(1, 2, 3, 4, 5, 6));
    s.set(0, new SeriesPoint(s.get(0).period(), 0, 0));
    assertEquals(new SegmentedRegression.TooShort(2, 3, 3),
        InterruptedTimeSeries.segmentedRegression(s, LocalDate.of(2024, 1, 1), Measure.RATE, 1000, 0.95));
  }

  @Test
  void beforeAfter_rates_matchesWorkedExample() {
    List<SeriesPoint> s = new ArrayList<>();
    s.add(new SeriesPoint(LocalDate.of(2024, 1, 1), 45, 4000));
    s.add(new SeriesPoint(LocalDate.of(2024, 2, 1), 45, 4000));
    for (int m = 3; m <= 7; m++) {
      s.add(new SeriesPoint(LocalDate.of(2024, m, 1), 30, 4000));
    }
    BeforeAfter r = InterruptedTimeSeries.beforeAfter(s, MEETING, Measure.RATE, 1000, 0.95);
    assertEquals(2, r.pointsBefore());
    assertEquals(5, r.pointsAfter());
    assertEquals(11.25, r.before().orElseThrow().value(), 1e-12);
    assertEquals(7.5, r.after().orElseThrow().value(), 1e-12);
    assertEquals(-3.75, r.difference().orElseThrow().value(), 1e-12);
    assertEquals(-6.3658, r.difference().orElseThrow().interval().lower(), 0.00005);
    assertEquals(-1.1342, r.difference().orElseThrow().interval().upper(), 0.00005);
  }

  @Test
  void beforeAfter_proportions_usesNewcombeOnPercentScale() {
    List<SeriesPoint> s = List.of(
        new SeriesPoint(LocalDate.of(2024, 1, 1), 48, 80), new SeriesPoint(LocalDate.of(2024, 4, 1), 56, 70));
    BeforeAfter r = InterruptedTimeSeries.beforeAfter(s, MEETING, Measure.PROPORTION, 100, 0.95);
    // Newcombe (1998) Stat Med 17:873, table II example (a), scaled to percentage points.
    assertEquals(20, r.difference().orElseThrow().value(), 1e-9);
    assertEquals(5.24, r.difference().orElseThrow().interval().lower(), 0.005);
    assertEquals(33.39, r.difference().orElseThrow().interval().upper(), 0.005);
  }

  @Test
  void beforeAfter_nothingBefore_hasNoDifference() {
    List<SeriesPoint> s = List.of(new SeriesPoint(LocalDate.of(2024, 4, 1), 5, 70));
    BeforeAfter r = InterruptedTimeSeries.beforeAfter(s, MEETING, Measure.PROPORTION, 100, 0.95);
    assertEquals(true, r.before().isEmpty());
    assertEquals(true, r.difference().isEmpty());
    assertEquals(true, r.after().isPresent());
  }
}
