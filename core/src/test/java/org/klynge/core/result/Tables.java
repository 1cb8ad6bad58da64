package org.klynge.core.result;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.klynge.core.data.Reconciliation;
import org.klynge.core.definition.Continuous;
import org.klynge.core.definition.Direction;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.AgeInRange;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.definition.PopulationRef;
import org.klynge.core.definition.Populations;
import org.klynge.core.definition.Proportion;
import org.klynge.core.definition.Rate;
import org.klynge.core.definition.Scoring;
import org.klynge.core.model.EventType;

/** Small hand-made result tables for the assessment and publication tests. */
final class Tables {
  static final MeasurementPeriod Y2024 = MeasurementPeriod.year(2024);

  private Tables() {}

  static Indicator indicator(String id, Scoring scoring, Direction direction, Optional<Double> target) {
    Indicator.Builder b = Indicator.builder().id(id).version("1").title(id).scoring(scoring)
        .populations(Populations.of(new PopulationRef(id + "-initial"), AgeInRange.atLeast(18))).direction(direction);
    target.ifPresent(b::standardTarget);
    return b.build();
  }

  static Indicator proportion(String id) {
    return indicator(id, new Proportion(), Direction.HIGHER_IS_BETTER, Optional.of(70.0));
  }

  static Indicator rate(String id, Rate.Base base) {
    return indicator(id, new Rate(EventType.PRESCRIPTION, "vs", null, 1000, base), Direction.LOWER_IS_BETTER,
        Optional.empty());
  }

  static Indicator continuous(String id) {
    return indicator(id, new Continuous(EventType.LAB, "vs", null, null, Optional.empty(), null),
        Direction.LOWER_IS_BETTER, Optional.of(53.0));
  }

  /** A proportion row: {@code x} of {@code n} persons. */
  static ResultRow p(Indicator ind, MeasurementPeriod period, Level level, String unit, String parent, long x, long n) {
    return new ResultRow(ind.id(), ind.version(), level, unit, parent, period,
        new PopulationCounts(n, n, 0, 0, x, 0, 0, 0, 0), Scores.percent(x, n));
  }

  static ResultRow p(Indicator ind, Level level, String unit, String parent, long x, long n) {
    return p(ind, Y2024, level, unit, parent, x, n);
  }

  /** A rate row: {@code events} among {@code persons} with {@code personDays} listed. */
  static ResultRow r(Indicator ind, Level level, String unit, String parent, long events, long persons, long personDays) {
    Rate rate = (Rate) ind.scoring();
    OptionalDouble v = rate.base() == Rate.Base.PERSONS ? Scores.ratePer(events, persons, rate.per())
        : Scores.ratePerPersonYears(events, personDays, rate.per());
    return new ResultRow(ind.id(), ind.version(), level, unit, parent, Y2024,
        new PopulationCounts(persons, persons, 0, 0, 0, 0, events, personDays, 0), v);
  }

  /**
   * Rows of a proportion indicator for a region r1 with clusters k1 (clinics A 56/70, B 48/80) and
   * k2 (D 80/100, E 80/100), with the rest-of-cluster rows, the region and the nation.
   */
  static List<ResultRow> twoClusters(Indicator ind) {
    List<ResultRow> rows = new ArrayList<>();
    rows.add(p(ind, Level.CLINIC, "A", "k1", 56, 70));
    rows.add(p(ind, Level.CLINIC, "B", "k1", 48, 80));
    rows.add(p(ind, Level.CLINIC, "D", "k2", 80, 100));
    rows.add(p(ind, Level.CLINIC, "E", "k2", 80, 100));
    rows.add(p(ind, Level.REST_OF_CLUSTER, "A", "k1", 48, 80));
    rows.add(p(ind, Level.REST_OF_CLUSTER, "B", "k1", 56, 70));
    rows.add(p(ind, Level.REST_OF_CLUSTER, "D", "k2", 80, 100));
    rows.add(p(ind, Level.REST_OF_CLUSTER, "E", "k2", 80, 100));
    rows.add(p(ind, Level.CLUSTER, "k1", "r1", 104, 150));
    rows.add(p(ind, Level.CLUSTER, "k2", "r1", 160, 200));
    rows.add(p(ind, Level.REGION, "r1", "", 264, 350));
    rows.add(p(ind, Level.NATION, UnitIds.NATION, "", 264, 350));
    return rows;
  }

  static ResultTable table(List<ResultRow> rows) {
    return new ResultTable(ImmutableList.copyOf(rows),
        new Provenance(ImmutableSortedMap.of("x@1", "hash"), ImmutableSortedMap.of(), "test"),
        new Reconciliation(ImmutableSortedMap.of(), ImmutableList.of()));
  }
}
