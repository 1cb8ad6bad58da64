package org.klynge.core.result;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.klynge.core.definition.Continuous;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.Rate;
import org.klynge.core.definition.Scoring;
import org.klynge.core.disclosure.DisclosurePolicy;
import org.klynge.core.disclosure.Pseudonyms;
import org.klynge.core.disclosure.PublishedCount;
import org.klynge.core.disclosure.PublishedValue;
import org.klynge.core.disclosure.Status;
import org.klynge.core.disclosure.Suppression;
import org.klynge.core.disclosure.SuppressionReason;
import org.klynge.core.disclosure.Suppressor;
import org.klynge.core.disclosure.Viewer;

/**
 * Disclosure control on a whole assessed table, giving the rows one viewer may see.
 *
 * <ol>
 *   <li>One {@link PublicationModel} over every indicator, period and level, and over what every
 *       audience receives: a count published by several rows (the same population, unit and
 *       period) is one cell. {@link Suppressor} hides the small cells and their complements. The
 *       choice does not depend on the viewer, so the tables of all audiences and viewers agree, and
 *       each is safe together with the others.
 *   <li>REGION and PUBLIC viewers get cluster level and above; CLINIC and CLUSTER viewers also get
 *       clinics and rest-of-cluster rows, other clinics under pseudonyms ({@link Pseudonyms}). The
 *       viewer's own clinic rows are shown whole: they know them (and the suppression was chosen so
 *       that knowing them gives nothing else away).
 *   <li>A row with a hidden count is suppressed: the hidden count is {@code SUPPRESSED} (never 0), the
 *       value and statistics too. Statistics that would give a hidden row back are withheld: the
 *       comparison with the rest of the cluster unless the rest row is shown, the funnel unless the
 *       parent is shown (and, with overdispersion, every unit it was estimated from), the comparison
 *       with the nation unless the nation is shown.
 *   <li>With rounding, every count is published rounded, and the value, interval and standard are
 *       computed from the rounded counts (a rate per person-year uses the unpublished person-time);
 *       funnels and comparisons are withheld.
 * </ol>
 *
 * <p>Example, threshold 5: a cluster k1 (53/190) with clinics A 3/40, B 20/60 and D 30/90: A's
 * numerator is primary; B's and D's numerators are hidden with it (one complement would be given
 * away by its own clinic), and the rest-of-cluster numerators with them; the cluster stays shown.
 */
public final class Publication {

  /**
   * The two counts disclosure control checks and publishes.
   *
   * @param numerator persons or events counted
   * @param denominator persons
   */
  public record Counts(long numerator, long denominator) {}

  private Publication() {}

  /**
   * The counts that disclosure control checks for a row:
   *
   * <pre>
   *   proportion, ratio   numerator = N − NX,    denominator = D − DX − DE
   *   rate                numerator = events,    denominator = D − DX − DE (persons, also for personYears)
   *                       (a summing rate: the events summed; its sum is shown only where they are)
   *   continuous          numerator = valued,    denominator = D − DX − DE
   * </pre>
   */
  public static Counts counts(Scoring scoring, PopulationCounts c) {
    if (scoring instanceof Rate) {
      return new Counts(c.events(), c.effectiveDenominator());
    }
    if (scoring instanceof Continuous) {
      return new Counts(c.valued(), c.effectiveDenominator());
    }
    return new Counts(c.effectiveNumerator(), c.effectiveDenominator());
  }

  /**
   * The rows of {@code table} as published to {@code viewer} under {@code policy}.
   *
   * @param pseudonymKey the secret key that orders pseudonyms (keep it out of the published table)
   * @throws IllegalArgumentException if the viewer's own clinic has no row in the table
   */
  public static PublishedTable publish(
      AssessedTable table, Viewer viewer, DisclosurePolicy policy, String pseudonymKey) {
    long started = System.nanoTime();
    List<AssessedRow> rows = table.rows();
    Optional<String> own = viewer.ownClinic();
    Map<String, List<String>> clinicsByCluster = new LinkedHashMap<>();
    for (AssessedRow r : rows) {
      if (r.row().level() == Level.CLINIC) {
        List<String> clinics = clinicsByCluster.computeIfAbsent(r.row().parentId(), k -> new ArrayList<>());
        if (!clinics.contains(r.row().unitId())) {
          clinics.add(r.row().unitId());
        }
      }
    }
    if (own.isPresent() && clinicsByCluster.values().stream().noneMatch(c -> c.contains(own.get()))) {
      throw new IllegalArgumentException("the viewer's own clinic " + own.get() + " has no row in the table");
    }

    PublicationModel cells = PublicationModel.of(table, policy);
    Suppression suppression = Suppressor.suppress(cells.model);
    // What the viewer works out exactly from its own counts and the shown ones is shown to it.
    Set<Integer> derivable = own.isPresent()
        ? Suppressor.derivable(suppression, PublicationModel.unitKey(Level.CLINIC, own.get()),
            policy.roundingBase().isPresent())
        : Set.of();
    CellVisibility hiddenForViewer = cell -> suppression.hidden(cell) && !derivable.contains(cell);

    boolean showsClinics = viewer.audience().showsClinics();
    Map<String, Map<String, String>> labels = new HashMap<>();
    clinicsByCluster.forEach((cluster, clinics) ->
        labels.put(cluster, Pseudonyms.of(Map.of(cluster, clinics), own, pseudonymKey)));
    Map<String, Boolean> shown = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      ResultRow r = rows.get(i).row();
      shown.put(key(r, r.level(), r.unitId()), visible(r, showsClinics) && !hidden(cells, hiddenForViewer, rows, i, own));
    }

