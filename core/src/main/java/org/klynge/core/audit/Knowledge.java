package org.klynge.core.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the attacker knows from a set of published files: the cells with the bounds their shown counts
 * give, and the relations between cells (see {@link Audit} for the list). Built once from the tables.
 */
final class Knowledge {

  /** The nation's unit id. */
  static final String NATION = "DK";

  private static final AuditCell.Count[] COUNTS = AuditCell.Count.values();

  final List<AuditTable> tables;
  final CellIndex cells = new CellIndex();
  final List<Relation> relations = new ArrayList<>();
  /** Pairs of locations whose shown counts of one cell contradict each other. */
  final List<long[]> conflicts = new ArrayList<>();
  /** The cell of each row's numerator and denominator: {@code cellOf[table][2 * row + count]}. */
  final int[][] cellOf;

  private final Map<Integer, List<Integer>> relationsByShape = new HashMap<>();

  private Knowledge(List<AuditTable> tables) {
    this.tables = List.copyOf(tables);
    this.cellOf = new int[tables.size()][];
  }

  /** Reads the tables' cells and derives the relations. */
  static Knowledge of(List<AuditTable> tables) {
    Knowledge k = new Knowledge(tables);
    k.readCells();
    k.deriveRelations();
    return k;
  }

  private void readCells() {
    for (int t = 0; t < tables.size(); t++) {
      List<AuditRow> rows = tables.get(t).rows();
      cellOf[t] = new int[rows.size() * 2];
      for (int r = 0; r < rows.size(); r++) {
        AuditRow row = rows.get(r);
        String unit = unitKey(t, row);
        for (AuditCell.Count count : COUNTS) {
          int c = cells.cell(key(row, count, unit));
          cellOf[t][2 * r + count.ordinal()] = c;
          long here = CellIndex.location(t, r, count);
          if (cells.firstSeen[c] == CellIndex.NOWHERE) {
            cells.firstSeen[c] = here;
          }
          var value = row.count(count);
          if (value.isEmpty()) {
            if (cells.firstHidden[c] == CellIndex.NOWHERE) {
              cells.firstHidden[c] = here;
            }
            continue;
          }
          long[] bounds = shownBounds(value.getAsLong(), row);
          long lo = Math.max(cells.lower[c], bounds[0]);
          long hi = Math.min(cells.upper[c], bounds[1]);
          if (lo > hi) {
            conflicts.add(new long[] {cells.firstShown[c], here});
            continue;
          }
          if (cells.firstShown[c] == CellIndex.NOWHERE) {
            cells.firstShown[c] = here;
          }
          cells.lower[c] = lo;
          cells.upper[c] = hi;
          cells.shown[c] = true;
        }
      }
    }
  }

  /**
   * The values a shown count {@code c} can stand for: {@code [c, c]}, or with rounding base B
   * {@code [max(0, c − B/2), c + B − 1 − B/2]} (integer division; Klynge rounds half up). For B = 5 and
   * c = 10: {@code [8, 12]}.
   */
  static long[] shownBounds(long c, AuditRow row) {
    if (row.roundedTo().isEmpty()) {
      return new long[] {c, c};
    }
    long b = row.roundedTo().getAsInt();
    return new long[] {Math.max(0, c - b / 2), c + b - 1 - b / 2};
  }

  /**
   * The unit of a row as the attacker can identify it: clusters, regions, the nation and unattributed by id;
   * the own clinic (and its rest of cluster) by its id; other clinics only within their file.
   */
  private static String unitKey(int table, AuditRow row) {
    return switch (row.level()) {
      case CLINIC -> clinicKey(table, row);
      case REST_OF_CLUSTER -> (row.ownClinic() ? "rest|" : "rest|" + table + "|") + row.unit() + "|" + row.parent();
      case CLUSTER -> clusterKey(row.unit());
      case REGION -> regionKey(row.unit());
      case NATION -> nationKey();
      case UNATTRIBUTED -> "unattributed|" + row.unit();
    };
  }

  /** The clinic of a clinic or rest-of-cluster row. */
  private static String clinicKey(int table, AuditRow row) {
    return (row.ownClinic() ? "clinic|" : "clinic|" + table + "|") + row.unit();
  }

  private static String clusterKey(String id) {
    return "cluster|" + id;
  }

  private static String regionKey(String id) {
    return "region|" + id;
  }

  private static String nationKey() {
    return "nation|" + NATION;
  }

  /** The cell key of a count of {@code row} at unit {@code unit}. */
  private static CellIndex.Key key(AuditRow row, AuditCell.Count count, String unit) {
    return new CellIndex.Key(population(row, count), unit, row.periodStart(), row.periodEnd());
  }

  /** The population identity, or the indicator's own when the file gives none. */
  private static String population(AuditRow row, AuditCell.Count count) {
    String p = count == AuditCell.Count.NUMERATOR ? row.numeratorPopulation() : row.denominatorPopulation();
    return p.isEmpty() ? "indicator:" + row.indicator() + ":" + count.code() : p;
  }

  private record Group(String population, LocalDate start, LocalDate end, String parent) {}

  private record PeriodKey(LocalDate start, LocalDate end) {}

