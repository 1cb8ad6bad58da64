package org.klynge.core.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The closed form of {@link DerivableRange} (used when a component reduces to at most one sum)
 * gives exactly the range of the two linear programs, both contain the true value, and a capped
 * neighbourhood only narrows the range.
 */
class DerivableRangeProperties {
  private static final Protection P = new Protection(5, 5, false);

  /**
   * The closed form equals the linear programs, and a cap on the unknowns (the far ones taken as
   * known) can only narrow the range; every range holds the true value.
   */
  @Property(tries = 300)
  void closedForm_equalsLinearPrograms_andACapOnlyNarrows(
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed, @ForAll @IntRange(min = 1, max = 8) int cap) {
    Generated g = generate(seed);
    DisclosureModel m = g.model();
    boolean[] hidden = g.hidden();
    DerivableRange closed = new DerivableRange(m, true);
    DerivableRange lp = new DerivableRange(m, false);
    for (int c = 0; c < m.size(); c++) {
      if (!hidden[c]) {
        continue;
      }
      int[] cells = {c};
      int[] one = {1};
      String where = "cell " + m.key(c) + " (seed " + seed + ", cap " + cap + "): ";
      Range a = closed.range(cells, one, x -> hidden[x]);
      Range whole = lp.range(cells, one, x -> hidden[x]);
      assertEquals(whole, a, where);
      assertTrue(a.lower() <= m.value(c) && m.value(c) <= a.upper(), where + "contains the truth: " + a);
      Range capped = lp.range(cells, one, x -> hidden[x], Integer.MAX_VALUE, cap);
      assertTrue(whole.lower() <= capped.lower() && capped.upper() <= whole.upper(), where + capped + " in " + whole);
      assertTrue(capped.lower() <= m.value(c) && m.value(c) <= capped.upper(), where + "the capped one too");
    }
  }

  /**
   * The linear programs handed to the simplex solver directly give the ranges that ojalgo's model
   * layer (with its presolve) gives, for cells and for differences of two cells, capped or not.
   */
  @Property(tries = 300)
  void directSolver_equalsModelLayer(
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed, @ForAll @IntRange(min = 1, max = 40) int cap) {
    Generated g = generate(seed);
    DisclosureModel m = g.model();
    boolean[] hidden = g.hidden();
    DerivableRange direct = new DerivableRange(m, false, false);
    DerivableRange modelled = new DerivableRange(m, false, true);
    for (int c = 0; c < m.size(); c++) {
      for (int other = -1; other < m.size(); other += Math.max(1, m.size() / 5)) {
        if (!hidden[c] || other == c) {
          continue;
        }
        int[] cells = other < 0 ? new int[] {c} : new int[] {c, other};
        int[] coefficients = other < 0 ? new int[] {1} : new int[] {1, -1};
        String where = "form " + m.key(c) + (other < 0 ? "" : " − " + m.key(other)) + " (seed " + seed + ", cap "
            + cap + "): ";
        assertEquals(modelled.range(cells, coefficients, x -> hidden[x], Integer.MAX_VALUE, cap),
            direct.range(cells, coefficients, x -> hidden[x], Integer.MAX_VALUE, cap), where);
      }
    }
  }

  /** A random organisation's model and which of its cells are hidden. */
  private record Generated(DisclosureModel model, boolean[] hidden) {}

  private static Generated generate(long seed) {
    Random rnd = new Random(seed);
    DisclosureModel.Builder b = DisclosureModel.builder();
    List<Integer> clusters = new ArrayList<>();
    long regionX = 0;
    long regionN = 0;
    List<int[]> regionParts = new ArrayList<>();
    int clusterCount = 1 + rnd.nextInt(3);
    List<Integer> all = new ArrayList<>();
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
        cx.add(xi);
        cn.add(ni);
        all.add(xi);
        all.add(ni);
        if (clinics > 2) {
          int rx = b.cell("k" + k + "r" + i + "x", sx - x[i], P, 1);
          int rn = b.cell("k" + k + "r" + i + "n", sn - n[i], P, 1);
          b.sum(kx, List.of(xi, rx)).sum(kn, List.of(ni, rn)).atMost(rx, rn, false);
          all.add(rx);
          all.add(rn);
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
