package org.klynge.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The attacker on random small hierarchies (a nation, regions, clusters, clinics and rest-of-cluster rows,
 * and a second indicator whose numerators are the first one's denominators) with random hidden cells:
 * its ranges always contain the true value, and a hidden cell that is the only hidden member of a sum is
 * given away.
 */
class AuditProperties {

  /** Every bounded range is reported, so the findings list every range the attacker can bound. */
  private static final AuditSettings EVERY_RANGE = new AuditSettings(1, Integer.MAX_VALUE);

  /** A published row with its true counts. */
  private record Truth(String indicator, UnitLevel level, String unit, String parent, long numerator,
      long denominator) {}

  /** A random world; {@code hide} is the percentage of rows suppressed. */
  private static List<Truth> world(Random random) {
    List<Truth> rows = new ArrayList<>();
    long[] nation = new long[4];
    int regions = 1 + random.nextInt(2);
    for (int r = 1; r <= regions; r++) {
      long[] region = new long[4];
      int clusters = 1 + random.nextInt(3);
      for (int k = 1; k <= clusters; k++) {
        String cluster = "k" + r + k;
        int clinics = 1 + random.nextInt(4);
        long[][] clinic = new long[clinics][];
        long[] sum = new long[4];
        for (int c = 0; c < clinics; c++) {
          long den = random.nextInt(31);
          long num = den == 0 ? 0 : random.nextInt((int) den + 1);
          long otherDen = num + random.nextInt(20);
          clinic[c] = new long[] {num, den, den, otherDen};
          for (int i = 0; i < 4; i++) {
            sum[i] += clinic[c][i];
          }
        }
        for (int c = 0; c < clinics; c++) {
          String unit = "P" + r + k + c;
          rows.add(new Truth("a", UnitLevel.CLINIC, unit, cluster, clinic[c][0], clinic[c][1]));
          rows.add(new Truth("b", UnitLevel.CLINIC, unit, cluster, clinic[c][2], clinic[c][3]));
          if (random.nextBoolean()) {
            rows.add(new Truth("a", UnitLevel.REST_OF_CLUSTER, unit, cluster, sum[0] - clinic[c][0],
                sum[1] - clinic[c][1]));
          }
        }
        rows.add(new Truth("a", UnitLevel.CLUSTER, cluster, "r" + r, sum[0], sum[1]));
        rows.add(new Truth("b", UnitLevel.CLUSTER, cluster, "r" + r, sum[2], sum[3]));
        for (int i = 0; i < 4; i++) {
          region[i] += sum[i];
        }
      }
      rows.add(new Truth("a", UnitLevel.REGION, "r" + r, "", region[0], region[1]));
      rows.add(new Truth("b", UnitLevel.REGION, "r" + r, "", region[2], region[3]));
      for (int i = 0; i < 4; i++) {
        nation[i] += region[i];
      }
    }
    rows.add(new Truth("a", UnitLevel.NATION, "DK", "", nation[0], nation[1]));
    rows.add(new Truth("b", UnitLevel.NATION, "DK", "", nation[2], nation[3]));
    return rows;
  }

  /** Publishes the world with some rows hidden and, when {@code base > 1}, the shown counts rounded. */
  private static AuditTable publish(List<Truth> world, boolean[] hidden, int base) {
    Published p = Published.file("p.csv");
    if (base > 1) {
      p.roundedTo(base);
    }
    for (int i = 0; i < world.size(); i++) {
      Truth t = world.get(i);
      if (t.indicator().equals("a")) {
        p.indicator("a", "aa01", "dd01");
      } else {
        p.indicator("b", "dd01", "ee01", NumeratorKind.PERSONS);
      }
      p.row(t.level(), t.unit(), t.parent(), hidden[i] ? null : round(t.numerator(), base),
          hidden[i] ? null : round(t.denominator(), base), false);
    }
    return p.table();
  }

  /** Klynge's rounding: half up to a multiple of the base. */
  private static Integer round(long v, int base) {
    return (int) (base > 1 ? Math.floorDiv(v + base / 2, base) * base : v);
  }

  /** A cell by population, level and unit: b's numerator is a's denominator (population dd01). */
  private static String key(String indicator, UnitLevel level, String unit, AuditCell.Count count) {
    String population = indicator.equals("a") ? (count == AuditCell.Count.NUMERATOR ? "aa01" : "dd01")
        : (count == AuditCell.Count.NUMERATOR ? "dd01" : "ee01");
    return population + "|" + level + "|" + unit;
  }

  private static Map<String, Long> truths(List<Truth> world) {
    Map<String, Long> values = new HashMap<>();
    for (Truth t : world) {
      values.put(key(t.indicator(), t.level(), t.unit(), AuditCell.Count.NUMERATOR), t.numerator());
      values.put(key(t.indicator(), t.level(), t.unit(), AuditCell.Count.DENOMINATOR), t.denominator());
    }
    return values;
  }

  private static boolean[] hide(Random random, int rows, int percent) {
    boolean[] hidden = new boolean[rows];
    for (int i = 0; i < rows; i++) {
      hidden[i] = random.nextInt(100) < percent;
    }
    return hidden;
  }

  @Property(tries = 300)
  void ranges_alwaysContainTheTrueValue(@ForAll long seed, @ForAll @IntRange(min = 5, max = 70) int percent,
      @ForAll @IntRange(min = 1, max = 5) int base) {
    Random random = new Random(seed);
    List<Truth> world = world(random);
    AuditTable table = publish(world, hide(random, world.size(), percent), base);
    AuditReport report = Audit.runTables(List.of(table), EVERY_RANGE);
    assertTrue(report.findings(AuditFinding.Kind.INCONSISTENT).isEmpty(), report.findings().toString());
    Map<String, Long> truth = truths(world);
    for (AuditFinding f : report.findings(AuditFinding.Kind.RANGE_TOO_NARROW)) {
      AuditCell c = f.cell();
      long value = truth.get(key(c.indicator(), c.level(), c.unit(), c.count()));
      assertTrue(f.range().orElseThrow().contains(value), f + " does not contain the true value " + value);
    }
  }

  @Property(tries = 300)
  void onlyHiddenMemberOfASum_isGivenAway(@ForAll long seed, @ForAll @IntRange(min = 5, max = 50) int percent) {
    Random random = new Random(seed);
    List<Truth> world = world(random);
    boolean[] hidden = hide(random, world.size(), percent);
    AuditReport report = Audit.runTables(List.of(publish(world, hidden, 1)), AuditSettings.of(5));
    Map<String, CountRange> found = new HashMap<>();
    for (AuditFinding f : report.findings(AuditFinding.Kind.RANGE_TOO_NARROW)) {
      found.put(key(f.cell().indicator(), f.cell().level(), f.cell().unit(), f.cell().count()), f.range().get());
    }
    for (int i = 0; i < world.size(); i++) {
      Truth t = world.get(i);
      if (!hidden[i] || t.level() == UnitLevel.REST_OF_CLUSTER || t.level() == UnitLevel.NATION) {
        continue;
      }
      UnitLevel parentLevel = t.level() == UnitLevel.CLINIC ? UnitLevel.CLUSTER
          : t.level() == UnitLevel.CLUSTER ? UnitLevel.REGION : UnitLevel.NATION;
      String parent = t.level() == UnitLevel.REGION ? "DK" : t.parent();
      boolean onlyHidden = true;
      boolean parentShown = false;
      for (int j = 0; j < world.size(); j++) {
        Truth o = world.get(j);
        if (!o.indicator().equals(t.indicator())) {
          continue;
        }
        boolean sibling = j != i && o.level() == t.level() && o.parent().equals(t.parent());
        if (sibling && hidden[j]) {
          onlyHidden = false;
        }
        if (o.level() == parentLevel && o.unit().equals(parent)) {
          parentShown = !hidden[j];
        }
      }
      if (onlyHidden && parentShown) {
        for (AuditCell.Count count : AuditCell.Count.values()) {
          String k = key(t.indicator(), t.level(), t.unit(), count);
          long value = count == AuditCell.Count.NUMERATOR ? t.numerator() : t.denominator();
          assertEquals(CountRange.exactly(value), found.get(k), k + " is the only hidden member of its sum");
        }
      }
    }
  }

  /** A published table and the true numerator of each row, by {@code level|unit|period}. */
  private record EventWorld(AuditTable table, Map<String, Long> numerators) {}

  /** A cluster's clinics over the months, quarters and year of 2024, with events that add up over time. */
  private static EventWorld events(Random random, int percent, int base) {
    Published p = Published.file("e.csv").indicator("e", "ee01", "dd01", NumeratorKind.EVENTS);
    if (base > 1) {
      p.roundedTo(base);
    }
    Map<String, Long> truth = new HashMap<>();
    int clinics = 1 + random.nextInt(4);
    long[][] months = new long[clinics][12];
    for (long[] clinic : months) {
      for (int m = 0; m < 12; m++) {
        clinic[m] = random.nextInt(12);
      }
    }
    for (int period = 0; period < 17; period++) {
      int from = period < 12 ? period : period < 16 ? 3 * (period - 12) : 0;
      int to = period < 12 ? period + 1 : period < 16 ? from + 3 : 12;
      String label = period < 12 ? String.format("2024-%02d", period + 1) : period < 16 ? "2024-Q" + (period - 11)
          : "2024";
      if (period < 12) {
        p.month(period + 1);
      } else if (period < 16) {
        p.quarter(period - 11);
      } else {
        p.year();
      }
      long cluster = 0;
      for (int c = 0; c < clinics; c++) {
        long v = 0;
        for (int m = from; m < to; m++) {
          v += months[c][m];
        }
        cluster += v;
        truth.put("clinic|P" + c + "|" + label, v);
        boolean hidden = random.nextInt(100) < percent;
        p.clinic("P" + c, "k1", hidden ? null : round(v, base), 100);
      }
      truth.put("cluster|k1|" + label, cluster);
      p.cluster("k1", "r1", random.nextInt(100) < percent ? null : round(cluster, base), 100 * clinics);
    }
    return new EventWorld(p.table(), truth);
  }

  @Property(tries = 200)
  void treesByPropagation_agreeWithLinearPrograms(@ForAll long seed, @ForAll @IntRange(min = 5, max = 70) int percent,
      @ForAll @IntRange(min = 1, max = 5) int base, @ForAll boolean periods) {
    Random random = new Random(seed);
    List<Truth> world = world(random);
    List<AuditTable> tables = List.of(periods ? events(random, percent, base).table()
        : publish(world, hide(random, world.size(), percent), base));
    Knowledge shortcut = Knowledge.of(tables);
    Attack fast = Attack.run(shortcut, true);
    Knowledge full = Knowledge.of(tables);
    Attack slow = Attack.run(full, false);
    for (int c = 0; c < shortcut.cells.size(); c++) {
      if (shortcut.cells.hidden(c)) {
        assertEquals(slow.lower[c] + ".." + slow.upper[c], fast.lower[c] + ".." + fast.upper[c], "cell " + c);
      }
    }
  }

  @Property(tries = 200)
  void eventRanges_alwaysContainTheTrueValue(@ForAll long seed, @ForAll @IntRange(min = 5, max = 70) int percent,
      @ForAll @IntRange(min = 1, max = 5) int base) {
    EventWorld world = events(new Random(seed), percent, base);
    AuditReport report = Audit.runTables(List.of(world.table()), EVERY_RANGE);
    assertTrue(report.findings(AuditFinding.Kind.INCONSISTENT).isEmpty(), report.findings().toString());
    assertEquals(0, report.periodRelationsDropped());
    for (AuditFinding f : report.findings(AuditFinding.Kind.RANGE_TOO_NARROW)) {
      AuditCell c = f.cell();
      long value = world.numerators().getOrDefault(c.level().code() + "|" + c.unit() + "|" + c.period(), -1L);
      if (c.count() == AuditCell.Count.NUMERATOR) {
        assertTrue(f.range().orElseThrow().contains(value), f + " does not contain the true value " + value);
      }
    }
  }
}
