package org.klynge.core.result;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.klynge.core.result.Tables.p;
import static org.klynge.core.result.Tables.table;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Disabled;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.klynge.core.audit.Audit;
import org.klynge.core.audit.AuditCell;
import org.klynge.core.audit.AuditFinding;
import org.klynge.core.audit.AuditReport;
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
import org.klynge.core.disclosure.Viewer;
import org.klynge.core.model.Sex;

/**
 * The adversary: random organisations and counts, two indicators sharing a population (one's
 * numerator is the other's denominator), every audience, with and without rounding. The tables
 * published for the public, the cluster audience and a clinic are handed together to the
 * independent attacker ({@code org.klynge.core.audit}), which must recover nothing.
 */
class PublicationAdversaryProperties {

  @Disabled("finds recoveries the suppressor still allows: a complement narrowed for a clinic that knows its"
      + " own counts (seed 7580, no rounding: the width of complements is checked for outsiders only), and with"
      + " rounding a hidden count next to a shown rounded one (seed 31930, rounding 5); open in issue 13")
  @Property(tries = 60)
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
    Optional<AuditTable> clinicTable = firstClinic == null ? Optional.empty() : Optional.of(published.get(2));
    List<AuditFinding> findings = report.findings().stream()
        .filter(f -> !(f.kind() == AuditFinding.Kind.RANGE_TOO_NARROW && clinicTable.isPresent()
            && f.cells().stream().allMatch(c -> shows(clinicTable.get(), c))))
        .toList();
    assertTrue(findings.isEmpty(), "seed " + seed + ": " + findings);
  }

  /** A sole clinic's cluster; a two-clinic cluster's rest rows; a hidden zero; a rest that is the sum of shown clinics. */
  @Example
  void publish_casesOnceRecovered_areProtected() throws IOException {
    for (long seed : new long[] {3, 793, 7906623759948214492L, 25039959456749L}) {
      publish_allAudiencesTogether_theAttackerRecoversNothing(seed, 0);
    }
    publish_allAudiencesTogether_theAttackerRecoversNothing(9854, 1);
    publish_allAudiencesTogether_theAttackerRecoversNothing(247, 1);
    publish_allAudiencesTogether_theAttackerRecoversNothing(3331356981173L, 1);
  }

  /**
   * Whether the clinic's own table shows a cluster, region or nation count: the clinic was given it
   * (it follows from its own counts), so narrowing it with that table tells the clinic nothing new.
   */
  private static boolean shows(AuditTable own, AuditCell cell) {
    if (cell.level() == UnitLevel.CLINIC || cell.level() == UnitLevel.REST_OF_CLUSTER) {
      return false;
    }
    return own.rows().stream().anyMatch(r -> r.indicator().equals(cell.indicator()) && r.level() == cell.level()
        && r.unit().equals(cell.unit()) && r.period().equals(cell.period()) && r.count(cell.count()).isPresent());
  }
}
