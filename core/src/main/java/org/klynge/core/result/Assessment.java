package org.klynge.core.result;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.klynge.core.definition.Continuous;
import org.klynge.core.definition.Direction;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.definition.Proportion;
import org.klynge.core.definition.Rate;
import org.klynge.core.definition.Scoring;
import org.klynge.core.definition.Standard;
import org.klynge.core.stats.BeforeAfter;
import org.klynge.core.stats.Comparisons;
import org.klynge.core.stats.ConfidenceLevel;
import org.klynge.core.stats.Estimate;
import org.klynge.core.stats.Fulfilment;
import org.klynge.core.stats.FunnelLimits;
import org.klynge.core.stats.Funnels;
import org.klynge.core.stats.InterruptedTimeSeries;
import org.klynge.core.stats.Interval;
import org.klynge.core.stats.Measure;
import org.klynge.core.stats.Overdispersion;
import org.klynge.core.stats.OverdispersionEstimate;
import org.klynge.core.stats.Proportions;
import org.klynge.core.stats.Rates;
import org.klynge.core.stats.SegmentedRegression;
import org.klynge.core.stats.SeriesPoint;
import org.klynge.core.stats.StandardAssessment;
import org.klynge.core.stats.Standards;
import org.klynge.core.stats.UnitCount;

/**
 * Statistics on result tables, as pure functions over a {@link ResultTable} and its indicators.
 * The formulas are those of {@code org.klynge.core.stats}, described in {@code docs/statistics.md}
 * (section "Statistics on result tables"); everything here is at 95 % and in the row's own units.
 *
 * <p>Each row's counts become a pair {@code (x, T)} and a scale {@code m}:
 *
 * <pre>
 *   proportion            x = N − NX,  T = D − DX − DE,           binomial,  m = 100 (percent)
 *   rate, base persons    x = events,  T = D − DX − DE,           Poisson,   m = per
 *   rate, personYears     x = events,  T = personDays ÷ 365.25,   Poisson,   m = per
 *   ratio                 x = N − NX,  T = D − DX − DE,           Poisson,   m = 1
 *   continuous            no pair: no interval, funnel or comparison
 * </pre>
 *
 * <ul>
 *   <li><b>Interval</b>: Wilson for proportions ({@code m·[l, u]}), exact Poisson for rates and
 *       ratios ({@code m·[x_L, x_U]/T}).
 *   <li><b>Standard</b> (when the indicator has one): {@link Standards#assess} of the value and
 *       interval against the target. Continuous values, which have no interval, are judged by the
 *       point only; with uncertainty they are NOT_DETERMINABLE.
 *   <li><b>Funnel</b>: clinics around their cluster, clusters around the nation: {@code θ₀ = X/T₀}
 *       of the parent, limits {@code m·(θ₀ ± z·s)} for the unit's {@code T} at 95 % and 99.8 %
 *       ({@link Funnels#funnel}); optionally widened by an overdispersion estimated among the
 *       parent's units ({@link Funnels#estimateOverdispersion}).
 *   <li><b>Own versus rest</b>: a clinic against the rest of its cluster, and a clinic, cluster or
 *       region against the rest of the nation (the nation without the unit), so the groups are
 *       independent. Proportions: difference in percentage points, {@code 100·(p₁ − p₂)} with the
 *       Newcombe interval; rates and ratios: rate ratio with the exact conditional interval.
 * </ul>
 *
 * <p>The pseudo-unit {@code unassigned} (clinics in no cluster, clusters in no region) is not a
 * parent: its clinics get no funnel and no rest-of-cluster comparison, and it gets no funnel and no
 * comparison itself. No number is ever NaN: anything with a zero denominator is empty.
 *
 * <p>Worked example (proportion; numbers from the stats tests): a clinic with 56/70 in a cluster with
 * 104/150 has value 80.0 %, Wilson 69.18 to 87.70, and against the rest (48/80) a difference of
 * 20.0 percentage points (5.24 to 33.39).
 */
public final class Assessment {

  /** Whether and how funnel limits allow for overdispersion among a parent's units. */
  public enum FunnelAdjustment {
    /** Plain limits; no estimate. */
    NONE,
    /** Estimate φ per parent; widen by {@code √φ̂} when significant. */
    MULTIPLICATIVE,
    /** Estimate τ² per parent; widen to {@code √(s² + τ̂²)} when significant. */
    ADDITIVE
  }

  private static final double LEVEL = ConfidenceLevel.DEFAULT;

  private Assessment() {}

