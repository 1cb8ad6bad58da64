package org.klynge.core.result;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.definition.Proportion;
import org.klynge.core.disclosure.Audience;
import org.klynge.core.disclosure.DisclosureModel;
import org.klynge.core.disclosure.DisclosurePolicy;
import org.klynge.core.disclosure.Protection;

/**
 * The {@link DisclosureModel} of a whole assessed table: every row's two counts as cells, shared
 * between rows whose {@link CountedPopulations} say they count the same, and the relations anyone
 * can know.
 *
 * <ul>
 *   <li>clinics = their cluster, clusters = their region, regions = the nation (the unattributed row
 *       belongs to no sum), cluster = clinic + rest of cluster;
 *   <li>numerator ≤ denominator where the numerator's persons are among the denominator's (a small
 *       complement {@code n − x} is protected for proportions);
 *   <li>for event counts, a period = the calendar months (or quarters) that make it up, where they
 *       are all in the table and their counts do add up (Klynge counts the events of the persons
 *       counted on each period's reference date, so they need not);
 *   <li>each clinic knows its own clinic rows.
 * </ul>
 *
 * <p>The rest of a cluster beside one of its two clinics is the other clinic: one cell.
 *
 * <p>Clinic and rest-of-cluster cells are protected at the strictest setting of the clinic and
 * cluster audiences; all others at the strictest of all audiences, since every audience sees them.
 * Hiding a cell costs, per row it appears in: 1 for a clinic or rest row, 4 for a cluster, 16 for a
 * region or the unattributed row, 64 for the nation.
 */
final class PublicationModel {
  final DisclosureModel model;
  /** Per row: its cells, or −1 for a rest-of-cluster row that is the difference of two rows. */
  final int[] numeratorCell;
  final int[] denominatorCell;
  /** Per rest-of-cluster row without cells: the rows of its clinic and its cluster; −1 elsewhere. */
  final int[] restClinicRow;
  final int[] restClusterRow;
  /** Per rest-of-cluster row without cells: the rows of the cluster's other clinics; empty elsewhere. */
  final int[][] restSiblingRows;
  /** Per row: a rest of cluster beside the only clinic of its cluster, nobody, so 0 by construction. */
  final boolean[] restOfSoleClinic;
  final CountedPopulations[] counted;
  /** Per cell: the first row that shows it, whether as its numerator, and how many rows show it. */
  final int[] firstRow;
  final boolean[] firstAsNumerator;
  final int[] rowsShowing;

  private PublicationModel(DisclosureModel model, int[] numeratorCell, int[] denominatorCell, int[] restClinicRow,
      int[] restClusterRow, int[][] restSiblingRows, boolean[] restOfSoleClinic, CountedPopulations[] counted, int[] firstRow, boolean[] firstAsNumerator,
      int[] rowsShowing) {
    this.model = model;
    this.numeratorCell = numeratorCell;
    this.denominatorCell = denominatorCell;
    this.restClinicRow = restClinicRow;
    this.restClusterRow = restClusterRow;
    this.restSiblingRows = restSiblingRows;
    this.restOfSoleClinic = restOfSoleClinic;
    this.counted = counted;
    this.firstRow = firstRow;
    this.firstAsNumerator = firstAsNumerator;
    this.rowsShowing = rowsShowing;
  }

  private static final Set<Audience> CLINIC_AUDIENCES = EnumSet.of(Audience.CLINIC, Audience.CLUSTER);