    Map<String, List<PublishedRow>> groups = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      ResultRow r = rows.get(i).row();
      if (!visible(r, showsClinics)) {
        continue;
      }
      groups.computeIfAbsent(r.indicatorId() + "@" + r.indicatorVersion() + "@" + r.period(), k -> new ArrayList<>())
          .add(row(table, rows, i, cells, hiddenForViewer, own, policy, labels, shown));
    }
    ImmutableList.Builder<PublishedRow> out = ImmutableList.builder();
    for (List<PublishedRow> group : groups.values()) {
      group.sort(Comparator.comparing(PublishedRow::level)
          .thenComparing(r -> clinicLike(r.level()) ? r.parentId() : "")
          .thenComparing(r -> clinicLike(r.level()) ? r.unitId() : ""));
      out.addAll(group);
    }
    DisclosureAudit audit = audit(rows, cells, suppression, (System.nanoTime() - started) / 1e9);
    return new PublishedTable(out.build(), viewer, policy, table.source().provenance(),
        table.source().reconciliation(), audit);
  }

  private static boolean visible(ResultRow r, boolean showsClinics) {
    return showsClinics || !clinicLike(r.level());
  }

  /** Whether a cell is hidden from the viewer. */
  private interface CellVisibility {
    boolean hidden(int cell);
  }

  private static boolean hidden(PublicationModel cells, CellVisibility s, List<AssessedRow> rows, int row,
      Optional<String> own) {
    return countHidden(cells, s, rows, row, own, true) || countHidden(cells, s, rows, row, own, false);
  }

  /**
   * Whether one count of a row is hidden from the viewer: never in its own clinic's row, nor in the
   * rest beside a cluster's only clinic (nobody: 0 whatever the data); a rest of cluster without a
   * cell of its own is shown when the viewer sees its clinic and cluster, or all the other clinics.
   */
  private static boolean countHidden(PublicationModel cells, CellVisibility s, List<AssessedRow> rows, int row,
      Optional<String> own, boolean numerator) {
    if (ownRow(rows.get(row).row(), own) || cells.restOfSoleClinic[row]) {
      return false;
    }
    if (cells.restClinicRow[row] >= 0) {
      if (!countHidden(cells, s, rows, cells.restClinicRow[row], own, numerator)
          && !countHidden(cells, s, rows, cells.restClusterRow[row], own, numerator)) {
        return false;
      }
      // Still shown when it is the sum of the other clinics, all of which the viewer sees.
      for (int sibling : cells.restSiblingRows[row]) {
        if (countHidden(cells, s, rows, sibling, own, numerator)) {
          return true;
        }
      }
      return false;
    }
    return s.hidden(numerator ? cells.numeratorCell[row] : cells.denominatorCell[row]);
  }

  /** The viewer's own clinic's row: shown whole, since they know it. */
  private static boolean ownRow(ResultRow r, Optional<String> own) {
    return own.isPresent() && r.level() == Level.CLINIC && r.unitId().equals(own.get());
  }

  private static PublishedRow row(AssessedTable table, List<AssessedRow> rows, int i, PublicationModel cells,
      CellVisibility s, Optional<String> own, DisclosurePolicy policy, Map<String, Map<String, String>> labels,
      Map<String, Boolean> shown) {
    AssessedRow source = rows.get(i);
    ResultRow r = source.row();
    Indicator ind = table.indicatorOf(r);
    boolean ownRow = ownRow(r, own);
    String unitId = clinicLike(r.level()) && !(own.isPresent() && r.unitId().equals(own.get()))
        ? labels.get(r.parentId()).get(r.unitId())
        : r.unitId();
    Counts counts = counts(ind.scoring(), r.counts());
    boolean numeratorHidden = countHidden(cells, s, rows, i, own, true);
    boolean denominatorHidden = countHidden(cells, s, rows, i, own, false);
    PublishedCount numerator = numeratorHidden ? PublishedCount.suppressed() : count(counts.numerator(), policy);
    PublishedCount denominator = denominatorHidden ? PublishedCount.suppressed() : count(counts.denominator(), policy);
    if (numeratorHidden || denominatorHidden) {
      return new PublishedRow(r.indicatorId(), r.indicatorVersion(), r.level(), unitId, r.parentId(), r.period(),
          numerator, denominator, new PublishedValue(Status.SUPPRESSED, OptionalDouble.empty()), RowStatistics.NONE,
          cells.counted[i], ownRow);
    }
    if (r.dataIncomplete()) {
      return new PublishedRow(r.indicatorId(), r.indicatorVersion(), r.level(), unitId, r.parentId(), r.period(),
          numerator, denominator, new PublishedValue(Status.DATA_INCOMPLETE, OptionalDouble.empty()),
          RowStatistics.NONE, cells.counted[i], ownRow);
    }
    OptionalDouble value = r.value();
    RowStatistics stats = source.statistics();
    if (policy.roundingBase().isPresent()) {
      PopulationCounts rounded = rounded(r.counts(), numerator.count().getAsLong(), denominator.count().getAsLong());
      if (!(ind.scoring() instanceof Continuous)) {
        value = Scores.value(ind.scoring(), rounded, new double[0]);
      }
      stats = Assessment.fromCounts(ind, rounded, value);
    } else if (r.level() != Level.REST_OF_CLUSTER) {
      if (!shown.getOrDefault(key(r, Level.REST_OF_CLUSTER, r.unitId()), false)) {
        stats = stats.withoutVsRest();
      }
      if (!shown.getOrDefault(key(r, Level.NATION, UnitIds.NATION), false)) {
        stats = stats.withoutVsNation();
      }
      if (stats.funnel().isPresent() && !funnelSafe(r, stats.funnel().get(), table, shown)) {
        stats = stats.withoutFunnel();
      }
    }
    return new PublishedRow(r.indicatorId(), r.indicatorVersion(), r.level(), unitId, r.parentId(), r.period(),
        numerator, denominator, published(value), stats, cells.counted[i], ownRow);
  }

  /** The row's counts with the published numerator and denominator in place of the true ones. */
  private static PopulationCounts rounded(PopulationCounts c, long numerator, long denominator) {
    return new PopulationCounts(denominator, denominator, 0, 0, numerator, 0, numerator, c.personDays(), numerator,
        c.sumMillionths(), 0);
  }

  private static PublishedCount count(long count, DisclosurePolicy policy) {
    return policy.roundingBase().isPresent()
        ? new PublishedCount(Status.ROUNDED, OptionalLong.of(policy.published(count)))
        : new PublishedCount(Status.SHOWN, OptionalLong.of(count));
  }

  private static PublishedValue published(OptionalDouble v) {
    return v.isPresent() ? new PublishedValue(Status.SHOWN, v) : new PublishedValue(Status.NOT_AVAILABLE, OptionalDouble.empty());
  }

  /** The funnel's parent is shown and, when it allows for overdispersion, so is every unit it was estimated from. */
  private static boolean funnelSafe(ResultRow r, Funnel funnel, AssessedTable table, Map<String, Boolean> shown) {
    String parent = r.level() == Level.CLINIC ? key(r, Level.CLUSTER, r.parentId()) : key(r, Level.NATION, UnitIds.NATION);
    if (!shown.getOrDefault(parent, false)) {
      return false;
    }
    if (funnel.overdispersion().isEmpty()) {
      return true;
    }
    for (AssessedRow a : table.rows()) {
      ResultRow s = a.row();
      boolean sibling = s.indicatorId().equals(r.indicatorId()) && s.period().equals(r.period()) && s.level() == r.level()
          && (r.level() == Level.CLINIC ? s.parentId().equals(r.parentId()) : !s.unitId().equals(UnitIds.UNASSIGNED));
      if (sibling && !shown.getOrDefault(key(s, s.level(), s.unitId()), false)) {
        return false;
      }
    }
    return true;
  }

  private static DisclosureAudit audit(List<AssessedRow> rows, PublicationModel cells, Suppression s, double seconds) {
    ImmutableList.Builder<DisclosureAudit.HiddenCount> hidden = ImmutableList.builder();
    for (int c = 0; c < cells.model.size(); c++) {
      Optional<SuppressionReason> reason = s.reason(c);
      if (reason.isEmpty()) {
        continue;
      }
      ResultRow r = rows.get(cells.firstRow[c]).row();
      hidden.add(new DisclosureAudit.HiddenCount(r.indicatorId(), r.level(), r.unitId(), r.period(),
          cells.firstAsNumerator[c] ? "numerator" : "denominator", cells.model.value(c), reason.get(), s.range(c),
          cells.rowsShowing[c]));
    }
    int primary = s.hiddenCells(SuppressionReason.SMALL_COUNT) + s.hiddenCells(SuppressionReason.SMALL_COMPLEMENT)
        + s.hiddenCells(SuppressionReason.SMALL_DIFFERENCE);
    return new DisclosureAudit(cells.model.size(), primary, s.hiddenCells(SuppressionReason.COMPLEMENTARY),
        s.linearPrograms(), s.unprotected(), s.unverified(), seconds, hidden.build());
  }

  private static boolean clinicLike(Level level) {
    return level == Level.CLINIC || level == Level.REST_OF_CLUSTER;
  }

  /** Rows are found by indicator, period, level and unit (unit ids are unique per level only). */
  private static String key(ResultRow r, Level level, String unitId) {
    return r.indicatorId() + "@" + r.indicatorVersion() + "@" + r.period() + "@" + level.code() + ":" + unitId;
  }
}
