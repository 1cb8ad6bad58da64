package org.klynge.core.result;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.klynge.core.result.Tables.p;
import static org.klynge.core.result.Tables.table;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.klynge.core.audit.Audit;
import org.klynge.core.audit.AuditCell;
import org.klynge.core.audit.AuditFinding;
import org.klynge.core.audit.AuditReport;
import org.klynge.core.audit.AuditRow;
import org.klynge.core.audit.AuditSettings;
import org.klynge.core.audit.AuditTable;
import org.klynge.core.audit.PublishedFileReader;
import org.klynge.core.audit.UnitLevel;
import org.klynge.core.definition.AgeInRange;
import org.klynge.core.definition.Direction;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.PopulationRef;
import org.klynge.core.definition.Populations;
import org.klynge.core.definition.Proportion;
import org.klynge.core.definition.SexIs;
import org.klynge.core.disclosure.Audience;
import org.klynge.core.disclosure.DisclosurePolicy;
import org.klynge.core.disclosure.Pseudonyms;
import org.klynge.core.disclosure.Viewer;
import org.klynge.core.model.Sex;

/**
 * The adversary: random organisations and counts, two indicators sharing a population (one's
 * numerator is the other's denominator), every audience, with and without rounding. The tables
 * published for the public, the cluster audience and a clinic are handed together to the
 * independent attacker ({@code org.klynge.core.audit}), which must recover nothing.
 */
class PublicationAdversaryProperties {

  @Property(tries = 400)
  void publish_allAudiencesTogether_theAttackerRecoversNothing(
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed, @ForAll @IntRange(min = 0, max = 2) int rounding)
      throws IOException {
    Random rnd = new Random(seed);
    PopulationRef base = new PopulationRef("base");
    SexIs measured = new SexIs(Sex.FEMALE);
    Indicator first = Indicator.builder().id("measured").version("1").title("m").scoring(new Proportion())
        .populations(Populations.of(base, measured)).direction(Direction.HIGHER_IS_BETTER).build();
    Indicator second = Indicator.builder().id("above").version("1").title("a").scoring(new Proportion())
        .populations(new Populations(base, Optional.of(measured), Optional.empty(), Optional.empty(),
            Optional.of(AgeInRange.atLeast(70)), Optional.empty()))
        .direction(Direction.LOWER_IS_BETTER).build();

    List<ResultRow> rows = new ArrayList<>();
    int clusters = 1 + rnd.nextInt(3);
    int[] sizes = new int[clusters];
    long[][][] counts = new long[clusters][][];
    String firstClinic = null;
    for (int k = 0; k < clusters; k++) {
      sizes[k] = 1 + rnd.nextInt(5);
      counts[k] = new long[sizes[k]][3];
      for (int i = 0; i < sizes[k]; i++) {
        long persons = rnd.nextInt(3) == 0 ? rnd.nextInt(8) : 10 + rnd.nextInt(80);
        long inFirst = rnd.nextInt((int) persons + 1);
        long inSecond = rnd.nextInt((int) inFirst + 1);
        counts[k][i] = new long[] {persons, inFirst, inSecond};
        // A cluster's only clinic knows its cluster's counts (they are its own): the viewer is a clinic
        // with neighbours, so that everything the attacker learns about its cluster is news.
        firstClinic = firstClinic == null && sizes[k] >= 2 ? "k" + k + "-c0" : firstClinic;
      }
    }
    for (Indicator ind : List.of(first, second)) {
      long rx = 0;
      long rn = 0;
      for (int k = 0; k < clusters; k++) {
        long kx = 0;
        long kn = 0;
        for (int i = 0; i < sizes[k]; i++) {
          long[] c = counts[k][i];
          long x = ind == first ? c[1] : c[2];
          long n = ind == first ? c[0] : c[1];
          rows.add(p(ind, Level.CLINIC, "k" + k + "-c" + i, "k" + k, x, n));
          kx += x;
          kn += n;
        }
        for (int i = 0; i < sizes[k]; i++) {
          long[] c = counts[k][i];
          long x = ind == first ? c[1] : c[2];
          long n = ind == first ? c[0] : c[1];
          rows.add(p(ind, Level.REST_OF_CLUSTER, "k" + k + "-c" + i, "k" + k, kx - x, kn - n));
        }
        rows.add(p(ind, Level.CLUSTER, "k" + k, "r1", kx, kn));
        rx += kx;
        rn += kn;
      }
      rows.add(p(ind, Level.REGION, "r1", "", rx, rn));
      rows.add(p(ind, Level.NATION, UnitIds.NATION, "", rx, rn));
    }
    AssessedTable assessed = Assessment.assess(table(rows), List.of(first, second));
    DisclosurePolicy policy = DisclosurePolicy.defaults();
    if (rounding > 0) {
      policy = policy.withRounding(rounding == 1 ? 5 : 10);
    }
    List<AuditTable> published = new ArrayList<>();
    List<Viewer> viewers = new ArrayList<>(List.of(Viewer.of(Audience.PUBLIC), Viewer.of(Audience.CLUSTER)));
    if (firstClinic != null) {
      viewers.add(Viewer.clinic(firstClinic));
    }
    for (Viewer viewer : viewers) {
      StringWriter out = new StringWriter();
      ResultWriter.writeCsv(Publication.publish(assessed, viewer, policy, "key"), out);
      published.add(PublishedFileReader.readCsv(viewer.audience().code() + ".csv", new StringReader(out.toString())));
    }
    AuditReport report = Audit.runTables(published, AuditSettings.of(Audience.DEFAULT_THRESHOLD));
    List<AuditFinding> findings = report.findings();
    if (firstClinic != null) {
      ViewerKnowledge own = new ViewerKnowledge(firstClinic, sizes, published);
      findings = findings.stream().filter(f -> !(f.kind() == AuditFinding.Kind.RANGE_TOO_NARROW
          && f.cells().stream().allMatch(own::knows))).toList();
    }
    assertTrue(findings.isEmpty(), "seed " + seed + ": " + findings);
  }

