package org.klynge.report.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.Continuous;
import org.klynge.core.definition.Granularity;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.definition.Proportion;
import org.klynge.core.definition.Rate;
import org.klynge.core.disclosure.PublishedCount;
import org.klynge.core.disclosure.Status;
import org.klynge.core.result.Funnel;
import org.klynge.core.result.Level;
import org.klynge.core.result.PublishedRow;
import org.klynge.core.result.PublishedTable;
import org.klynge.core.result.UnitIds;
import org.klynge.core.stats.BeforeAfter;
import org.klynge.core.stats.ConfidenceLevel;
import org.klynge.core.stats.InterruptedTimeSeries;
import org.klynge.core.stats.Measure;
import org.klynge.core.stats.SegmentedRegression;
import org.klynge.core.stats.SeriesPoint;

/**
 * Builds the view of one package from a published table: which rows, periods and points are
 * shown, and what can honestly be estimated from them. Everything comes from the published
 * table, so the audience's disclosure control holds throughout; before/after figures are pooled
 * from published counts only, and only when every period they pool is shown exactly.
 *
 * <p>The periods follow the package: the table and the funnel use the package period; the run
 * chart uses the package's granularity when it is by month, quarter or rolling 12 months, and
 * otherwise (a yearly package) rolling 12 months for proportions and continuous summaries (a
 * month's share of a yearly measure is not the yearly share) and the follow-up's granularity, or
 * months, for rates.
 */
public final class PackageViews {

  private final PublishedTable published;
  private final String clusterId;
  private final String clinicId;
  private final Map<Key, PublishedRow> rows = new HashMap<>();

  private record Key(String id, String version, MeasurementPeriod period, Level level, String unit) {}

  private PackageViews(PublishedTable published, String clusterId, String clinicId) {
    this.published = published;
    this.clusterId = clusterId;
    this.clinicId = clinicId;
    for (PublishedRow r : published.rows()) {
      rows.put(new Key(r.indicatorId(), r.indicatorVersion(), r.period(), r.level(), r.unitId()), r);
    }
  }

  /**
   * The view of {@code pkg} with its {@code indicators}, for the own clinic {@code clinicId} of
   * cluster {@code clusterId}, with texts in {@code locale} where the definitions translate them.
   */
  public static PackageView build(PublishedTable published, ClusterPackage pkg, List<Indicator> indicators,
      String clusterId, String clusterName, String clinicId, String clinicName, Locale locale) {
    PackageViews b = new PackageViews(published, clusterId, clinicId);
    List<IndicatorView> views = new ArrayList<>();
    for (Indicator ind : indicators) {
      views.add(b.indicator(pkg, ind, clusterName, clinicName, locale));
    }
    return new PackageView(pkg, pkg.title(locale), pkg.topic(locale), pkg.questions(locale), clusterId, clusterName,
        clinicId, clinicName, views, published);
  }

  /** The granularity of an indicator's run chart in a package (see the class comment). */
  public static Granularity seriesGranularity(ClusterPackage pkg, Indicator ind) {
    Granularity g = pkg.granularity();
    if (g == Granularity.MONTH || g == Granularity.QUARTER || g == Granularity.ROLLING12) {
      return g;
    }
    if (ind.scoring() instanceof Proportion || ind.scoring() instanceof Continuous) {
      return Granularity.ROLLING12;
    }
    return pkg.followUp().map(f -> f.granularity())
        .filter(f -> f == Granularity.MONTH || f == Granularity.QUARTER || f == Granularity.ROLLING12)
        .orElse(Granularity.MONTH);
  }

  /** Every period a report of {@code pkg} reads: the package period and the periods of each indicator's chart. */
  public static List<MeasurementPeriod> periods(ClusterPackage pkg, List<Indicator> indicators) {
    List<MeasurementPeriod> out = new ArrayList<>();
    out.add(pkg.period());
    for (Indicator ind : indicators) {
      for (MeasurementPeriod p : seriesGranularity(pkg, ind).periods(pkg.period())) {
        if (!out.contains(p)) {
          out.add(p);
        }
      }
    }
    return out;
  }

  private Optional<PublishedRow> find(Indicator ind, MeasurementPeriod period, Level level, String unit) {
    return Optional.ofNullable(rows.get(new Key(ind.id(), ind.version(), period, level, unit)));
  }

