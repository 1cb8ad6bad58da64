package org.klynge.report;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.Reconciliation;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Direction;
import org.klynge.core.definition.Granularity;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.KeyQuestions;
import org.klynge.core.definition.AgeInRange;
import org.klynge.core.definition.Listed;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.definition.Populations;
import org.klynge.core.definition.Proportion;
import org.klynge.core.definition.Translation;
import org.klynge.core.disclosure.Audience;
import org.klynge.core.disclosure.DisclosurePolicy;
import org.klynge.core.disclosure.Viewer;
import org.klynge.core.result.Assessment;
import org.klynge.core.result.Level;
import org.klynge.core.result.PopulationCounts;
import org.klynge.core.result.Provenance;
import org.klynge.core.result.Publication;
import org.klynge.core.result.PublishedTable;
import org.klynge.core.result.ResultRow;
import org.klynge.core.result.ResultTable;
import org.klynge.core.result.Scores;
import org.klynge.core.result.UnitIds;

/**
 * A small hand-made result table, published for the cluster audience: cluster k1 (clinics A, the
 * viewer's own, B, C, D, F and G; C is small and suppressed, and in March the whole cluster is) and
 * cluster k2 (clinic E) in region r1, one proportion indicator with a standard of 80 %, for 2024
 * and each month, in a package with a meeting on 27 February.
 */
final class ReportFixture {
  static final String CLUSTER_NAME = "Klynge <Øst> & \"Vest\"";
  static final LocalDate MEETING = LocalDate.of(2024, 2, 27);

  private ReportFixture() {}

  static Indicator indicator() {
    return Indicator.builder().id("hba1c-measured").version("1").title("HbA1c measured <yearly>")
        .description("Share of patients with a measurement.").scoring(new Proportion())
        .translations(Map.of("da", new Translation(Optional.of("HbA1c målt <årligt>"),
            Optional.of("Andel patienter med en måling."), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty())))
        .populations(Populations.of(Listed.atReferenceDate(), AgeInRange.atLeast(18)))
        .direction(Direction.HIGHER_IS_BETTER).standardTarget(80).unit("%").build();
  }

  /** What a report is made from. */
  record Input(PublishedTable published, DefinitionSet definitions, ClusterPackage pkg, Recipient recipient) {}

  static Input input() {
    Indicator ind = indicator();
    ClusterPackage pkg = new ClusterPackage("diabetes", "1", "Diabetes & follow-up", "Follow-up of diabetes",
        new KeyQuestions("Patients miss their measurement.", "Fully, from care-plan data.", "Call patients in."),
        ImmutableList.of(ind), MeasurementPeriod.year(2024), Granularity.MONTH, ImmutableList.of(MEETING),
        Optional.empty(), Optional.empty(), ImmutableSortedMap.of("da", new Translation(Optional.of("Diabetes & opfølgning"),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("Opfølgning af diabetes"),
            Optional.of(new KeyQuestions("Patienter mangler deres måling.", "Fuldt ud, fra forløbsplandata.",
                "Indkalde patienterne.")))));
    DefinitionSet definitions = new DefinitionSet(DefinitionSet.CURRENT_SCHEMA_VERSION, ImmutableList.of(), ImmutableList.of(),
        ImmutableList.of(), ImmutableList.of(ind), ImmutableList.of(pkg));

    List<ResultRow> rows = new ArrayList<>();
    rows.addAll(period(ind, MeasurementPeriod.year(2024), Map.of("A", new long[] {96, 120}, "B", new long[] {70, 100},
        "C", new long[] {2, 3}, "D", new long[] {150, 160}, "E", new long[] {400, 500},
        "F", new long[] {120, 150}, "G", new long[] {60, 90})));
    for (int m = 1; m <= 12; m++) {
      MeasurementPeriod month = MeasurementPeriod.month(YearMonth.of(2024, m));
      Map<String, long[]> counts = m == 3
          ? Map.of("A", new long[] {1, 2}, "B", new long[] {1, 1}, "C", new long[] {0, 1}, "D", new long[] {1, 1},
              "E", new long[] {30, 40}, "F", new long[] {0, 0}, "G", new long[] {0, 1})
          : Map.of("A", new long[] {8 + (m > 2 ? 3 : 0), 12}, "B", new long[] {6, 9}, "C", new long[] {0, 1},
              "D", new long[] {12, 14}, "E", new long[] {33, 42},
              "F", new long[] {9, 12}, "G", new long[] {5, 8});
      rows.addAll(period(ind, month, counts));
    }
    ResultTable results = new ResultTable(ImmutableList.copyOf(rows),
        new Provenance(ImmutableSortedMap.of(ind.key(), "0123abcd"), ImmutableSortedMap.of("carePlans", LocalDate.of(2025, 1, 31)),
            "test-1.0"),
        new Reconciliation(ImmutableSortedMap.of("events", ImmutableSortedMap.of(
            new Reconciliation.Line(Outcome.USED, ""), 90L,
            new Reconciliation.Line(Outcome.EXCLUDED, "duplicate event"), 7L,
            new Reconciliation.Line(Outcome.REJECTED, "unknown patient <p9>"), 3L)), ImmutableList.of()));
    PublishedTable published = Publication.publish(Assessment.assess(results, List.of(ind)),
        new Viewer(Audience.CLUSTER, Optional.of("A")), DisclosurePolicy.defaults(), "test-key");
    return new Input(published, definitions, pkg, new Recipient("k1", CLUSTER_NAME, "A", "Clinic A & Partners"));
  }

  /** The clinic, rest-of-cluster, cluster, region and nation rows of one period. */
  private static List<ResultRow> period(Indicator ind, MeasurementPeriod p, Map<String, long[]> clinics) {
    Map<String, String> clusterOf = new LinkedHashMap<>();
    for (String c : List.of("A", "B", "C", "D", "F", "G")) {
      clusterOf.put(c, "k1");
    }
    clusterOf.put("E", "k2");
    List<ResultRow> rows = new ArrayList<>();
    Map<String, long[]> clusters = new LinkedHashMap<>();
    long[] nation = new long[2];
    clusterOf.forEach((clinic, cluster) -> {
      long[] c = clinics.get(clinic);
      rows.add(row(ind, p, Level.CLINIC, clinic, cluster, c[0], c[1]));
      long[] sum = clusters.computeIfAbsent(cluster, k -> new long[2]);
      sum[0] += c[0];
      sum[1] += c[1];
      nation[0] += c[0];
      nation[1] += c[1];
    });
    clusterOf.forEach((clinic, cluster) -> {
      long[] c = clinics.get(clinic);
      long[] sum = clusters.get(cluster);
      rows.add(row(ind, p, Level.REST_OF_CLUSTER, clinic, cluster, sum[0] - c[0], sum[1] - c[1]));
    });
    clusters.forEach((cluster, sum) -> rows.add(row(ind, p, Level.CLUSTER, cluster, "r1", sum[0], sum[1])));
    rows.add(row(ind, p, Level.REGION, "r1", "", nation[0], nation[1]));
    rows.add(row(ind, p, Level.NATION, UnitIds.NATION, "", nation[0], nation[1]));
    return rows;
  }

  private static ResultRow row(Indicator ind, MeasurementPeriod p, Level level, String unit, String parent, long x, long n) {
    return new ResultRow(ind.id(), ind.version(), level, unit, parent, p, new PopulationCounts(n, n, 0, 0, x, 0, 0, 0, 0),
        Scores.percent(x, n));
  }
}
