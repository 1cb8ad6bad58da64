package org.klynge.core.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one publication holds, as an attacker sees it: the <em>cells</em> (distinct counts)
 * and the linear relations between them that anyone can know from the definitions and the
 * organisation.
 *
 * <ul>
 *   <li>A <b>cell</b> is one count, named by a key. Rows that publish the same count (the same
 *       population over the same unit and period, for example one indicator's denominator and another
 *       one's numerator) name the same key and so are one cell: hidden everywhere or nowhere.
 *   <li>A <b>sum</b> says {@code total = Σ parts}: clinics to their cluster, clusters to their
 *       region, regions to the nation, months to their year, and {@code cluster = clinic + rest}.
 *   <li>An <b>at-most</b> relation says {@code part ≤ whole}: a numerator whose persons are a subset
 *       of the denominator's.
 *   <li>A <b>difference</b> {@code whole − part} is a count published without a cell of its own
 *       (the rest of a cluster beside one clinic): it is shown exactly when both its cells are, and
 *       protected like a count.
 *   <li>An <b>insider</b> knows some cells exactly: a clinic knows its own counts (and sees them in
 *       its own table, never suppressed).
 * </ul>
 *
 * <p>Every cell is a non-negative whole number. Built with {@link #builder()}; {@link
 * Suppressor#suppress} decides which cells to hide.
 */
public final class DisclosureModel {
  final String[] keys;
  final long[] values;
  final Protection[] protections;
  final double[] costs;
  /** Relations, each {@code Σ coefficients[i] · cells[i] = 0}. */
  final int[][] relationCells;
  final int[][] relationCoefficients;
  final int[][] relationsOf;
  /** {@code part[i] ≤ whole[i]}. */
  final int[] parts;
  final int[] wholes;
  final boolean[] complementProtected;
  final int[][] boundsOf;
  /** Published differences {@code differenceWholes[i] − differenceParts[i]}. */
  final int[] differenceWholes;
  final int[] differenceParts;
  final String[] insiders;
  final int[][] insiderCells;
  final int[][] insidersOf;

  private DisclosureModel(Builder b) {
    int n = b.keys.size();
    keys = b.keys.toArray(String[]::new);
    values = b.values.stream().mapToLong(Long::longValue).toArray();
    protections = b.protections.toArray(Protection[]::new);
    costs = b.costs.stream().mapToDouble(Double::doubleValue).toArray();
    relationCells = new int[b.relations.size()][];
    relationCoefficients = new int[b.relations.size()][];
    List<List<Integer>> byCell = lists(n);
    for (int r = 0; r < relationCells.length; r++) {
      Relation rel = b.relations.get(r);
      relationCells[r] = rel.cells;
      relationCoefficients[r] = rel.coefficients;
      for (int c : rel.cells) {
        byCell.get(c).add(r);
      }
    }
    relationsOf = arrays(byCell);
    parts = b.atMost.stream().mapToInt(a -> a[0]).toArray();
    wholes = b.atMost.stream().mapToInt(a -> a[1]).toArray();
    complementProtected = new boolean[parts.length];
    List<List<Integer>> boundsByCell = lists(n);
    for (int i = 0; i < parts.length; i++) {
      complementProtected[i] = b.atMost.get(i)[2] == 1;
      boundsByCell.get(parts[i]).add(i);
      boundsByCell.get(wholes[i]).add(i);
    }
    boundsOf = arrays(boundsByCell);
    differenceWholes = b.differences.stream().mapToInt(d -> d[0]).toArray();
    differenceParts = b.differences.stream().mapToInt(d -> d[1]).toArray();
    insiders = b.insiders.keySet().toArray(String[]::new);
    insiderCells = new int[insiders.length][];
    List<List<Integer>> insidersByCell = lists(n);
    for (int i = 0; i < insiders.length; i++) {
      insiderCells[i] = b.insiders.get(insiders[i]).stream().mapToInt(Integer::intValue).sorted().toArray();
      for (int c : insiderCells[i]) {
        insidersByCell.get(c).add(i);
      }
    }
    insidersOf = arrays(insidersByCell);
  }

  private static List<List<Integer>> lists(int n) {
    List<List<Integer>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>(0));
    }
    return out;
  }

  private static int[][] arrays(List<List<Integer>> lists) {
    int[][] out = new int[lists.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of cells. */
  public int size() {
    return keys.length;
  }

  /** The key of cell {@code cell}. */
  public String key(int cell) {
    return keys[cell];
  }

  /** The true value of cell {@code cell}. */
  public long value(int cell) {
    return values[cell];
  }

  /** The protection of cell {@code cell}. */
  public Protection protection(int cell) {
    return protections[cell];
  }

  /** The number of sums. */
  public int sums() {
    return relationCells.length;
  }

  private record Relation(int[] cells, int[] coefficients) {}

  /**
   * Collects cells and relations. Adding a key again returns the same cell (its value must agree);
   * a relation added twice is kept once.
   */
  public static final class Builder {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> keys = new ArrayList<>();
    private final List<Long> values = new ArrayList<>();
    private final List<Protection> protections = new ArrayList<>();
    private final List<Double> costs = new ArrayList<>();
    private final List<Relation> relations = new ArrayList<>();
    private final Set<List<Integer>> relationKeys = new HashSet<>();
    private final List<int[]> atMost = new ArrayList<>();
    private final Set<List<Integer>> atMostKeys = new HashSet<>();
    private final Map<String, Set<Integer>> insiders = new LinkedHashMap<>();
    private final List<int[]> differences = new ArrayList<>();
    private final Set<List<Integer>> differenceKeys = new HashSet<>();

    private Builder() {}

    /**
     * The cell named {@code key}, added if new.
     *
     * @param value its true value, at least 0
     * @param protection how it is protected; a cell added again keeps the stricter protection
     * @param cost what hiding it costs (for example the number of published rows it appears in,
     *     weighted by level); costs of repeated additions add up
     * @return the cell's index
     * @throws IllegalArgumentException if the key was added with another value, or value < 0
     */
    public int cell(String key, long value, Protection protection, double cost) {
      if (value < 0) {
        throw new IllegalArgumentException("cell " + key + ": a count cannot be negative, got " + value);
      }
      Integer existing = index.get(key);
      if (existing != null) {
        if (values.get(existing) != value) {
          throw new IllegalArgumentException("cell " + key + " has two values: " + values.get(existing) + " and " + value);
        }
        protections.set(existing, protections.get(existing).stricter(protection));
        costs.set(existing, costs.get(existing) + cost);
        return existing;
      }
      int i = keys.size();
      index.put(key, i);
      keys.add(key);
      values.add(value);
      protections.add(protection);
      costs.add(cost);
      return i;
    }

    /** The cell named {@code key}, if added. */
    public Optional<Integer> find(String key) {
      return Optional.ofNullable(index.get(key));
    }

    /**
     * {@code total = Σ parts}.
     *
     * @throws IllegalArgumentException if the true values do not add up, or a cell is unknown
     */
    public Builder sum(int total, List<Integer> parts) {
      check(total);
      long sum = 0;
      for (int p : parts) {
        check(p);
        sum += values.get(p);
      }
      if (sum != values.get(total)) {
        throw new IllegalArgumentException("cell " + keys.get(total) + " is " + values.get(total)
            + ", but its parts add up to " + sum);
      }
      int[] sorted = parts.stream().mapToInt(Integer::intValue).sorted().toArray();
      List<Integer> key = new ArrayList<>();
      key.add(total);
      Arrays.stream(sorted).forEach(key::add);
      if (parts.isEmpty() || !relationKeys.add(key)) {
        return this;
      }
      int[] cells = new int[sorted.length + 1];
      int[] coefficients = new int[sorted.length + 1];
      cells[0] = total;
      coefficients[0] = -1;
      for (int i = 0; i < sorted.length; i++) {
        cells[i + 1] = sorted[i];
        coefficients[i + 1] = 1;
        if (sorted[i] == total || (i > 0 && sorted[i] == sorted[i - 1])) {
          throw new IllegalArgumentException("cell " + keys.get(sorted[i]) + " occurs twice in one sum");
        }
      }
      relations.add(new Relation(cells, coefficients));
      return this;
    }

    /**
     * {@code part ≤ whole}: the persons of {@code part} are among those of {@code whole}.
     *
     * @param complementProtected whether {@code whole − part} is protected as a small complement
     *     (when the part's protection asks for it)
     * @throws IllegalArgumentException if the true values break it
     */
    public Builder atMost(int part, int whole, boolean complementProtected) {
      check(part);
      check(whole);
      if (values.get(part) > values.get(whole)) {
        throw new IllegalArgumentException("cell " + keys.get(part) + " (" + values.get(part) + ") exceeds "
            + keys.get(whole) + " (" + values.get(whole) + ")");
      }
      if (part != whole && atMostKeys.add(List.of(part, whole))) {
        atMost.add(new int[] {part, whole, complementProtected ? 1 : 0});
      }
      return this;
    }

    /**
     * {@code whole − part} is published as a count of its own (the rest of a cluster beside one
     * clinic, {@code whole} the cluster): it is protected like a cell, at {@code part}'s protection,
     * and shown exactly when both cells are. The relation {@code whole = part + rest} needs no cell
     * for the rest: it is given by the cells.
     *
     * @throws IllegalArgumentException if the difference is negative
     */
    public Builder difference(int whole, int part) {
      check(part);
      check(whole);
      if (values.get(part) > values.get(whole)) {
        throw new IllegalArgumentException("cell " + keys.get(part) + " (" + values.get(part) + ") exceeds "
            + keys.get(whole) + " (" + values.get(whole) + ")");
      }
      if (part != whole && differenceKeys.add(List.of(whole, part))) {
        differences.add(new int[] {whole, part});
      }
      return this;
    }

    /** {@code insider} knows cell {@code cell} exactly (for example, a clinic its own counts). */
    public Builder knownTo(String insider, int cell) {
      check(cell);
      insiders.computeIfAbsent(insider, k -> new HashSet<>()).add(cell);
      return this;
    }

    private void check(int cell) {
      if (cell < 0 || cell >= keys.size()) {
        throw new IllegalArgumentException("no cell " + cell);
      }
    }

    /** The model. */
    public DisclosureModel build() {
      return new DisclosureModel(this);
    }
  }
}