  private IndicatorView indicator(ClusterPackage pkg, Indicator ind, String clusterName, String clinicName,
      Locale locale) {
    MeasurementPeriod period = pkg.period();
    List<LevelRow> levels = List.of(
        new LevelRow(Unit.OWN_CLINIC, clinicName, find(ind, period, Level.CLINIC, clinicId), true),
        new LevelRow(Unit.REST_OF_CLUSTER, "", find(ind, period, Level.REST_OF_CLUSTER, clinicId), false),
        new LevelRow(Unit.CLUSTER, clusterName, find(ind, period, Level.CLUSTER, clusterId), true),
        new LevelRow(Unit.NATION, "", find(ind, period, Level.NATION, UnitIds.NATION), false));
    return new IndicatorView(ind, ind.title(locale), ind.description(locale), ind.unit(locale), period, levels,
        funnel(ind, period), run(pkg, ind));
  }

  // ---- funnel ----------------------------------------------------------------------------------

  private FunnelView funnel(Indicator ind, MeasurementPeriod period) {
    List<PublishedRow> clinics = published.rows().stream()
        .filter(r -> r.indicatorId().equals(ind.id()) && r.indicatorVersion().equals(ind.version())
            && r.level() == Level.CLINIC && r.parentId().equals(clusterId) && r.period().equals(period))
        .sorted(Comparator.comparing(PublishedRow::unitId)).toList();
    int suppressed = 0;
    int empty = 0;
    int incomplete = 0;
    List<FunnelPoint> points = new ArrayList<>();
    for (PublishedRow r : clinics) {
      if (r.suppressed()) {
        suppressed++;
      } else if (r.value().status() == Status.DATA_INCOMPLETE) {
        incomplete++;
      } else if (r.value().value().isEmpty() || r.denominator().count().orElse(0) <= 0) {
        empty++;
      } else {
        boolean own = r.unitId().equals(clinicId);
        points.add(new FunnelPoint(own ? "" : r.unitId(), own, r.denominator().count().getAsLong(),
            r.value().value().getAsDouble(), r.statistics().funnel()));
      }
    }
    boolean continuous = ind.scoring() instanceof Continuous;
    Optional<Double> centre = points.stream().flatMap(pt -> pt.funnel().stream()).map(Funnel::parentValue).findFirst()
        .or(() -> find(ind, period, Level.CLUSTER, clusterId).filter(r -> !r.suppressed())
            .flatMap(r -> r.value().value().isPresent() ? Optional.of(r.value().value().getAsDouble()) : Optional.empty()));
    Optional<Measure> measure = measure(ind);
    boolean limits = !continuous && centre.isPresent() && measure.isPresent()
        && points.stream().anyMatch(pt -> pt.funnel().isPresent());
    boolean overdispersed = points.stream().flatMap(pt -> pt.funnel().stream())
        .anyMatch(f -> f.overdispersion().map(o -> o.overdispersed()).orElse(false));
    return new FunnelView(points, suppressed, empty, incomplete, centre, measure, limits, overdispersed, continuous);
  }

  /**
   * How funnel limits and before/after levels are computed; empty for continuous summaries, rates
   * per person-time and rates that sum.
   */
  public static Optional<Measure> measure(Indicator ind) {
    if (ind.scoring() instanceof Proportion) {
      return Optional.of(Measure.PROPORTION);
    }
    if (ind.scoring() instanceof Rate rate) {
      return rate.base() == Rate.Base.PERSONS && rate.countsEvents() ? Optional.of(Measure.RATE) : Optional.empty();
    }
    if (ind.scoring() instanceof Continuous) {
      return Optional.empty();
    }
    return Optional.of(Measure.RATE);
  }

  /** What a value is multiplied by: 100 for a proportion, the rate's base, else 1. */
  public static double scale(Indicator ind) {
    if (ind.scoring() instanceof Proportion) {
      return 100;
    }
    if (ind.scoring() instanceof Rate rate) {
      return rate.per();
    }
    return 1;
  }

  // ---- run chart -------------------------------------------------------------------------------