  private void deriveRelations() {
    Map<Group, Set<Integer>> regions = new LinkedHashMap<>();
    Map<Group, Set<Integer>> nation = new LinkedHashMap<>();
    Map<String, Map<PeriodKey, Integer>> eventSeries = new LinkedHashMap<>();
    for (int t = 0; t < tables.size(); t++) {
      Map<Group, Set<Integer>> clusters = new LinkedHashMap<>();
      List<AuditRow> rows = tables.get(t).rows();
      for (int r = 0; r < rows.size(); r++) {
        AuditRow row = rows.get(r);
        for (AuditCell.Count count : COUNTS) {
          int c = cellOf[t][2 * r + count.ordinal()];
          Group group = new Group(population(row, count), row.periodStart(), row.periodEnd(), row.parent());
          switch (row.level()) {
            case CLINIC -> {
              if (!row.parent().isEmpty()) {
                clusters.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(c);
              }
            }
            case REST_OF_CLUSTER -> {
              if (!row.parent().isEmpty()) {
                int clinic = cells.cell(key(row, count, clinicKey(t, row)));
                int cluster = cells.cell(key(row, count, clusterKey(row.parent())));
                add(new int[] {c, clinic, cluster}, new int[] {1, 1, -1}, true, false);
              }
            }
            case CLUSTER -> {
              if (!row.parent().isEmpty()) {
                regions.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(c);
              }
            }
            case REGION -> nation.computeIfAbsent(new Group(group.population(), group.start(), group.end(), ""),
                g -> new LinkedHashSet<>()).add(c);
            default -> {
              // the nation and unattributed are totals of no parent
            }
          }
        }
        int numerator = cellOf[t][2 * r];
        if (row.numeratorKind() == NumeratorKind.PERSONS_IN_DENOMINATOR) {
          add(new int[] {numerator, cellOf[t][2 * r + 1]}, new int[] {1, -1}, false, false);
        } else if (row.numeratorKind() == NumeratorKind.EVENTS) {
          String series = population(row, AuditCell.Count.NUMERATOR) + "\u0000" + unitKey(t, row);
          eventSeries.computeIfAbsent(series, s -> new HashMap<>())
              .put(new PeriodKey(row.periodStart(), row.periodEnd()), numerator);
        }
      }
      clusters.forEach((g, parts) -> addSum(cells.cell(new CellIndex.Key(g.population(), clusterKey(g.parent()),
          g.start(), g.end())), parts, false));
    }
    regions.forEach((g, parts) -> addSum(cells.cell(new CellIndex.Key(g.population(), regionKey(g.parent()),
        g.start(), g.end())), parts, false));
    nation.forEach((g, parts) -> addSum(cells.cell(new CellIndex.Key(g.population(), nationKey(),
        g.start(), g.end())), parts, false));
    for (Map<PeriodKey, Integer> series : eventSeries.values()) {
      series.forEach((p, total) -> {
        tiled(p, series, true).ifPresent(parts -> addSum(total, parts, true));
        tiled(p, series, false).ifPresent(parts -> addSum(total, parts, true));
      });
    }
  }

  /**
   * The cells of the calendar months (or quarters) that exactly tile period {@code p}, when there are at
   * least two and all are in {@code series}.
   */
  private static Optional<Set<Integer>> tiled(PeriodKey p, Map<PeriodKey, Integer> series,
      boolean months) {
    int step = months ? 1 : 3;
    LocalDate start = p.start();
    LocalDate end = p.end();
    boolean aligned = start.getDayOfMonth() == 1 && (start.getMonthValue() - 1) % step == 0
        && end.getDayOfMonth() == end.lengthOfMonth() && end.getMonthValue() % step == 0;
    long span = (end.getYear() * 12L + end.getMonthValue()) - (start.getYear() * 12L + start.getMonthValue()) + 1;
    if (!aligned || span < 2L * step) {
      return Optional.empty();
    }
    Set<Integer> parts = new LinkedHashSet<>();
    for (LocalDate from = start; !from.isAfter(end); from = from.plusMonths(step)) {
      LocalDate to = from.plusMonths(step).minusDays(1);
      Integer cell = series.get(new PeriodKey(from, to));
      if (cell == null) {
        return Optional.empty();
      }
      parts.add(cell);
    }
    return Optional.of(parts);
  }

  /** {@code total = Σ parts}. */
  private void addSum(int total, Set<Integer> parts, boolean period) {
    int[] cs = new int[parts.size() + 1];
    int[] as = new int[cs.length];
    cs[0] = total;
    as[0] = 1;
    int i = 1;
    for (int part : parts) {
      cs[i] = part;
      as[i++] = -1;
    }
    add(cs, as, true, period);
  }

  /** Adds {@code Σ as[i] · x[cs[i]] (= or ≤) 0} once, combining repeated cells; a trivial relation is skipped. */
  private void add(int[] cs, int[] as, boolean equality, boolean period) {
    int n = cs.length;
    int[] cells = cs.clone();
    int[] coefficients = as.clone();
    for (int i = 1; i < n; i++) {
      for (int j = i; j > 0 && cells[j - 1] > cells[j]; j--) {
        int c = cells[j];
        cells[j] = cells[j - 1];
        cells[j - 1] = c;
        int a = coefficients[j];
        coefficients[j] = coefficients[j - 1];
        coefficients[j - 1] = a;
      }
    }
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m > 0 && cells[m - 1] == cells[i]) {
        coefficients[m - 1] += coefficients[i];
        if (coefficients[m - 1] == 0) {
          m--;
        }
      } else {
        cells[m] = cells[i];
        coefficients[m++] = coefficients[i];
      }
    }
    if (m == 0) {
      return;
    }
    cells = Arrays.copyOf(cells, m);
    coefficients = Arrays.copyOf(coefficients, m);
    if (equality && coefficients[0] < 0) {
      for (int i = 0; i < m; i++) {
        coefficients[i] = -coefficients[i];
      }
    }
    Relation relation = new Relation(cells, coefficients, equality, period);
    List<Integer> same = relationsByShape.computeIfAbsent(relation.shapeHash(), h -> new ArrayList<>(1));
    for (int index : same) {
      Relation known = relations.get(index);
      if (known.sameAs(relation)) {
        if (known.period() && !period) {
          relations.set(index, relation);
        }
        return;
      }
    }
    same.add(relations.size());
    relations.add(relation);
  }
}