  /** {@link #assess(ResultTable, List, FunnelAdjustment)} with plain funnel limits. */
  public static AssessedTable assess(ResultTable table, List<Indicator> indicators) {
    return assess(table, indicators, FunnelAdjustment.NONE);
  }

  /**
   * The statistics of every row of {@code table}.
   *
   * @param indicators the indicators the table was evaluated for ({@code Evaluator.indicators()})
   * @param adjustment how funnel limits allow for overdispersion
   * @throws IllegalArgumentException when a row's indicator is not among {@code indicators}
   */
  public static AssessedTable assess(ResultTable table, List<Indicator> indicators, FunnelAdjustment adjustment) {
    Map<Key, ResultRow> index = new HashMap<>();
    Map<String, List<ResultRow>> clinicsByCluster = new HashMap<>();
    Map<String, List<ResultRow>> clustersByPeriod = new HashMap<>();
    for (ResultRow r : table.rows()) {
      index.put(Key.of(r.indicatorId(), r.period(), r.level(), r.unitId()), r);
      if (r.level() == Level.CLINIC) {
        clinicsByCluster.computeIfAbsent(group(r, r.parentId()), k -> new ArrayList<>()).add(r);
      } else if (r.level() == Level.CLUSTER && !r.unitId().equals(UnitIds.UNASSIGNED)) {
        clustersByPeriod.computeIfAbsent(group(r, ""), k -> new ArrayList<>()).add(r);
      }
    }
    Map<String, Optional<OverdispersionEstimate>> dispersion = new HashMap<>();
    ImmutableList.Builder<AssessedRow> out = ImmutableList.builder();
    for (ResultRow r : table.rows()) {
      Indicator ind = indicatorOf(indicators, r);
      out.add(new AssessedRow(r, statistics(r, ind, index, clinicsByCluster, clustersByPeriod, adjustment, dispersion)));
    }
    return new AssessedTable(out.build(), ImmutableList.copyOf(indicators), table);
  }

  /**
   * One unit's indicator before and after a meeting (for example one of a cluster package's
   * {@code meetingDates}): pooled levels, their difference ({@link InterruptedTimeSeries#beforeAfter})
   * and the segmented regression ({@link InterruptedTimeSeries#segmentedRegression}), in the
   * indicator's units. Periods whose first day is before the meeting are "before" (so a month in
   * which the meeting falls counts as before); periods with a zero denominator are left out.
   *
   * <p>Example (rate per 1,000 persons): 90 events over two months of 4,000 persons before and 150
   * over five months of 4,000 after: before 11.25, after 7.50, difference −3.75 (−6.37 to −1.13);
   * trend TOO_SHORT (two periods before).
   *
   * @param series the rows of one indicator and one unit, one per period (any order)
   * @throws IllegalArgumentException when the rows mix indicators or units, repeat a period, or the
   *     indicator has continuous scoring (which has no counts to pool)
   */
  public static MeetingComparison beforeAfter(Indicator indicator, List<ResultRow> series, LocalDate meetingDate) {
    Set<MeasurementPeriod> periods = new HashSet<>();
    List<SeriesPoint> points = new ArrayList<>();
    Optional<Pair> anyPair = Optional.empty();
    for (ResultRow r : series) {
      ResultRow first = series.get(0);
      if (!r.indicatorId().equals(indicator.id()) || r.level() != first.level() || !r.unitId().equals(first.unitId())) {
        throw new IllegalArgumentException("a series holds rows of one indicator (" + indicator.id()
            + ") and one unit; got " + r.indicatorId() + " " + r.level().code() + " " + r.unitId()
            + " beside " + first.level().code() + " " + first.unitId());
      }
      if (!periods.add(r.period())) {
        throw new IllegalArgumentException("period " + r.period() + " occurs twice in the series");
      }
      Pair p = pair(indicator.scoring(), r.counts()).orElseThrow(() -> new IllegalArgumentException(
          "indicator " + indicator.id() + " has continuous scoring: there are no counts to compare before and after"));
      anyPair = Optional.of(p);
      points.add(new SeriesPoint(r.period().start(), p.x, p.t));
    }
    Pair shape = anyPair.orElse(pair(indicator.scoring(), PopulationCounts.ZERO).orElseThrow(
        () -> new IllegalArgumentException("indicator " + indicator.id() + " has continuous scoring")));
    BeforeAfter levels = InterruptedTimeSeries.beforeAfter(points, meetingDate, shape.measure, shape.scale, LEVEL);
    SegmentedRegression trend =
        InterruptedTimeSeries.segmentedRegression(points, meetingDate, shape.measure, shape.scale, LEVEL);
    return new MeetingComparison(meetingDate, levels, trend);
  }