  static PublicationModel of(AssessedTable table, DisclosurePolicy policy) {
    List<AssessedRow> rows = table.rows();
    int n = rows.size();
    Protection clinicLevel = policy.strictest(CLINIC_AUDIENCES);
    Protection everyone = policy.strictest(EnumSet.allOf(Audience.class));
    Map<String, CountedPopulations> byIndicator = new HashMap<>();
    Map<String, Indicator> indicators = new HashMap<>();
    DisclosureModel.Builder b = DisclosureModel.builder();
    int[] num = new int[n];
    int[] den = new int[n];
    CountedPopulations[] counted = new CountedPopulations[n];
    List<Integer> first = new ArrayList<>();
    List<Boolean> firstNum = new ArrayList<>();
    List<Integer> showing = new ArrayList<>();
    // (indicator, period) → unit key → row, for the sums.
    Map<String, Map<String, Integer>> groups = new LinkedHashMap<>();
    // (identity, unit) → period → cell, for event counts over time.
    Map<String, TreeMap<MeasurementPeriod, Integer>> overTime = new HashMap<>();

    // The clinics of each cluster in each (indicator, period): a rest beside one of two clinics is the other one.
    Map<String, List<String>> clinicsOf = new HashMap<>();
    Map<String, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < n; i++) {
      ResultRow r = rows.get(i).row();
      if (r.level() == Level.CLINIC) {
        clinicsOf.computeIfAbsent(clusterKey(r), k -> new ArrayList<>()).add(r.unitId());
      }
      rowOf.put(rowKey(r, unitKey(r.level(), r.unitId())), i);
    }
    // A rest beside one of three or more clinics is the cluster minus the clinic: no cell of its own.
    int[] restClinic = new int[n];
    int[] restCluster = new int[n];
    boolean[] soleClinic = new boolean[n];
    int[][] restSiblings = new int[n][];
    Arrays.fill(restSiblings, new int[0]);
    Arrays.fill(restClinic, -1);
    Arrays.fill(restCluster, -1);
    for (int i = 0; i < n; i++) {
      ResultRow r = rows.get(i).row();
      int clinics = clinicsOf.getOrDefault(clusterKey(r), List.of()).size();
      soleClinic[i] = r.level() == Level.REST_OF_CLUSTER && clinics == 1;
      if (r.level() == Level.REST_OF_CLUSTER && clinics != 2) {
        Integer clinic = rowOf.get(rowKey(r, unitKey(Level.CLINIC, r.unitId())));
        Integer cluster = rowOf.get(rowKey(r, unitKey(Level.CLUSTER, r.parentId())));
        if (clinic != null && cluster != null) {
          restClinic[i] = clinic;
          restCluster[i] = cluster;
          restSiblings[i] = clinicsOf.get(clusterKey(r)).stream().filter(u -> !u.equals(r.unitId()))
              .map(u -> rowOf.get(rowKey(r, unitKey(Level.CLINIC, u)))).filter(Objects::nonNull)
              .mapToInt(Integer::intValue).toArray();
        }
      }
    }
    for (int i = 0; i < n; i++) {
      ResultRow r = rows.get(i).row();
      Indicator ind = indicators.computeIfAbsent(r.indicatorId() + "@" + r.indicatorVersion(),
          k -> table.indicatorOf(r));
      CountedPopulations c = byIndicator.computeIfAbsent(ind.key(), k -> CountedPopulations.of(ind));
      counted[i] = c;
      Publication.Counts counts = Publication.counts(ind.scoring(), r.counts());
      String unit = unitKey(r.level(), r.unitId());
      List<String> siblings = r.level() == Level.REST_OF_CLUSTER ? clinicsOf.getOrDefault(clusterKey(r), List.of()) : List.of();
      if (siblings.size() == 2 && siblings.contains(r.unitId())) {
        unit = unitKey(Level.CLINIC, siblings.get(siblings.get(0).equals(r.unitId()) ? 1 : 0));
      }
      groups.computeIfAbsent(ind.key() + "@" + r.period(), k -> new LinkedHashMap<>()).put(unit, i);
      if (restClinic[i] >= 0) {
        num[i] = -1;
        den[i] = -1;
        continue;
      }
      String where = "@" + r.period().start() + "/" + r.period().end() + "@" + unit;
      boolean clinicLike = r.level() == Level.CLINIC || r.level() == Level.REST_OF_CLUSTER;
      Protection protection = clinicLike ? clinicLevel : everyone;
      double cost = cost(r.level());
      num[i] = cell(b, c.numerator() + where, counts.numerator(), protection, cost, i, true, first, firstNum, showing);
      den[i] = cell(b, c.denominator() + where, counts.denominator(), protection, cost, i, false, first, firstNum, showing);
      if (c.kind() == NumeratorKind.PERSONS_IN_DENOMINATOR) {
        b.atMost(num[i], den[i], ind.scoring() instanceof Proportion);
      }
      if (r.level() == Level.CLINIC) {
        b.knownTo(unit, num[i]).knownTo(unit, den[i]);
      }
      if (c.kind() == NumeratorKind.EVENTS) {
        overTime.computeIfAbsent(c.numerator() + "@" + unit, k -> new TreeMap<>()).put(r.period(), num[i]);
      }
    }
    // Cells are numbered in row order, so the clinic and cluster cells exist once all rows are seen.
    for (int i = 0; i < n; i++) {
      if (restClinic[i] >= 0) {
        b.difference(num[restCluster[i]], num[restClinic[i]]);
        b.difference(den[restCluster[i]], den[restClinic[i]]);
      }
    }