  /**
   * Cases once recovered: a sole clinic's cluster; a two-clinic cluster's rest rows; a hidden zero; a rest
   * that is the sum of shown clinics; a complement narrowed for a clinic knowing its own counts (7580); a
   * numerator of nobody (18, 378); the viewer's own count as a cluster or a rest (614, 654855); and with
   * rounding, counts shown to a clinic that only the exact shown counts would give it (31930, 8, 157688).
   */
  @Example
  void publish_casesOnceRecovered_areProtected() throws IOException {
    for (long seed : new long[] {3, 793, 7580, 18, 378, 614, 654855, 7906623759948214492L, 25039959456749L}) {
      publish_allAudiencesTogether_theAttackerRecoversNothing(seed, 0);
    }
    for (long seed : new long[] {9854, 247, 8, 31930, 157688, 3331356981173L}) {
      publish_allAudiencesTogether_theAttackerRecoversNothing(seed, 1);
    }
  }

  /**
   * What the viewer clinic knows without any table: its own counts, under whichever label a file
   * gives them (its id in its own table, a pseudonym in the cluster table, the rest beside the other
   * of two clinics), and every count of its cluster that its own counts and the other clinics'
   * published counts make up (the cluster, a rest of cluster, another clinic as the cluster minus the
   * rest). Narrowing those tells it nothing new: it is what
   * {@code Suppressor} leaves to an insider. So are the region and nation when the other clusters
   * are published too.
   */
  private static final class ViewerKnowledge {
    private final String viewer;
    private final String cluster;
    private final List<String> others = new ArrayList<>();
    private final List<String> otherClusters = new ArrayList<>();
    private final Map<String, Map<String, String>> labelsByFile = new HashMap<>();
    private final List<AuditTable> tables;

    ViewerKnowledge(String viewer, int[] sizes, List<AuditTable> tables) {
      this.viewer = viewer;
      this.cluster = viewer.substring(0, viewer.indexOf('-'));
      this.tables = tables;
      int k = Integer.parseInt(cluster.substring(1));
      List<String> clinics = new ArrayList<>();
      for (int i = 0; i < sizes[k]; i++) {
        clinics.add(cluster + "-c" + i);
        if (i > 0) {
          others.add(cluster + "-c" + i);
        }
      }
      for (int j = 0; j < sizes.length; j++) {
        if (j != k) {
          otherClusters.add("k" + j);
        }
      }
      Map<String, List<String>> byCluster = Map.of(cluster, clinics);
      labelsByFile.put("public.csv", Map.of());
      labelsByFile.put("cluster.csv", Pseudonyms.of(byCluster, Optional.empty(), "key"));
      labelsByFile.put("clinic.csv", Pseudonyms.of(byCluster, Optional.of(viewer), "key"));
    }

    boolean knows(AuditCell cell) {
      Map<String, String> labels = labelsByFile.get(cell.file());
      String ownLabel = labels.getOrDefault(viewer, viewer);
      if (cell.level() == UnitLevel.CLINIC) {
        // Another clinic is the cluster minus the viewer's own and the rest, when those are published.
        return cell.unit().equals(ownLabel) || cell.unit().startsWith(cluster + "-")
            && published(UnitLevel.CLUSTER, cluster, cell) && others.stream()
                .filter(c -> !cell.unit().equals(labels.getOrDefault(c, c)))
                .allMatch(c -> published(UnitLevel.CLINIC, c, cell));
      }
      if (cell.level() == UnitLevel.REST_OF_CLUSTER) {
        // The rest beside a clinic: the viewer's own count and the other clinics', each published.
        return cell.unit().startsWith(cluster + "-") && others.stream()
            .filter(c -> !cell.unit().equals(labels.getOrDefault(c, c)))
            .allMatch(c -> published(UnitLevel.CLINIC, c, cell));
      }
      if (tables.size() > 2 && shownIn(tables.get(2), cell)) {
        return true; // its own table shows it: the viewer was given it
      }
      boolean ownCluster = others.stream().allMatch(c -> published(UnitLevel.CLINIC, c, cell));
      if (cell.level() == UnitLevel.CLUSTER) {
        return cell.unit().equals(cluster) && ownCluster;
      }
      // The one region and the nation: the viewer's cluster and the other clusters, each published.
      return ownCluster && otherClusters.stream().allMatch(k -> published(UnitLevel.CLUSTER, k, cell));
    }

    private static boolean shownIn(AuditTable own, AuditCell cell) {
      return own.rows().stream().anyMatch(r -> r.indicator().equals(cell.indicator()) && r.level() == cell.level()
          && r.unit().equals(cell.unit()) && r.period().equals(cell.period()) && r.count(cell.count()).isPresent());
    }

    /** Whether some table shows the count of the kind of {@code like} of a clinic or cluster. */
    private boolean published(UnitLevel level, String unit, AuditCell like) {
      for (AuditTable t : tables) {
        String label = level == UnitLevel.CLINIC ? labelsByFile.get(t.source()).get(unit) : unit;
        for (AuditRow r : t.rows()) {
          if (r.level() == level && r.unit().equals(label) && r.indicator().equals(like.indicator())
              && r.period().equals(like.period()) && r.count(like.count()).isPresent()) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