  /**
   * The 95 % confidence interval of a row's value in its own units; empty for continuous scoring
   * or a zero denominator. Example: a proportion of 81/263 (30.80 %) gives 25.53 to 36.62; a rate of
   * 10 events among 2,500 persons per 1,000 (4.0) gives 1.918 to 7.356.
   */
  public static Optional<Interval> interval(Scoring scoring, PopulationCounts counts) {
    return pair(scoring, counts).flatMap(Assessment::interval);
  }

  static Indicator indicatorOf(List<Indicator> indicators, ResultRow row) {
    for (Indicator i : indicators) {
      if (i.id().equals(row.indicatorId()) && i.version().equals(row.indicatorVersion())) {
        return i;
      }
    }
    throw new IllegalArgumentException("no indicator " + row.indicatorId() + "@" + row.indicatorVersion()
        + " among the " + indicators.size() + " indicator(s) given");
  }

  // ---------------------------------------------------------------------------------------------

  /** A row's counts as {@code x} of {@code t}, the model and the scale of its value. */
  record Pair(long x, double t, Measure measure, double scale) {}

  /** The counts a row's statistics use; empty for continuous scoring. See the class comment. */
  static Optional<Pair> pair(Scoring scoring, PopulationCounts c) {
    if (scoring instanceof Proportion) {
      return Optional.of(new Pair(c.effectiveNumerator(), c.effectiveDenominator(), Measure.PROPORTION, 100));
    }
    if (scoring instanceof Rate rate) {
      double t = rate.base() == Rate.Base.PERSONS ? c.effectiveDenominator() : c.personDays() / Scores.DAYS_PER_YEAR;
      return Optional.of(new Pair(c.events(), t, Measure.RATE, rate.per()));
    }
    if (scoring instanceof Continuous) {
      return Optional.empty();
    }
    return Optional.of(new Pair(c.effectiveNumerator(), c.effectiveDenominator(), Measure.RATE, 1));
  }

  private static boolean valid(Pair p) {
    return p.x >= 0 && p.t > 0 && Double.isFinite(p.t) && (p.measure == Measure.RATE || p.x <= p.t);
  }

  private static Optional<Interval> interval(Pair p) {
    if (!valid(p)) {
      return Optional.empty();
    }
    if (p.measure == Measure.PROPORTION) {
      return Proportions.wilson(p.x, (long) p.t, LEVEL).map(i -> i.scaled(p.scale));
    }
    return Rates.rate(p.x, p.t, p.scale).map(Estimate::interval);
  }

  private static RowStatistics statistics(
      ResultRow r,
      Indicator ind,
      Map<Key, ResultRow> index,
      Map<String, List<ResultRow>> clinicsByCluster,
      Map<String, List<ResultRow>> clustersByPeriod,
      FunnelAdjustment adjustment,
      Map<String, Optional<OverdispersionEstimate>> dispersion) {
    Optional<Pair> pair = pair(ind.scoring(), r.counts());
    Optional<Interval> interval = pair.flatMap(Assessment::interval);
    Optional<StandardAssessment> standard = ind.standard().map(s -> standard(r, s, ind.direction(), interval));
    if (pair.isEmpty()) {
      return new RowStatistics(interval, standard, Optional.empty(), Optional.empty(), Optional.empty());
    }
    Optional<ResultRow> nation = Optional.ofNullable(
        index.get(Key.of(r.indicatorId(), r.period(), Level.NATION, UnitIds.NATION)));
    Optional<Funnel> funnel = Optional.empty();
    Optional<Comparison> vsRest = Optional.empty();
    Optional<Comparison> vsNation = Optional.empty();
    boolean assigned = !r.unitId().equals(UnitIds.UNASSIGNED);
    switch (r.level()) {
      case CLINIC -> {
        if (!r.parentId().equals(UnitIds.UNASSIGNED)) {
          Optional<ResultRow> cluster =
              Optional.ofNullable(index.get(Key.of(r.indicatorId(), r.period(), Level.CLUSTER, r.parentId())));
          String g = group(r, r.parentId());
          funnel = cluster.flatMap(c -> funnel(ind, r, c, clinicsByCluster.get(g), g, adjustment, dispersion));
          vsRest = cluster.flatMap(c -> ownVsRest(ind, r, c));
        }
        vsNation = nation.flatMap(n -> ownVsRest(ind, r, n));
      }
      case CLUSTER -> {
        if (assigned) {
          String g = group(r, "");
          funnel = nation.flatMap(n -> funnel(ind, r, n, clustersByPeriod.get(g), g, adjustment, dispersion));
          vsNation = nation.flatMap(n -> ownVsRest(ind, r, n));
        }
      }
      case REGION -> {
        if (assigned) {
          vsNation = nation.flatMap(n -> ownVsRest(ind, r, n));
        }
      }
      default -> { }
    }
    return new RowStatistics(interval, standard, funnel, vsRest, vsNation);
  }