  private RunView run(ClusterPackage pkg, Indicator ind) {
    Granularity g = seriesGranularity(pkg, ind);
    List<MeasurementPeriod> periods = g.periods(pkg.period()).stream()
        .filter(p -> published.rows().stream().anyMatch(r -> r.period().equals(p) && r.indicatorId().equals(ind.id())))
        .toList();
    Map<Unit, Series> series = new EnumMap<>(Unit.class);
    series.put(Unit.OWN_CLINIC, series(ind, periods, Unit.OWN_CLINIC, Level.CLINIC, clinicId));
    series.put(Unit.CLUSTER, series(ind, periods, Unit.CLUSTER, Level.CLUSTER, clusterId));
    series.put(Unit.NATION, series(ind, periods, Unit.NATION, Level.NATION, UnitIds.NATION));
    List<LocalDate> meetings = pkg.meetingDates();
    RunView.NoComparison none = meetings.isEmpty() ? RunView.NoComparison.NO_MEETING
        : ind.scoring() instanceof Continuous ? RunView.NoComparison.CONTINUOUS
        : g == Granularity.ROLLING12 ? RunView.NoComparison.ROLLING
        : measure(ind).isEmpty() ? RunView.NoComparison.PERSON_TIME
        : periods.isEmpty() ? RunView.NoComparison.NO_PERIODS
        : RunView.NoComparison.NONE;
    List<MeetingView> comparisons = new ArrayList<>();
    if (none == RunView.NoComparison.NONE) {
      LocalDate first = periods.get(0).start();
      LocalDate last = periods.get(periods.size() - 1).end();
      for (LocalDate meeting : meetings) {
        boolean inRange = !meeting.isBefore(first) && !meeting.isAfter(last);
        Map<Unit, BeforeAfterResult> units = new EnumMap<>(Unit.class);
        if (inRange) {
          units.put(Unit.OWN_CLINIC, beforeAfter(ind, series.get(Unit.OWN_CLINIC), meeting));
          units.put(Unit.CLUSTER, beforeAfter(ind, series.get(Unit.CLUSTER), meeting));
        }
        comparisons.add(new MeetingView(meeting, inRange, units));
      }
    }
    return new RunView(g, periods, List.copyOf(series.values()), meetings, comparisons, none);
  }

  private Series series(Indicator ind, List<MeasurementPeriod> periods, Unit unit, Level level, String unitId) {
    List<ChartPoint> points = new ArrayList<>();
    for (MeasurementPeriod p : periods) {
      Optional<PublishedRow> r = find(ind, p, level, unitId);
      if (r.isEmpty()) {
        points.add(new ChartPoint(p, OptionalDouble.empty(), Status.NOT_AVAILABLE, OptionalLong.empty(),
            OptionalLong.empty()));
      } else if (r.get().suppressed()) {
        points.add(new ChartPoint(p, OptionalDouble.empty(), Status.SUPPRESSED, OptionalLong.empty(),
            OptionalLong.empty()));
      } else {
        PublishedRow row = r.get();
        Status status = row.value().status() == Status.DATA_INCOMPLETE ? Status.DATA_INCOMPLETE
            : worst(row.numerator(), row.denominator());
        points.add(new ChartPoint(p, row.value().value(), status, row.numerator().count(), row.denominator().count()));
      }
    }
    return new Series(unit, points);
  }

  private static Status worst(PublishedCount a, PublishedCount b) {
    for (Status s : List.of(Status.SUPPRESSED, Status.NOT_AVAILABLE, Status.ROUNDED)) {
      if (a.status() == s || b.status() == s) {
        return s;
      }
    }
    return Status.SHOWN;
  }

  /** Pooled levels and the interrupted time series from the published counts, when every period is shown exactly. */
  private static BeforeAfterResult beforeAfter(Indicator ind, Series series, LocalDate meeting) {
    List<SeriesPoint> points = new ArrayList<>();
    for (ChartPoint p : series.points()) {
      if (p.status() != Status.SHOWN || p.numerator().isEmpty() || p.denominator().isEmpty()) {
        return new BeforeAfterResult.Withheld(p.period(), p.status());
      }
      points.add(new SeriesPoint(p.period().start(), p.numerator().getAsLong(),
          p.denominator().getAsLong()));
    }
    if (points.stream().allMatch(p -> p.denominator() <= 0)) {
      return new BeforeAfterResult.NoPatients();
    }
    if (points.stream().allMatch(p -> p.numerator() == 0)) {
      return new BeforeAfterResult.AllZero();
    }
    Measure measure = measure(ind).orElseThrow();
    double scale = scale(ind);
    BeforeAfter levels = InterruptedTimeSeries.beforeAfter(points, meeting, measure, scale, ConfidenceLevel.DEFAULT);
    SegmentedRegression trend =
        InterruptedTimeSeries.segmentedRegression(points, meeting, measure, scale, ConfidenceLevel.DEFAULT);
    return new BeforeAfterResult.Computed(levels, trend);
  }
}
