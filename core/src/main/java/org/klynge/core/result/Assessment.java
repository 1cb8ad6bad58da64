package org.klynge.core.result;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 *   rate, personDays      x = events,  T = personDays,            Poisson,   m = per
 *   ratio                 x = N − NX,  T = D − DX − DE,           Poisson,   m = 1
 *   continuous            no pair: no interval, funnel or comparison
 *   rate with sum         no pair (a sum of doses, quantities or days is no Poisson count)
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
    return assess(table, indicators, adjustment, ExactIntervals.memo(LEVEL));
  }

  /**
   * The statistics of every row, with the exact intervals from {@code exact} (each computed once
   * per distinct count, or afresh every time for {@link ExactIntervals#direct}).
   *
   * <p>The rows are first sorted into slices, one per indicator and period, each holding what a
   * row's statistics refer to: the nation row, the cluster rows by id, the clinics of each cluster
   * and the assigned clusters. A group of units around one parent (a cluster's clinics, the
   * nation's clusters) computes the parent's value and overdispersion once.
   */
  static AssessedTable assess(
      ResultTable table, List<Indicator> indicators, FunnelAdjustment adjustment, ExactIntervals exact) {
    Map<SliceKey, Slice> slices = new HashMap<>();
    List<Slice> sliceOfRow = new ArrayList<>(table.rows().size());
    Slice last = null;
    for (ResultRow r : table.rows()) {
      // rows come ordered by indicator and period, so a row's slice is mostly the one before's
      Slice slice = last != null && last.holds(r) ? last
          : slices.computeIfAbsent(new SliceKey(r.indicatorId(), r.period()), k -> new Slice(k.indicatorId(), k.period()));
      slice.add(r);
      sliceOfRow.add(slice);
      last = slice;
    }
    Context context = new Context(adjustment, exact);
    ImmutableList<ClinicDistribution> distributions = distributions(table);
    Map<String, ClinicDistribution> distributionOf = ClinicDistribution.byKey(distributions);
    ImmutableList.Builder<AssessedRow> out = ImmutableList.builderWithExpectedSize(table.rows().size());
    Indicator ind = null;
    int i = 0;
    for (ResultRow r : table.rows()) {
      if (ind == null || !ind.id().equals(r.indicatorId()) || !ind.version().equals(r.indicatorVersion())) {
        ind = indicatorOf(indicators, r);
      }
      RowStatistics stats = statistics(r, ind, sliceOfRow.get(i++), context);
      out.add(new AssessedRow(r, stats.withStanding(standing(r, distributionOf))));
    }
    return new AssessedTable(out.build(), ImmutableList.copyOf(indicators), table, distributions);
  }

  /** A ranked clinic's percentile, or the nation's deciles, when enough clinics are ranked. */
  private static Optional<NationalStanding> standing(ResultRow r, Map<String, ClinicDistribution> distributionOf) {
    if (r.level() != Level.CLINIC && r.level() != Level.NATION) {
      return Optional.empty();
    }
    ClinicDistribution d = distributionOf.get(ClinicDistribution.key(r.indicatorId(), r.indicatorVersion(), r.period()));
    if (d == null || d.ranked() < NationalStanding.MIN_RANKED) {
      return Optional.empty();
    }
    if (r.level() == Level.NATION) {
      return Optional.of(new NationalStanding(d.ranked(), java.util.OptionalDouble.empty(), d.deciles()));
    }
    java.util.OptionalDouble p = d.percentile(r.unitId());
    return p.isEmpty() ? Optional.empty() : Optional.of(new NationalStanding(d.ranked(), p, ImmutableList.of()));
  }

  /** Per indicator and period with clinic rows, in row order: the clinics' deciles and percentiles. */
  static ImmutableList<ClinicDistribution> distributions(ResultTable table) {
    Map<String, List<ResultRow>> clinics = new LinkedHashMap<>();
    for (ResultRow r : table.rows()) {
      if (r.level() == Level.CLINIC) {
        clinics.computeIfAbsent(ClinicDistribution.key(r.indicatorId(), r.indicatorVersion(), r.period()),
            k -> new ArrayList<>()).add(r);
      }
    }
    ImmutableList.Builder<ClinicDistribution> out = ImmutableList.builder();
    clinics.values().forEach(rows -> {
      ResultRow first = rows.get(0);
      out.add(ClinicDistribution.ofRows(first.indicatorId(), first.indicatorVersion(), first.period(), rows));
    });
    return out.build();
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
      if (!rate.countsEvents()) {
        return Optional.empty(); // a sum of doses or days is not a Poisson count: no exact interval
      }
      double t = switch (rate.base()) {
        case PERSONS -> c.effectiveDenominator();
        case PERSON_YEARS -> c.personDays() / Scores.DAYS_PER_YEAR;
        case PERSON_DAYS -> c.personDays();
      };
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

  private static Optional<Interval> interval(Pair p, ExactIntervals exact) {
    if (!valid(p)) {
      return Optional.empty();
    }
    if (p.measure == Measure.PROPORTION) {
      return Proportions.wilson(p.x, (long) p.t, LEVEL).map(i -> i.scaled(p.scale));
    }
    // Rates.rate(x, t, scale): the count's exact interval, times scale / t
    return Optional.of(exact.poisson(p.x).scaled(p.scale / p.t));
  }

  private static RowStatistics statistics(ResultRow r, Indicator ind, Slice slice, Context context) {
    if (r.dataIncomplete()) {
      return RowStatistics.NONE; // no interval, standard, funnel or comparison for a clinic without the data
    }
    Optional<Pair> pair = pair(ind.scoring(), r.counts());
    Optional<Interval> interval = pair.flatMap(p -> interval(p, context.exact));
    Optional<StandardAssessment> standard = ind.standard().map(s -> standard(r, s, ind.direction(), interval));
    if (pair.isEmpty()) {
      return new RowStatistics(interval, standard, Optional.empty(), Optional.empty(), Optional.empty());
    }
    Pair own = pair.get();
    Optional<ResultRow> nation = Optional.ofNullable(slice.nation);
    Optional<Funnel> funnel = Optional.empty();
    Optional<Comparison> vsRest = Optional.empty();
    Optional<Comparison> vsNation = Optional.empty();
    boolean assigned = !r.unitId().equals(UnitIds.UNASSIGNED);
    switch (r.level()) {
      case CLINIC -> {
        if (!r.parentId().equals(UnitIds.UNASSIGNED)) {
          Optional<ResultRow> cluster = Optional.ofNullable(slice.clusters.get(r.parentId()));
          if (cluster.isPresent()) {
            funnel = funnel(ind, own, slice.clinicGroup(r.parentId(), cluster.get()), context);
            vsRest = ownVsRest(ind, r, own, cluster.get(), context);
          }
        }
        vsNation = nation.flatMap(n -> ownVsRest(ind, r, own, n, context));
      }
      case CLUSTER -> {
        if (assigned && nation.isPresent()) {
          funnel = funnel(ind, own, slice.clusterGroup(nation.get()), context);
          vsNation = ownVsRest(ind, r, own, nation.get(), context);
        }
      }
      case REGION -> {
        if (assigned) {
          vsNation = nation.flatMap(n -> ownVsRest(ind, r, own, n, context));
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

  private static Optional<Funnel> funnel(Indicator ind, Pair own, Group group, Context context) {
    if (!valid(own) || !group.valid(ind)) {
      return Optional.empty();
    }
    Optional<OverdispersionEstimate> estimate = group.overdispersion(ind, context.adjustment);
    Overdispersion model = estimate.map(e -> context.adjustment == FunnelAdjustment.MULTIPLICATIVE
        ? e.multiplicative() : e.additive()).orElse(Overdispersion.none());
    Pair p = group.parentPair;
    Optional<FunnelLimits> limits = Funnels.funnel(p.measure, group.theta, own.t, model);
    return limits.map(l -> new Funnel(group.parent.value().getAsDouble(), l.inner().scaled(p.scale),
        l.outer().scaled(p.scale), estimate));
  }

  /** The unit against its parent without it: a difference (percentage points) or a rate ratio. */
  private static Optional<Comparison> ownVsRest(Indicator ind, ResultRow own, Pair a, ResultRow parent, Context context) {
    Pair b = pair(ind.scoring(), parent.counts().minus(own.counts())).orElseThrow();
    if (!valid(a) || !valid(b)) {
      return Optional.empty();
    }
    if (a.measure == Measure.PROPORTION) {
      return Comparisons.proportionDifference(a.x, (long) a.t, b.x, (long) b.t, LEVEL)
          .map(e -> new Comparison(Comparison.Kind.DIFFERENCE,
              new Estimate(e.value() * a.scale, e.interval().scaled(a.scale))));
    }
    // Comparisons.rateRatio(a.x, a.t, b.x, b.t, LEVEL), with the Clopper–Pearson interval computed once
    if (a.t == 0 || b.t == 0 || b.x == 0) {
      return Optional.empty();
    }
    Interval conditional = context.exact.clopperPearson(a.x, a.x + b.x);
    return Optional.of(new Comparison(Comparison.Kind.RATIO, Comparisons.rateRatio(a.x, a.t, b.x, b.t, conditional)));
  }

  /** What one assessment shares between rows: the funnel adjustment and the exact intervals. */
  private record Context(FunnelAdjustment adjustment, ExactIntervals exact) {}

  private record SliceKey(String indicatorId, MeasurementPeriod period) {}

  /** The rows of one indicator and period that other rows refer to. */
  private static final class Slice {
    final String indicatorId;
    final MeasurementPeriod period;
    ResultRow nation;
    final Map<String, ResultRow> clusters = new HashMap<>();
    final Map<String, List<ResultRow>> clinicsByCluster = new HashMap<>();
    final List<ResultRow> assignedClusters = new ArrayList<>();
    final Map<String, Group> clinicGroups = new HashMap<>();
    Group clusterGroup;

    Slice(String indicatorId, MeasurementPeriod period) {
      this.indicatorId = indicatorId;
      this.period = period;
    }

    boolean holds(ResultRow r) {
      return r.indicatorId().equals(indicatorId) && r.period().equals(period);
    }

    /** As the former index by (indicator, period, level, unit): a later row of the same key wins. */
    void add(ResultRow r) {
      switch (r.level()) {
        case NATION -> {
          if (r.unitId().equals(UnitIds.NATION)) {
            nation = r;
          }
        }
        case CLUSTER -> {
          clusters.put(r.unitId(), r);
          if (!r.unitId().equals(UnitIds.UNASSIGNED)) {
            assignedClusters.add(r);
          }
        }
        case CLINIC -> clinicsByCluster.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r);
        default -> { }
      }
    }

    Group clinicGroup(String clusterId, ResultRow cluster) {
      return clinicGroups.computeIfAbsent(clusterId, k -> new Group(cluster, clinicsByCluster.get(k)));
    }

    Group clusterGroup(ResultRow nationRow) {
      if (clusterGroup == null) {
        clusterGroup = new Group(nationRow, assignedClusters);
      }
      return clusterGroup;
    }
  }

  /**
   * A parent and the units around it (a cluster's clinics, the nation's assigned clusters): the
   * parent's counts, value and overdispersion, computed once for all the units' funnels.
   */
  private static final class Group {
    final ResultRow parent;
    final List<ResultRow> members;
    Pair parentPair;
    double theta;
    Boolean valid;
    Optional<OverdispersionEstimate> estimate;

    Group(ResultRow parent, List<ResultRow> members) {
      this.parent = parent;
      this.members = members;
    }

    boolean valid(Indicator ind) {
      if (valid == null) {
        parentPair = pair(ind.scoring(), parent.counts()).orElseThrow();
        valid = Assessment.valid(parentPair) && parent.value().isPresent();
        theta = parentPair.x / parentPair.t;
      }
      return valid;
    }

    Optional<OverdispersionEstimate> overdispersion(Indicator ind, FunnelAdjustment adjustment) {
      if (adjustment == FunnelAdjustment.NONE) {
        return Optional.empty();
      }
      if (estimate == null) {
        estimate = Optional.of(Funnels.estimateOverdispersion(parentPair.measure, theta, members.stream()
            .filter(s -> !s.dataIncomplete())
            .map(s -> pair(ind.scoring(), s.counts()).orElseThrow())
            .filter(Assessment::valid)
            .map(s -> new UnitCount(s.x, s.t))
            .toList()));
      }
      return estimate;
    }
  }
}