    for (Map<String, Integer> group : groups.values()) {
      Map<String, List<Integer>> children = new LinkedHashMap<>();
      for (Map.Entry<String, Integer> e : group.entrySet()) {
        ResultRow r = rows.get(e.getValue()).row();
        parentKey(r).ifPresent(parent -> {
          if (r.level() == Level.REST_OF_CLUSTER) {
            Integer clinic = group.get(unitKey(Level.CLINIC, r.unitId()));
            Integer cluster = group.get(parent);
            if (clinic != null && cluster != null && num[e.getValue()] >= 0) {
              sum(b, num, den, cluster, List.of(clinic, e.getValue()));
            }
          } else {
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(e.getValue());
          }
        });
      }
      children.forEach((parent, kids) -> {
        Integer total = group.get(parent);
        if (total != null) {
          sum(b, num, den, total, kids);
        }
      });
    }
    for (TreeMap<MeasurementPeriod, Integer> periods : overTime.values()) {
      addPeriodSums(b, periods);
    }
    return new PublicationModel(b.build(), num, den, restClinic, restCluster, restSiblings, soleClinic, counted, first.stream().mapToInt(Integer::intValue).toArray(),
        toArray(firstNum), showing.stream().mapToInt(Integer::intValue).toArray());
  }

  private static int cell(DisclosureModel.Builder b, String key, long value, Protection protection, double cost,
      int row, boolean numerator, List<Integer> first, List<Boolean> firstNum, List<Integer> showing) {
    int cell = b.cell(key, value, protection, cost);
    if (cell == first.size()) {
      first.add(row);
      firstNum.add(numerator);
      showing.add(1);
    } else {
      showing.set(cell, showing.get(cell) + 1);
    }
    return cell;
  }

  private static boolean[] toArray(List<Boolean> list) {
    boolean[] out = new boolean[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  private static void sum(DisclosureModel.Builder b, int[] num, int[] den, int total, List<Integer> parts) {
    b.sum(num[total], parts.stream().map(p -> num[p]).toList());
    b.sum(den[total], parts.stream().map(p -> den[p]).toList());
  }

  /** Adds "period = its months" and "period = its quarters" where all are present and add up. */
  private static void addPeriodSums(DisclosureModel.Builder b, TreeMap<MeasurementPeriod, Integer> periods) {
    if (periods.size() < 2) {
      return;
    }
    for (Map.Entry<MeasurementPeriod, Integer> e : periods.entrySet()) {
      MeasurementPeriod p = e.getKey();
      for (int months : new int[] {1, 3}) {
        List<MeasurementPeriod> tiles = tiles(p, months);
        if (tiles.size() < 2 || !tiles.stream().allMatch(periods::containsKey)) {
          continue;
        }
        List<Integer> parts = tiles.stream().map(periods::get).toList();
        try {
          b.sum(e.getValue(), parts);
        } catch (IllegalArgumentException doesNotAddUp) {
          // The persons counted differ between the periods, so an attacker cannot rely on this sum.
        }
      }
    }
  }

  /** The calendar blocks of {@code months} months that exactly make up {@code p}, or none. */
  private static List<MeasurementPeriod> tiles(MeasurementPeriod p, int months) {
    LocalDate start = p.start();
    if (start.getDayOfMonth() != 1 || (start.getMonthValue() - 1) % months != 0) {
      return List.of();
    }
    List<MeasurementPeriod> out = new ArrayList<>();
    YearMonth m = YearMonth.from(start);
    while (true) {
      YearMonth last = m.plusMonths(months - 1);
      MeasurementPeriod tile = new MeasurementPeriod(m.atDay(1), last.atEndOfMonth());
      if (tile.end().isAfter(p.end())) {
        return List.of();
      }
      out.add(tile);
      if (tile.end().equals(p.end())) {
        return out.size() > 1 ? out : List.of();
      }
      m = last.plusMonths(1);
    }
  }

  private static String rowKey(ResultRow r, String unit) {
    return r.indicatorId() + "@" + r.indicatorVersion() + "@" + r.period() + "@" + unit;
  }

  private static String clusterKey(ResultRow r) {
    return r.indicatorId() + "@" + r.indicatorVersion() + "@" + r.period() + "@" + r.parentId();
  }

  static String unitKey(Level level, String unitId) {
    return level.code() + ":" + unitId;
  }

  private static Optional<String> parentKey(ResultRow r) {
    return switch (r.level()) {
      case CLINIC, REST_OF_CLUSTER -> Optional.of(unitKey(Level.CLUSTER, r.parentId()));
      case CLUSTER -> Optional.of(unitKey(Level.REGION, r.parentId()));
      case REGION -> Optional.of(unitKey(Level.NATION, UnitIds.NATION));
      case NATION, UNATTRIBUTED -> Optional.empty();
    };
  }

  private static double cost(Level level) {
    return switch (level) {
      case CLINIC, REST_OF_CLUSTER -> 1;
      case CLUSTER -> 4;
      case REGION, UNATTRIBUTED -> 16;
      case NATION -> 64;
    };
  }
}