  /**
   * The interval and standard of a row computed from {@code counts} and {@code value} instead of
   * the row's own (for published, rounded counts); no funnel and no comparisons.
   */
  static RowStatistics fromCounts(Indicator ind, PopulationCounts counts, java.util.OptionalDouble value) {
    Optional<Interval> interval = interval(ind.scoring(), counts);
    Optional<StandardAssessment> standard = ind.standard().map(s -> standard(value, s, ind.direction(), interval));
    return new RowStatistics(interval, standard, Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static StandardAssessment standard(
      ResultRow r, Standard standard, Direction direction, Optional<Interval> interval) {
    return standard(r.value(), standard, direction, interval);
  }

  private static StandardAssessment standard(
      java.util.OptionalDouble rowValue, Standard standard, Direction direction, Optional<Interval> interval) {
    if (rowValue.isEmpty()) {
      return Standards.assess(Optional.empty(), standard, direction);
    }
    double value = rowValue.getAsDouble();
    if (interval.isPresent()) {
      return Standards.assess(new Estimate(value, interval.get()), standard, direction);
    }
    Fulfilment unknown = direction == Direction.NEITHER ? Fulfilment.NOT_APPLICABLE : Fulfilment.NOT_DETERMINABLE;
    return new StandardAssessment(Standards.point(value, standard.target(), direction), unknown);
  }

  private static Optional<Funnel> funnel(
      Indicator ind,
      ResultRow unit,
      ResultRow parent,
      List<ResultRow> siblings,
      String group,
      FunnelAdjustment adjustment,
      Map<String, Optional<OverdispersionEstimate>> dispersion) {
    Pair own = pair(ind.scoring(), unit.counts()).orElseThrow();
    Pair p = pair(ind.scoring(), parent.counts()).orElseThrow();
    if (!valid(own) || !valid(p) || parent.value().isEmpty()) {
      return Optional.empty();
    }
    double theta = p.x / p.t;
    Optional<OverdispersionEstimate> estimate = adjustment == FunnelAdjustment.NONE ? Optional.empty()
        : dispersion.computeIfAbsent(group, g -> Optional.of(Funnels.estimateOverdispersion(
            p.measure, theta, siblings.stream()
                .map(s -> pair(ind.scoring(), s.counts()).orElseThrow())
                .filter(Assessment::valid)
                .map(s -> new UnitCount(s.x, s.t))
                .toList())));
    Overdispersion model = estimate.map(e -> adjustment == FunnelAdjustment.MULTIPLICATIVE
        ? e.multiplicative() : e.additive()).orElse(Overdispersion.none());
    Optional<FunnelLimits> limits = Funnels.funnel(p.measure, theta, own.t, model);
    return limits.map(l -> new Funnel(parent.value().getAsDouble(), l.inner().scaled(p.scale),
        l.outer().scaled(p.scale), estimate));
  }

  /** The unit against its parent without it: a difference (percentage points) or a rate ratio. */
  private static Optional<Comparison> ownVsRest(Indicator ind, ResultRow own, ResultRow parent) {
    Pair a = pair(ind.scoring(), own.counts()).orElseThrow();
    Pair b = pair(ind.scoring(), parent.counts().minus(own.counts())).orElseThrow();
    if (!valid(a) || !valid(b)) {
      return Optional.empty();
    }
    if (a.measure == Measure.PROPORTION) {
      return Comparisons.proportionDifference(a.x, (long) a.t, b.x, (long) b.t, LEVEL)
          .map(e -> new Comparison(Comparison.Kind.DIFFERENCE,
              new Estimate(e.value() * a.scale, e.interval().scaled(a.scale))));
    }
    return Comparisons.rateRatio(a.x, a.t, b.x, b.t, LEVEL).map(e -> new Comparison(Comparison.Kind.RATIO, e));
  }

  private static String group(ResultRow r, String parent) {
    return r.indicatorId() + "\u0000" + r.period() + "\u0000" + r.level() + "\u0000" + parent;
  }

  private record Key(String indicatorId, MeasurementPeriod period, Level level, String unitId) {
    static Key of(String indicatorId, MeasurementPeriod period, Level level, String unitId) {
      return new Key(indicatorId, period, level, unitId);
    }
  }
}
