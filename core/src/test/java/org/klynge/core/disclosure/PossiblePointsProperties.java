package org.klynge.core.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The shortcut of {@link PossiblePoints}: the range it proves from kept optimal points never
 * reaches beyond the range a linear program derives, for the outsider and for each insider, and
 * where the outsider's own optimal points leave an insider's cells alone it is that insider's range
 * exactly. A group of insiders derives no wider a range than any member.
 */
class PossiblePointsProperties {
  private static final Protection P = new Protection(5, 5, false);

  /** Every kept point lies within every viewer's derivable range, for cells and for differences. */
  @Property(tries = 200)
  void keptPoints_neverReachBeyondTheLinearProgram(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed) {
    Generated g = generate(seed);
    DisclosureModel m = g.model();
    boolean[] hidden = g.hidden();
    DerivableRange solver = new DerivableRange(m, false);
    PossiblePoints points = new PossiblePoints(m, c -> hidden[c]);
    solver.report(points::keep);
    List<int[][]> forms = forms(m, hidden);
    for (int[][] f : forms) {
      solver.range(f[0], f[1], x -> hidden[x]);
    }
    DerivableRange exact = new DerivableRange(m, false);
    for (int[][] f : forms) {
      for (int viewer = -1; viewer < m.insiders.length; viewer++) {
        boolean[] known = known(m, viewer);
        Range proven = points.range(f[0], f[1], viewer);
        Range derivable = exact.range(f[0], f[1], x -> hidden[x] && !known[x]);
        String where = "form " + m.key(f[0][0]) + (f[0].length > 1 ? " − " + m.key(f[0][1]) : "") + ", viewer "
            + viewer + " (seed " + seed + "): ";
        assertTrue(derivable.lower() <= proven.lower() && proven.upper() <= derivable.upper(),
            where + proven + " in " + derivable);
      }
    }
    assertTrue(points.refused() == 0, "seed " + seed + ": the solver's optimal points hold every relation");
  }

  /**
   * Right after a form's outsider program, its two optimal points give that range exactly; an
   * insider whose cells neither point moves derives exactly the same range.
   */
  @Property(tries = 200)
  void outsiderPoints_thatLeaveAnInsiderAlone_giveThatInsidersRangeExactly(
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed) {
    Generated g = generate(seed);
    DisclosureModel m = g.model();
    boolean[] hidden = g.hidden();
    DerivableRange exact = new DerivableRange(m, false);
    for (int[][] f : forms(m, hidden)) {
      DerivableRange solver = new DerivableRange(m, false);
      PossiblePoints points = new PossiblePoints(m, c -> hidden[c]);
      solver.report(points::keep);
      Range outsider = solver.range(f[0], f[1], x -> hidden[x]);
      String where = "form " + m.key(f[0][0]) + " (seed " + seed + "): ";
      Range proven = points.range(f[0], f[1], -1);
      assertEquals(outsider.lower(), proven.lower(), where + "the minimum's point");
      if (!outsider.unbounded()) {
        assertEquals(outsider.upper(), proven.upper(), where + "the maximum's point");
      }
      for (int viewer = 0; viewer < m.insiders.length; viewer++) {
        boolean[] known = known(m, viewer);
        if (outsider.unbounded() || !points.range(f[0], f[1], viewer).equals(outsider)) {
          continue;
        }
        assertEquals(outsider, exact.range(f[0], f[1], x -> hidden[x] && !known[x]), where + "insider " + viewer);
      }
    }
  }

