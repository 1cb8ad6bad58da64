package org.klynge.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.klynge.core.result.Tables.p;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.klynge.core.definition.Indicator;
import org.klynge.core.disclosure.Audience;
import org.klynge.core.disclosure.DisclosurePolicy;
import org.klynge.core.disclosure.Viewer;

/** Deciles and percentiles of clinics, and the national standing rows get from them. */
class ClinicDistributionTest {
  private static final Indicator PROP = Tables.proportion("prop");

  @Test
  void quantile_interpolatesBetweenOrderStatistics_asRAndNumPyDo() {
    double[] sorted = {1, 2, 3, 4, 5};
    assertEquals(1.4, ClinicDistribution.quantile(sorted, 0.1), 1e-12);
    assertEquals(3.0, ClinicDistribution.quantile(sorted, 0.5), 1e-12);
    assertEquals(4.6, ClinicDistribution.quantile(sorted, 0.9), 1e-12);
    assertEquals(7.0, ClinicDistribution.quantile(new double[] {7}, 0.3), 1e-12);
  }

  @Test
  void percentile_countsLowerValuesAndHalfTheTies() {
    double[] sorted = {1, 2, 2, 5};
    assertEquals(12.5, ClinicDistribution.percentile(sorted, 1), 1e-12);
    assertEquals(50.0, ClinicDistribution.percentile(sorted, 2), 1e-12);
    assertEquals(87.5, ClinicDistribution.percentile(sorted, 5), 1e-12);
  }

  @Test
  void of_leavesOutClinicsWithoutValueWithSmallDenominatorsOrIncompleteData() {
    List<ClinicDistribution.Entry> clinics = List.of(
        new ClinicDistribution.Entry("a", OptionalDouble.of(50), 40, false),
        new ClinicDistribution.Entry("b", OptionalDouble.of(70), 40, false),
        new ClinicDistribution.Entry("c", OptionalDouble.of(90), 9, false),
        new ClinicDistribution.Entry("d", OptionalDouble.of(0), 40, true),
        new ClinicDistribution.Entry("e", OptionalDouble.empty(), 0, false));
    ClinicDistribution d = ClinicDistribution.of("prop", "1", Tables.Y2024, clinics);
    assertEquals(2, d.ranked());
    assertEquals(3, d.leftOut());
    assertEquals(25.0, d.percentile("a").getAsDouble(), 1e-12);
    assertEquals(OptionalDouble.empty(), d.percentile("c"), "9 persons are too few to rank");
    assertEquals(52.0, d.deciles().get(0), 1e-12);
  }

  @Test
  void assess_givesPercentilesAndDecilesOnlyWhenTwentyClinicsAreRanked() {
    for (int clinics : new int[] {19, 20}) {
      List<ResultRow> rows = new ArrayList<>();
      long x = 0;
      for (int c = 0; c < clinics; c++) {
        rows.add(p(PROP, Level.CLINIC, "c" + c, "k1", 10 + c, 50));
        x += 10 + c;
      }
      rows.add(p(PROP, Level.CLUSTER, "k1", "r1", x, 50L * clinics));
      rows.add(p(PROP, Level.NATION, UnitIds.NATION, "", x, 50L * clinics));
      AssessedTable t = Assessment.assess(Tables.table(rows), List.of(PROP));
      RowStatistics lowest = t.rows().get(0).statistics();
      RowStatistics nation = t.rows().get(clinics + 1).statistics();
      if (clinics < NationalStanding.MIN_RANKED) {
        assertTrue(lowest.standing().isEmpty() && nation.standing().isEmpty(), "too few clinics to rank");
        continue;
      }
      assertEquals(2.5, lowest.standing().orElseThrow().percentile().getAsDouble(), 1e-12, "1 of 20, half of it");
      NationalStanding dk = nation.standing().orElseThrow();
      assertEquals(20, dk.clinicsRanked());
      assertEquals(9, dk.deciles().size());
      // values 20 %, 22 %, …, 58 %: the median is between the 10th and 11th, 38 % and 40 %
      assertEquals(39.0, dk.deciles().get(4), 1e-9);
      assertTrue(t.rows().get(clinics).statistics().standing().isEmpty(), "a cluster has no standing");
      PublishedTable published = Publication.publish(t, Viewer.of(Audience.PUBLIC), DisclosurePolicy.defaults(), "k");
      PublishedRow dkRow = published.rows().stream().filter(r -> r.level() == Level.NATION).findFirst().orElseThrow();
      assertEquals(Optional.of(dk), dkRow.statistics().standing(), "the nation's deciles are published");
    }
  }
}
