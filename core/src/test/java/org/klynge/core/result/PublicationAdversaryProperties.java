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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.klynge.core.audit.Audit;
import org.klynge.core.audit.AuditReport;
import org.klynge.core.audit.AuditSettings;
import org.klynge.core.audit.AuditTable;
import org.klynge.core.audit.PublishedFileReader;
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

  @Disabled("finds recoveries the suppressor still allows (e.g. seeds 2 and 24393024950156: a hidden zero"
      + " and a hidden denominator worked out exactly in the cluster table, and a clinic's rest of cluster"
      + " narrowed to 0..4 in its own table); open in issue 13")
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
        firstClinic = firstClinic == null ? "k0-c0" : firstClinic;
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
    for (Viewer viewer : List.of(Viewer.of(Audience.PUBLIC), Viewer.of(Audience.CLUSTER), Viewer.clinic(firstClinic))) {
      StringWriter out = new StringWriter();
      ResultWriter.writeCsv(Publication.publish(assessed, viewer, policy, "key"), out);
      published.add(PublishedFileReader.readCsv(viewer.audience().code() + ".csv", new StringReader(out.toString())));
    }
    AuditReport report = Audit.runTables(published, AuditSettings.of(Audience.DEFAULT_THRESHOLD));
    assertTrue(report.passed(), "seed " + seed + ": " + report.findings());
  }
}
