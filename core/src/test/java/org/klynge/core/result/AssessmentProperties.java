package org.klynge.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.klynge.core.definition.Direction;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.definition.Proportion;
import org.klynge.core.definition.Rate;
import org.klynge.core.definition.Ratio;
import org.klynge.core.definition.Scoring;

/**
 * {@link Assessment#assess} (slices, groups and the memo of exact intervals) gives exactly the
 * statistics of the plain {@link DirectAssessment}, and the memo gives exactly what computing every
 * interval afresh gives, on random organisations and counts: small counts, so that many repeat and
 * the memo is used; zero denominators; unassigned clinics and clusters; every scoring.
 */
class AssessmentProperties {

  @Property(tries = 60)
  void assess_equalsTheDirectComputation(@ForAll long seed, @ForAll Assessment.FunnelAdjustment adjustment) {
    Random random = new Random(seed);
    List<Indicator> indicators = List.of(
        Tables.proportion("p"),
        Tables.rate("persons", Rate.Base.PERSONS),
        Tables.rate("years", Rate.Base.PERSON_YEARS),
        Tables.indicator("ratio", new Ratio(), Direction.LOWER_IS_BETTER, Optional.of(1.0)),
        Tables.continuous("c"));
    ResultTable table = Tables.table(rows(random, indicators));

    AssessedTable fast = Assessment.assess(table, indicators, adjustment);
    AssessedTable direct = Assessment.assess(table, indicators, adjustment, ExactIntervals.direct(0.95));
    AssessedTable reference = DirectAssessment.assess(table, indicators, adjustment);
    assertEquals(reference.rows().size(), fast.rows().size());
    for (int i = 0; i < fast.rows().size(); i++) {
      assertEquals(reference.rows().get(i), fast.rows().get(i), "row " + i + ": " + table.rows().get(i));
      assertEquals(direct.rows().get(i), fast.rows().get(i), "row " + i + ": " + table.rows().get(i));
    }
  }

  /** A nation of two regions, clusters (one unassigned) and clinics (some unassigned), two periods. */
  private static List<ResultRow> rows(Random random, List<Indicator> indicators) {
    int clusters = 1 + random.nextInt(5);
    List<String> clusterIds = new ArrayList<>();
    List<String> regionOf = new ArrayList<>();
    for (int k = 0; k < clusters; k++) {
      clusterIds.add("k" + k);
      regionOf.add(random.nextInt(4) == 0 ? UnitIds.UNASSIGNED : "r" + random.nextInt(2));
    }
    clusterIds.add(UnitIds.UNASSIGNED);
    regionOf.add(UnitIds.UNASSIGNED);
    List<String> clinicIds = new ArrayList<>();
    List<Integer> clusterOf = new ArrayList<>();
    int clinics = 1 + random.nextInt(12);
    for (int c = 0; c < clinics; c++) {
      clinicIds.add("c" + c);
      clusterOf.add(random.nextInt(6) == 0 ? clusters : random.nextInt(clusters));
    }
    List<ResultRow> out = new ArrayList<>();
    List<MeasurementPeriod> periods = List.of(MeasurementPeriod.year(2024), MeasurementPeriod.month(YearMonth.of(2024, 3)));
    for (Indicator ind : indicators) {
      for (MeasurementPeriod period : periods) {
        PopulationCounts[] clinic = new PopulationCounts[clinics];
        PopulationCounts[] cluster = new PopulationCounts[clusterIds.size()];
        Map<String, PopulationCounts> region = new TreeMap<>();
        PopulationCounts nation = PopulationCounts.ZERO;
        for (int k = 0; k < cluster.length; k++) {
          cluster[k] = PopulationCounts.ZERO;
        }
        for (int c = 0; c < clinics; c++) {
          clinic[c] = counts(random);
          cluster[clusterOf.get(c)] = cluster[clusterOf.get(c)].plus(clinic[c]);
        }
        for (int c = 0; c < clinics; c++) {
          String parent = clusterIds.get(clusterOf.get(c));
          out.add(row(ind, period, Level.CLINIC, clinicIds.get(c), parent, clinic[c], random));
        }
        for (int c = 0; c < clinics; c++) {
          PopulationCounts rest = cluster[clusterOf.get(c)].minus(clinic[c]);
          out.add(row(ind, period, Level.REST_OF_CLUSTER, clinicIds.get(c), clusterIds.get(clusterOf.get(c)), rest, random));
        }
        for (int k = 0; k < cluster.length; k++) {
          out.add(row(ind, period, Level.CLUSTER, clusterIds.get(k), regionOf.get(k), cluster[k], random));
          region.merge(regionOf.get(k), cluster[k], PopulationCounts::plus);
          nation = nation.plus(cluster[k]);
        }
        for (var e : region.entrySet()) {
          out.add(row(ind, period, Level.REGION, e.getKey(), "", e.getValue(), random));
        }
        out.add(row(ind, period, Level.NATION, UnitIds.NATION, "", nation, random));
      }
    }
    return out;
  }

  /** Counts that obey the population order; small, so that they repeat; zero denominators too. */
  private static PopulationCounts counts(Random random) {
    long denominator = random.nextInt(5) == 0 ? 0 : random.nextInt(40);
    long exclusions = denominator == 0 ? 0 : random.nextInt((int) Math.min(3, denominator + 1));
    long exceptions = denominator - exclusions == 0 ? 0 : random.nextInt((int) Math.min(2, denominator - exclusions + 1));
    long effective = denominator - exclusions - exceptions;
    long numerator = effective == 0 ? 0 : random.nextInt((int) effective + 1);
    long numeratorExclusions = numerator == 0 ? 0 : random.nextInt((int) Math.min(2, numerator + 1));
    long events = random.nextInt(3) == 0 ? 0 : random.nextInt(25);
    long personDays = denominator * (200 + random.nextInt(166));
    return new PopulationCounts(denominator + random.nextInt(3), denominator, exclusions, exceptions,
        numerator + numeratorExclusions, numeratorExclusions, events, personDays, effective);
  }

  private static ResultRow row(Indicator ind, MeasurementPeriod period, Level level, String unit, String parent,
      PopulationCounts c, Random random) {
    return new ResultRow(ind.id(), ind.version(), level, unit, parent, period, c, value(ind.scoring(), c, random));
  }

  private static OptionalDouble value(Scoring scoring, PopulationCounts c, Random random) {
    if (scoring instanceof Proportion) {
      return Scores.percent(c.effectiveNumerator(), c.effectiveDenominator());
    }
    if (scoring instanceof Rate rate) {
      return rate.base() == Rate.Base.PERSONS ? Scores.ratePer(c.events(), c.effectiveDenominator(), rate.per())
          : Scores.ratePerPersonYears(c.events(), c.personDays(), rate.per());
    }
    if (scoring instanceof Ratio) {
      return Scores.ratio(c.effectiveNumerator(), c.effectiveDenominator());
    }
    return c.valued() == 0 ? OptionalDouble.empty() : OptionalDouble.of(40 + random.nextInt(40));
  }
}
