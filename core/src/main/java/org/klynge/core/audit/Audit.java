package org.klynge.core.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An attacker anyone can run against published result files: for every hidden count it derives, by linear
 * programming, the range of values the files together leave possible, and reports the counts that are
 * (nearly) given away, the small counts that are shown, and files that contradict each other.
 *
 * <h2>What the attacker knows</h2>
 *
 * <p>Every count of every row of every file is a cell. Two cells are the same unknown when they have the same
 * population identity ({@code numerator_population}/{@code denominator_population}), the same unit and the
 * same period, across rows, indicators and files. Clusters, regions, the nation and unattributed are the
 * same unit in every file; the viewer's own clinic ({@code own_clinic = true}) too; other clinics are
 * pseudonyms that mean something only inside their file. A shown count is a constant; with rounding base B
 * a shown count c says only {@code max(0, c − B/2) ≤ v ≤ c + B − 1 − B/2}. All counts are integers ≥ 0.
 *
 * <h2>The relations</h2>
 *
 * <p>Per population identity and period (each relation once, however many rows or files give it):
 * <ol>
 *   <li>a cluster is the sum of its clinic rows in a file that has clinic rows under it (such a file holds
 *       all of the cluster's clinics);
 *   <li>a rest-of-cluster row (unit u, parent k) is cluster k minus clinic u of the same file;
 *   <li>a region is the sum of the cluster rows, in all files, whose parent is the region;
 *   <li>the nation {@code DK} is the sum of the region rows; unattributed belongs to no sum;
 *   <li>numerator ≤ denominator on rows of kind {@code persons-in-denominator};
 *   <li>for {@code events} numerators, a period exactly tiled by two or more calendar months (or quarters)
 *       of the same population and unit is their sum. These period relations may not hold in the data
 *       (Klynge counts the events of the persons counted on each period's reference date), so when a
 *       component's linear program is infeasible with them they are dropped for that component
 *       ({@link AuditReport#periodRelationsDropped}).
 * </ol>
 *
 * <h2>The linear programs</h2>
 *
 * <ol>
 *   <li><b>Propagation.</b> The bounds of every cell are first narrowed by interval arithmetic over all
 *       relations except the period relations, to a fixed point (cheap; see {@code Propagation}).
 *   <li><b>Components.</b> A relation goes into a linear program only when it holds a hidden unknown (a cell
 *       that no row shows and that propagation did not pin down). Its cells that are still not known exactly
 *       (hidden cells, and rounded shown cells with their propagated bounds) are its unknowns; union-find over
 *       these relations splits the unknowns into independent components, and only a cell's component goes
 *       into its program.
 *   <li><b>Ranges.</b> Each component's model is built once (ojAlgo) and solved at most twice per hidden
 *       cell, for its minimum and maximum; the range is {@code [ceil(min − 1e-6), floor(max + 1e-6)]}, an unbounded
 *       maximum meaning no upper limit. A solution that puts another cell at one of its bounds settles that
 *       side of that cell without a program of its own. A component that is infeasible without period
 *       relations means the files contradict each other: an {@link AuditFinding.Kind#INCONSISTENT} finding
 *       with its cells.
 *   <li><b>Trees.</b> A component whose relations form a tree (no cycle through its unknowns and
 *       relations) is solved exactly by propagation and needs no program: at a fixed point every value in a
 *       cell's bounds extends to a solution of the whole tree. A component with period relations first
 *       propagates its own relations, period relations included, on a local copy of its bounds.
 *       Components are solved in parallel.
 * </ol>
 *
 * <p><b>Rounding.</b> With rounding every shown count is a bounded unknown, and a full linear program would
 * join whole hierarchies into one component. Instead, rounded shown cells enter the programs only through
 * relations that also hold a hidden cell (one hop), with the bounds that propagation over <em>all</em>
 * relations gave them. This attacker is slightly weaker than a full linear program over the whole table
 * under rounding (propagation is not as strong as a linear program on the relations it handles alone), so
 * a publication it passes is not proven safe against a stronger one; a finding it reports is real (as far as
 * the relations hold).
 *
 * <h2>Findings</h2>
 *
 * <ul>
 *   <li>{@link AuditFinding.Kind#RANGE_TOO_NARROW}: a hidden count with {@code upper − lower < protection},
 *       including exact recovery ({@code lower == upper});
 *   <li>{@link AuditFinding.Kind#SMALL_COUNT_SHOWN}: a shown count from 1 to {@code threshold − 1} on a row
 *       that is not the viewer's own clinic (a rest-of-cluster row is other clinics' counts, never exempt,
 *       except beside the other clinic of a two-clinic cluster, where the rest is the viewer's own clinic,
 *       and where it equals the viewer's own count plus the counts the file shows for every other clinic;
 *       nor is the viewer's cluster, region or nation showing exactly the viewer's own count);
 *   <li>{@link AuditFinding.Kind#INCONSISTENT}: counts that no values satisfy, whether one cell shown with
 *       two values or a component of relations.
 * </ul>
 *
 * <p>Example: a cluster shows 20; its clinics show 9 and 6 and hide the third: the third is exactly 5, a
 * {@code RANGE_TOO_NARROW} finding with range {@code = 5}.
 *
 * <p>The ranges are of the linear-programming relaxation (rounded inwards to integers), so they may be a
 * little wider than an integer attacker's; an attacker that can link pseudonyms across files knows more.
 */
public final class Audit {

  private Audit() {}

  /**
   * Reads the published files (CSV or JSON by extension) and audits them together.
   *
   * @throws AuditInputException when a file is not a readable published table
   * @throws IOException when a file cannot be read
   */
  public static AuditReport run(List<Path> files, AuditSettings settings) throws IOException {
    List<AuditTable> tables = new ArrayList<>(files.size());
    for (Path f : files) {
      tables.add(PublishedFileReader.read(f));
    }
    return runTables(tables, settings);
  }

  /** Audits tables already read (or built in memory), together. */
  public static AuditReport runTables(List<AuditTable> tables, AuditSettings settings) {
    Knowledge knowledge = Knowledge.of(tables);
    Attack attack = Attack.run(knowledge);
    CellIndex cells = knowledge.cells;
    List<Located> findings = new ArrayList<>();
    smallCounts(knowledge, settings, findings);
    int hidden = 0;
    for (int c = 0; c < cells.size(); c++) {
      if (!cells.hidden(c)) {
        continue;
      }
      hidden++;
      if (!attack.inconsistent[c] && attack.upper[c] != CellIndex.UNBOUNDED
          && attack.upper[c] - attack.lower[c] < settings.protection()
          && !viewersOwn(knowledge, cells.firstHidden[c], attack.lower[c] == attack.upper[c]
              ? OptionalLong.of(attack.lower[c]) : OptionalLong.empty())) {
        long at = cells.firstHidden[c];
        findings.add(new Located(at, AuditFinding.of(AuditFinding.Kind.RANGE_TOO_NARROW, cell(knowledge, at),
            new CountRange(attack.lower[c], attack.upper[c]))));
      }
    }
    for (long[] conflict : knowledge.conflicts) {
      findings.add(new Located(conflict[0], new AuditFinding(AuditFinding.Kind.INCONSISTENT,
          List.of(cell(knowledge, conflict[0]), cell(knowledge, conflict[1])), Optional.empty())));
    }
    for (int[] contradiction : attack.contradictions) {
      List<Long> at = new ArrayList<>();
      for (int c : contradiction) {
        if (cells.firstSeen[c] != CellIndex.NOWHERE) {
          at.add(cells.firstSeen[c]);
        }
      }
      if (!at.isEmpty()) {
        at.sort(Comparator.naturalOrder());
        findings.add(new Located(at.get(0), new AuditFinding(AuditFinding.Kind.INCONSISTENT,
            at.stream().map(l -> cell(knowledge, l)).toList(), Optional.empty())));
      }
    }
    findings.sort(Comparator.comparingLong(Located::at).thenComparing(l -> l.finding().kind()));
    long rows = tables.stream().mapToLong(t -> t.rows().size()).sum();
    return new AuditReport(tables.size(), rows, hidden, attack.components, attack.linearPrograms,
        attack.periodRelationsDropped, findings.stream().map(Located::finding).toList());
  }

  /** A finding with the location code it sorts by. */
  private record Located(long at, AuditFinding finding) {}

  /** Shown counts from 1 to threshold − 1 outside the viewer's own clinic, one finding per cell. */
  private static void smallCounts(Knowledge knowledge, AuditSettings settings, List<Located> findings) {
    boolean[] reported = new boolean[knowledge.cells.size()];
    for (int t = 0; t < knowledge.tables.size(); t++) {
      List<AuditRow> rows = knowledge.tables.get(t).rows();
      java.util.Set<String> ownPairs = ownTwoClinicClusters(rows);
      for (int r = 0; r < rows.size(); r++) {
        AuditRow row = rows.get(r);
        if (row.level() == UnitLevel.CLINIC && row.ownClinic()) {
          continue;
        }
        // Beside the other of two clinics, the rest of the cluster is the viewer's own clinic.
        if (row.level() == UnitLevel.REST_OF_CLUSTER && !row.ownClinic()
            && ownPairs.contains(row.indicator() + "|" + row.period() + "|" + row.parent())) {
          continue;
        }
        for (AuditCell.Count count : AuditCell.Count.values()) {
          var value = row.count(count);
          int c = knowledge.cellOf[t][2 * r + count.ordinal()];
          if (value.isPresent() && value.getAsLong() >= 1 && value.getAsLong() < settings.threshold()
              && !reported[c] && !viewersOwn(rows, row, count, value.getAsLong())) {
            reported[c] = true;
            long at = CellIndex.location(t, r, count);
            long[] bounds = Knowledge.shownBounds(value.getAsLong(), row);
            findings.add(new Located(at, AuditFinding.of(AuditFinding.Kind.SMALL_COUNT_SHOWN, cell(knowledge, at),
                new CountRange(bounds[0], bounds[1]))));
          }
        }
      }
    }
  }

  /**
   * Whether the count at a hidden location is what the viewer knows already: the rest of the
   * cluster beside its own clinic where the file shows the cluster (the cluster minus its own), or,
   * pinned to {@code value}, its own count or its own plus counts the file shows.
   */
  private static boolean viewersOwn(Knowledge knowledge, long location, OptionalLong value) {
    List<AuditRow> rows = knowledge.tables.get(CellIndex.table(location)).rows();
    AuditRow row = rows.get(CellIndex.row(location));
    AuditCell.Count count = CellIndex.count(location);
    if (row.level() == UnitLevel.REST_OF_CLUSTER && row.ownClinic() && rows.stream().anyMatch(r ->
        r.level() == UnitLevel.CLUSTER && r.unit().equals(row.parent()) && r.indicator().equals(row.indicator())
            && r.period().equals(row.period()) && r.count(count).isPresent())) {
      return true;
    }
    return value.isPresent() && viewersOwn(rows, row, count, value.getAsLong());
  }

  private static boolean viewersOwn(List<AuditRow> rows, AuditRow row, AuditCell.Count count, long value) {
    return ownSum(rows, row, count, value) || ownTotal(rows, row, count, value);
  }

  /**
   * Whether a rest-of-cluster row beside another clinic shows the viewer's own count plus the counts
   * the file shows for every other clinic of the cluster: the viewer knows that sum already.
   */
  private static boolean ownSum(List<AuditRow> rows, AuditRow rest, AuditCell.Count count, long value) {
    if (rest.level() != UnitLevel.REST_OF_CLUSTER || rest.ownClinic()) {
      return false;
    }
    long sum = 0;
    boolean own = false;
    for (AuditRow row : rows) {
      if (row.level() != UnitLevel.CLINIC || !row.indicator().equals(rest.indicator())
          || !row.period().equals(rest.period()) || !row.parent().equals(rest.parent())
          || row.unit().equals(rest.unit())) {
        continue;
      }
      var shown = row.count(count);
      if (shown.isEmpty()) {
        return false;
      }
      own |= row.ownClinic();
      sum += shown.getAsLong();
    }
    return own && sum == value;
  }

  /**
   * Whether a cluster, region or nation row shows exactly the viewer's own count in a file with the
   * viewer's own clinic: the viewer's cluster, its region or the nation, where the others count 0.
   */
  private static boolean ownTotal(List<AuditRow> rows, AuditRow total, AuditCell.Count count, long value) {
    if (total.level() != UnitLevel.CLUSTER && total.level() != UnitLevel.REGION && total.level() != UnitLevel.NATION) {
      return false;
    }
    for (AuditRow own : rows) {
      if (own.level() != UnitLevel.CLINIC || !own.ownClinic() || !own.indicator().equals(total.indicator())
          || !own.period().equals(total.period()) || own.count(count).orElse(-1) != value) {
        continue;
      }
      if (total.level() == UnitLevel.NATION || total.level() == UnitLevel.CLUSTER && total.unit().equals(own.parent())) {
        return true;
      }
      for (AuditRow cluster : rows) {
        if (cluster.level() == UnitLevel.CLUSTER && cluster.unit().equals(own.parent())
            && cluster.indicator().equals(total.indicator()) && cluster.period().equals(total.period())
            && cluster.parent().equals(total.unit())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The (indicator, period, cluster) groups of a file that hold its own clinic and exactly one other. */
  private static java.util.Set<String> ownTwoClinicClusters(List<AuditRow> rows) {
    java.util.Map<String, Integer> clinics = new java.util.HashMap<>();
    java.util.Set<String> own = new java.util.HashSet<>();
    for (AuditRow row : rows) {
      if (row.level() == UnitLevel.CLINIC) {
        String group = row.indicator() + "|" + row.period() + "|" + row.parent();
        clinics.merge(group, 1, Integer::sum);
        if (row.ownClinic()) {
          own.add(group);
        }
      }
    }
    own.removeIf(group -> clinics.get(group) != 2);
    return own;
  }

  private static AuditCell cell(Knowledge knowledge, long location) {
    AuditTable table = knowledge.tables.get(CellIndex.table(location));
    AuditRow row = table.rows().get(CellIndex.row(location));
    return new AuditCell(table.source(), row.line(), row.indicator(), row.level(), row.unit(), row.period(),
        CellIndex.count(location));
  }
}
