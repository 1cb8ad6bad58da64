package org.klynge.core.result;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.klynge.core.definition.Continuous;
import org.klynge.core.definition.Direction;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.definition.Proportion;
import org.klynge.core.definition.Rate;
import org.klynge.core.definition.Scoring;
import org.klynge.core.definition.Standard;
import org.klynge.core.stats.Comparisons;
import org.klynge.core.stats.ConfidenceLevel;
import org.klynge.core.stats.Estimate;
import org.klynge.core.stats.Fulfilment;
import org.klynge.core.stats.FunnelLimits;
import org.klynge.core.stats.Funnels;
import org.klynge.core.stats.Interval;
import org.klynge.core.stats.Measure;
import org.klynge.core.stats.Overdispersion;
import org.klynge.core.stats.OverdispersionEstimate;
import org.klynge.core.stats.Proportions;
import org.klynge.core.stats.Rates;
import org.klynge.core.stats.StandardAssessment;
import org.klynge.core.stats.Standards;
import org.klynge.core.stats.UnitCount;

/**
 * The assessment as it was before the slices and the memo of exact intervals: every lookup through
 * maps keyed by strings and records, every interval computed afresh. Kept plain on purpose, as the
 * reference {@link AssessmentProperties} compares {@link Assessment#assess} with.
 */
final class DirectAssessment {

  private static final double LEVEL = ConfidenceLevel.DEFAULT;

  private DirectAssessment() {}

  /**
   * The statistics of every row of {@code table}.
   *
   * @param indicators the indicators the table was evaluated for ({@code Evaluator.indicators()})
   * @param adjustment how funnel limits allow for overdispersion
   * @throws IllegalArgumentException when a row's indicator is not among {@code indicators}
   */
  static AssessedTable assess(ResultTable table, List<Indicator> indicators, Assessment.FunnelAdjustment adjustment) {
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
      Assessment.FunnelAdjustment adjustment,
      Map<String, Optional<OverdispersionEstimate>> dispersion) {
    Optional<Pair> pair = pair(ind.scoring(), r.counts());
    Optional<Interval> interval = pair.flatMap(DirectAssessment::interval);
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
      Assessment.FunnelAdjustment adjustment,
      Map<String, Optional<OverdispersionEstimate>> dispersion) {
    Pair own = pair(ind.scoring(), unit.counts()).orElseThrow();
    Pair p = pair(ind.scoring(), parent.counts()).orElseThrow();
    if (!valid(own) || !valid(p) || parent.value().isEmpty()) {
      return Optional.empty();
    }
    double theta = p.x / p.t;
    Optional<OverdispersionEstimate> estimate = adjustment == Assessment.FunnelAdjustment.NONE ? Optional.empty()
        : dispersion.computeIfAbsent(group, g -> Optional.of(Funnels.estimateOverdispersion(
            p.measure, theta, siblings.stream()
                .map(s -> pair(ind.scoring(), s.counts()).orElseThrow())
                .filter(DirectAssessment::valid)
                .map(s -> new UnitCount(s.x, s.t))
                .toList())));
    Overdispersion model = estimate.map(e -> adjustment == Assessment.FunnelAdjustment.MULTIPLICATIVE
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
