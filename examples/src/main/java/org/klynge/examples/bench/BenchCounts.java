package org.klynge.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.klynge.core.result.Level;
import org.klynge.core.result.ResultRow;
import org.klynge.core.result.ResultTable;

/**
 * The numbers the three implementations must agree on: per indicator, level and unit, the
 * counted denominator and the numerator (or, for the rate, the events).
 */
final class BenchCounts {

  /** The benchmark's indicators, in output order. */
  static final List<String> INDICATORS = List.of("hba1c-measured", "hba1c-above-58", "statin-treated",
      "annual-control", "uti-per-1000-women", "dementia-antipsychotics");

  private final Map<String, long[]> cells = new TreeMap<>();

  void add(String indicator, Level level, String unit, long denominator, long numerator) {
    long[] c = cells.computeIfAbsent(indicator + " | " + level.code() + " | " + unit, k -> new long[2]);
    c[0] += denominator;
    c[1] += numerator;
  }

  /** The engine's counts, for the levels the others compute. */
  static BenchCounts of(ResultTable table) {
    BenchCounts out = new BenchCounts();
    for (ResultRow r : table.rows()) {
      if (r.level() == Level.REST_OF_CLUSTER || r.level() == Level.UNATTRIBUTED) {
        continue;
      }
      var c = r.counts();
      if (c.initialPopulation() == 0) {
        continue;
      }
      boolean rate = r.indicatorId().equals("uti-per-1000-women");
      out.add(r.indicatorId(), r.level(), r.unitId(), c.effectiveDenominator(),
          rate ? c.events() : c.effectiveNumerator());
    }
    return out;
  }

  /** The differences from {@code other}, at most {@code limit}; empty when they agree. */
  List<String> differences(BenchCounts other, int limit) {
    List<String> out = new ArrayList<>();
    var keys = new java.util.TreeSet<>(cells.keySet());
    keys.addAll(other.cells.keySet());
    for (String k : keys) {
      long[] a = cells.getOrDefault(k, new long[2]);
      long[] b = other.cells.getOrDefault(k, new long[2]);
      if (a[0] != b[0] || a[1] != b[1]) {
        out.add(k + ": " + a[0] + "/" + a[1] + " vs " + b[0] + "/" + b[1]);
        if (out.size() >= limit) {
          break;
        }
      }
    }
    return out;
  }

  int size() {
    return cells.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BenchCounts b && differences(b, 1).isEmpty();
  }

  @Override
  public int hashCode() {
    return Objects.hash(cells.keySet());
  }
}