  /**
   * A group of insiders, knowing all its members' cells, derives a range within each member's: so
   * a group found safe is safe member by member (the suppressor checks insiders in groups first).
   * With a cap on the unknowns the group's range lies within each member's whole range (a capped
   * member's own range may be narrower still: the cap is conservative, not monotone).
   */
  @Property(tries = 200)
  void insiderGroup_derivesWithinEachMembersRange(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed) {
    Generated g = generate(seed);
    DisclosureModel m = g.model();
    boolean[] hidden = g.hidden();
    DerivableRange solver = new DerivableRange(m, true);
    Random rnd = new Random(seed);
    for (int[][] f : forms(m, hidden)) {
      boolean[] group = new boolean[m.insiders.length];
      boolean[] known = new boolean[m.size()];
      for (int i = 0; i < group.length; i++) {
        group[i] = rnd.nextBoolean();
        if (group[i]) {
          for (int c : m.insiderCells[i]) {
            known[c] = true;
          }
        }
      }
      for (int cap : new int[] {3, 40}) {
        Range together = solver.range(f[0], f[1], x -> hidden[x] && !known[x], Integer.MAX_VALUE, cap);
        for (int i = 0; i < group.length; i++) {
          if (!group[i]) {
            continue;
          }
          boolean[] own = known(m, i);
          Range alone = solver.range(f[0], f[1], x -> hidden[x] && !own[x]);
          assertTrue(alone.lower() <= together.lower() && together.upper() <= alone.upper(),
              "form " + m.key(f[0][0]) + ", insider " + i + ", cap " + cap + " (seed " + seed + "): " + together
                  + " in " + alone);
        }
      }
    }
  }

  /** Each hidden cell alone, and each cluster minus one of its hidden clinics. */
  private static List<int[][]> forms(DisclosureModel m, boolean[] hidden) {
    List<int[][]> out = new ArrayList<>();
    for (int c = 0; c < m.size(); c++) {
      if (hidden[c]) {
        out.add(new int[][] {{c}, {1}});
      }
    }
    for (int d = 0; d < m.differenceWholes.length; d++) {
      int whole = m.differenceWholes[d];
      int part = m.differenceParts[d];
      if (hidden[whole] || hidden[part]) {
        out.add(new int[][] {{whole, part}, {1, -1}});
      }
    }
    return out;
  }

  private static boolean[] known(DisclosureModel m, int insider) {
    boolean[] known = new boolean[m.size()];
    if (insider >= 0) {
      for (int c : m.insiderCells[insider]) {
        known[c] = true;
      }
    }
    return known;
  }

  /** A random organisation's model, its clinics as insiders, and which of its cells are hidden. */
  private record Generated(DisclosureModel model, boolean[] hidden) {}

  private static Generated generate(long seed) {
    Random rnd = new Random(seed);
    DisclosureModel.Builder b = DisclosureModel.builder();
    List<int[]> regionParts = new ArrayList<>();
    long regionX = 0;
    long regionN = 0;
    List<Integer> all = new ArrayList<>();
    int clusterCount = 1 + rnd.nextInt(3);
    for (int k = 0; k < clusterCount; k++) {
      int clinics = 1 + rnd.nextInt(5);
      long[] x = new long[clinics];
      long[] n = new long[clinics];
      long sx = 0;
      long sn = 0;
      for (int i = 0; i < clinics; i++) {
        x[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(5) : rnd.nextInt(60);
        n[i] = x[i] + rnd.nextInt(40);
        sx += x[i];
        sn += n[i];
      }
      int kx = b.cell("k" + k + "x", sx, P, 4);
      int kn = b.cell("k" + k + "n", sn, P, 4);
      all.add(kx);
      all.add(kn);
      List<Integer> cx = new ArrayList<>();
      List<Integer> cn = new ArrayList<>();
      for (int i = 0; i < clinics; i++) {
        int xi = b.cell("k" + k + "c" + i + "x", x[i], P, 1);
        int ni = b.cell("k" + k + "c" + i + "n", n[i], P, 1);
        b.atMost(xi, ni, false);
        b.knownTo("k" + k + "c" + i, xi).knownTo("k" + k + "c" + i, ni);
        cx.add(xi);
        cn.add(ni);
        all.add(xi);
        all.add(ni);
        if (clinics > 2) {
          b.difference(kx, xi).difference(kn, ni);
        }
      }
      b.sum(kx, cx).sum(kn, cn).atMost(kx, kn, false);
      regionParts.add(new int[] {kx, kn});
      regionX += sx;
      regionN += sn;
    }
    int rx = b.cell("rx", regionX, P, 16);
    int rn = b.cell("rn", regionN, P, 16);
    b.sum(rx, regionParts.stream().map(a -> a[0]).toList()).sum(rn, regionParts.stream().map(a -> a[1]).toList());
    all.add(rx);
    all.add(rn);
    DisclosureModel m = b.build();
    boolean[] hidden = new boolean[m.size()];
    double share = rnd.nextDouble();
    for (int c : all) {
      hidden[c] = rnd.nextDouble() < share;
    }
    return new Generated(m, hidden);
  }
}
