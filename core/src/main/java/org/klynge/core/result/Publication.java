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
import org.klynge.core.definition.Continuous;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.Rate;
import org.klynge.core.definition.Scoring;
import org.klynge.core.disclosure.Audience;
import org.klynge.core.disclosure.Cell;
import org.klynge.core.disclosure.CellKind;
import org.klynge.core.disclosure.DisclosedTable;
import org.klynge.core.disclosure.Disclosure;
import org.klynge.core.disclosure.DisclosurePolicy;
import org.klynge.core.disclosure.InputRow;
import org.klynge.core.disclosure.PublishedValue;
import org.klynge.core.disclosure.Status;
import org.klynge.core.disclosure.SuppressionReason;
import org.klynge.core.disclosure.ValueFormula;
import org.klynge.core.disclosure.Viewer;

/**
 * Disclosure control on result tables: {@link Disclosure#apply} for each indicator × period of an
 * {@link AssessedTable}, with the rest-of-cluster rows, giving the rows one viewer may see.
 *
 * <ul>
 *   <li>Result levels map to disclosure levels one to one; the nation and the unattributed row are
 *       both at nation level, and the unattributed row belongs to no sum.
 *   <li>The counts checked are those of {@link #counts}; only they are published.
 *   <li>REGION and PUBLIC viewers see cluster level and above only: no clinic and no
 *       rest-of-cluster rows. CLINIC and CLUSTER viewers see other clinics under pseudonyms
 *       ({@code <cluster>-Pnn}, ordered by an HMAC of the clinic under {@code pseudonymKey}); the
 *       rows are sorted by the published id, so their order says nothing about the real ids.
 *   <li>A suppressed row has no counts, value or statistics. Statistics that would give a hidden
 *       row back are withheld as well: the comparison with the rest of the cluster unless the rest
 *       row is shown, the funnel unless the parent is shown (and, when the funnel allows for
 *       overdispersion, every unit it was estimated from), the comparison with the nation unless
 *       the nation is shown.
 * </ul>
 *
 * <p>Example, threshold 5: a cluster k1 (53/190) with clinics A 3/40, B 20/60 and D 30/90, viewed by
 * the cluster with own clinic D: A is suppressed (3 &lt; 5), and with it its rest row; B is then
 * suppressed too (the smallest other part of k1); D, k1 and the region are shown.
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
   */
  public static PublishedTable publish(
      AssessedTable table, Viewer viewer, DisclosurePolicy policy, String pseudonymKey) {
    Map<List<Object>, List<AssessedRow>> groups = new LinkedHashMap<>();
    for (AssessedRow r : table.rows()) {
      ResultRow row = r.row();
      groups.computeIfAbsent(List.of(row.indicatorId(), row.indicatorVersion(), row.period()),
          k -> new ArrayList<>()).add(r);
    }
    ImmutableList.Builder<PublishedRow> out = ImmutableList.builder();
    for (List<AssessedRow> group : groups.values()) {
      out.addAll(publishGroup(group, table.indicatorOf(group.get(0).row()), viewer, policy, pseudonymKey));
    }
    return new PublishedTable(out.build(), viewer, policy, table.source().provenance(),
        table.source().reconciliation());
  }

  /** One cell as it came out of disclosure, with the row it stands for. */
  private record Published(AssessedRow source, Cell cell, String unitId, String key) {}

  private static List<PublishedRow> publishGroup(
      List<AssessedRow> group, Indicator indicator, Viewer viewer, DisclosurePolicy policy, String pseudonymKey) {
    Map<String, AssessedRow> byKey = new LinkedHashMap<>();
    Map<String, AssessedRow> restByClinic = new HashMap<>();
    for (AssessedRow r : group) {
      if (r.row().level() == Level.REST_OF_CLUSTER) {
        restByClinic.put(r.row().unitId(), r);
      } else {
        byKey.put(key(r.row().level(), r.row().unitId()), r);
      }
    }
    List<InputRow> inputs = new ArrayList<>();
    List<AssessedRow> sources = new ArrayList<>();
    for (Map.Entry<String, AssessedRow> e : byKey.entrySet()) {
      ResultRow row = e.getValue().row();
      Counts c = counts(indicator.scoring(), row.counts());
      Optional<String> parent = parentKey(row).filter(byKey::containsKey);
      inputs.add(new InputRow(e.getKey(), parent, level(row.level()), c.numerator(), c.denominator(), row.value()));
      sources.add(e.getValue());
    }

    Viewer effective = viewer;
    DisclosurePolicy effectivePolicy = policy;
    if (viewer.ownClinic().isPresent()) {
      String own = key(Level.CLINIC, viewer.ownClinic().get());
      if (byKey.containsKey(own)) {
        effective = new Viewer(viewer.audience(), Optional.of(own));
      } else {
        // The viewer's clinic has no row here; with nothing of their own to know, a clinic viewer
        // sees what a cluster viewer without a clinic sees, at the clinic audience's threshold.
        effective = Viewer.of(Audience.CLUSTER);
        effectivePolicy = policy.withThreshold(Audience.CLUSTER, policy.threshold(viewer.audience()));
      }
    }
    DisclosedTable disclosed =
        Disclosure.apply(inputs, effective, effectivePolicy, true, ValueFormula.PERCENT, pseudonymKey);

    // Cells come in input order, each visible clinic followed by its rest-of-parent cell.
    List<Published> cells = new ArrayList<>();
    Map<String, Boolean> shown = new HashMap<>();
    Map<String, Boolean> restShown = new HashMap<>();
    int next = 0;
    for (int i = 0; i < inputs.size(); i++) {
      InputRow in = inputs.get(i);
      if (in.level() == org.klynge.core.disclosure.Level.CLINIC && !effective.audience().showsClinics()) {
        continue;
      }
      AssessedRow source = sources.get(i);
      Cell unit = disclosed.cells().get(next++);
      check(unit, CellKind.UNIT);
      String unitId = unit.unitId().isPresent() ? source.row().unitId() : pseudonym(unit.label(), source.row());
      cells.add(new Published(source, unit, unitId, in.unitId()));
      shown.put(in.unitId(), !unit.suppressed());
      if (in.level() == org.klynge.core.disclosure.Level.CLINIC && in.parentId().isPresent()) {
        Cell rest = disclosed.cells().get(next++);
        check(rest, CellKind.REST_OF_PARENT);
        restShown.put(in.unitId(), !rest.suppressed());
        AssessedRow restRow = restByClinic.get(source.row().unitId());
        if (restRow != null) {
          cells.add(new Published(restRow, rest, unitId, in.unitId()));
        }
      }
    }
    if (next != disclosed.cells().size()) {
      throw new IllegalStateException("disclosure returned " + disclosed.cells().size() + " cells, expected " + next);
    }

    List<PublishedRow> out = new ArrayList<>();
    for (Published p : cells) {
      out.add(row(p, shown, restShown, byKey));
    }
    out.sort(Comparator.comparing(PublishedRow::level)
        .thenComparing(r -> clinicLike(r.level()) ? r.parentId() : "")
        .thenComparing(r -> clinicLike(r.level()) ? r.unitId() : ""));
    return out;
  }

  private static PublishedRow row(
      Published p, Map<String, Boolean> shown, Map<String, Boolean> restShown, Map<String, AssessedRow> byKey) {
    ResultRow r = p.source().row();
    Cell cell = p.cell();
    if (cell.suppressed()) {
      return new PublishedRow(r.indicatorId(), r.indicatorVersion(), r.level(), p.unitId(), r.parentId(), r.period(),
          cell.reason(), cell.numerator(), cell.denominator(), cell.value(), RowStatistics.NONE);
    }
    PublishedValue value = cell.kind() == CellKind.UNIT ? cell.value() : value(r.value());
    RowStatistics stats = p.source().statistics();
    if (cell.kind() == CellKind.UNIT) {
      if (!restShown.getOrDefault(p.key(), false)) {
        stats = stats.withoutVsRest();
      }
      if (!shown.getOrDefault(key(Level.NATION, UnitIds.NATION), false)) {
        stats = stats.withoutVsNation();
      }
      if (stats.funnel().isPresent() && !funnelSafe(r, stats.funnel().get(), shown, byKey)) {
        stats = stats.withoutFunnel();
      }
    }
    return new PublishedRow(r.indicatorId(), r.indicatorVersion(), r.level(), p.unitId(), r.parentId(), r.period(),
        SuppressionReason.NONE, cell.numerator(), cell.denominator(), value, stats);
  }

  /** The funnel's parent is shown and, when it allows for overdispersion, so is every unit it was estimated from. */
  private static boolean funnelSafe(ResultRow r, Funnel funnel, Map<String, Boolean> shown, Map<String, AssessedRow> byKey) {
    String parent = r.level() == Level.CLINIC ? key(Level.CLUSTER, r.parentId()) : key(Level.NATION, UnitIds.NATION);
    if (!shown.getOrDefault(parent, false)) {
      return false;
    }
    if (funnel.overdispersion().isEmpty()) {
      return true;
    }
    for (Map.Entry<String, AssessedRow> e : byKey.entrySet()) {
      ResultRow s = e.getValue().row();
      boolean sibling = s.level() == r.level()
          && (r.level() == Level.CLINIC ? s.parentId().equals(r.parentId()) : !s.unitId().equals(UnitIds.UNASSIGNED));
      if (sibling && !shown.getOrDefault(e.getKey(), false)) {
        return false;
      }
    }
    return true;
  }

  private static PublishedValue value(OptionalDouble v) {
    return v.isPresent() ? new PublishedValue(Status.SHOWN, v) : new PublishedValue(Status.NOT_AVAILABLE, OptionalDouble.empty());
  }

  private static boolean clinicLike(Level level) {
    return level == Level.CLINIC || level == Level.REST_OF_CLUSTER;
  }

  private static void check(Cell cell, CellKind kind) {
    if (cell.kind() != kind) {
      throw new IllegalStateException("expected a " + kind + " cell, got " + cell.kind() + " " + cell.label());
    }
  }

  /** {@code <parent key>-Pnn} from disclosure, as {@code <parent id>-Pnn}. */
  private static String pseudonym(String label, ResultRow row) {
    String suffix = label.substring(label.lastIndexOf('-') + 1);
    return row.parentId().isEmpty() ? suffix : row.parentId() + "-" + suffix;
  }

  /** Unit ids are unique per level only ({@code unassigned} is a cluster and a region), so keys carry the level. */
  private static String key(Level level, String unitId) {
    return level.code() + ":" + unitId;
  }

  private static Optional<String> parentKey(ResultRow row) {
    return switch (row.level()) {
      case CLINIC -> Optional.of(key(Level.CLUSTER, row.parentId()));
      case CLUSTER -> Optional.of(key(Level.REGION, row.parentId()));
      case REGION -> Optional.of(key(Level.NATION, UnitIds.NATION));
      default -> Optional.empty();
    };
  }

  private static org.klynge.core.disclosure.Level level(Level level) {
    return switch (level) {
      case CLINIC -> org.klynge.core.disclosure.Level.CLINIC;
      case CLUSTER -> org.klynge.core.disclosure.Level.CLUSTER;
      case REGION -> org.klynge.core.disclosure.Level.REGION;
      case NATION, UNATTRIBUTED -> org.klynge.core.disclosure.Level.NATION;
      case REST_OF_CLUSTER -> throw new IllegalStateException("rest-of-cluster rows are derived by disclosure");
    };
  }
}
