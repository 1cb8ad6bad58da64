package org.klynge.core.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Chooses which cells of a {@link DisclosureModel} to hide, as statistical agencies do for
 * frequency tables (tau-ARGUS, sdcTable): primary cells first, then complements until a
 * linear-programming audit shows every protected cell safe.
 *
 * <ol>
 *   <li><b>Primary cells.</b> A cell from 1 to its threshold − 1, and, where its protection asks
 *       for small complements, a numerator whose {@code whole − part} lies from 1 to the threshold −
 *       1 (then the numerator is hidden).
 *   <li><b>Protection.</b> For a primary target with value v and protection level p, the range
 *       [lo, hi] an attacker can derive ({@link DerivableRange}) must hold a smaller and a larger
 *       count (lo ≤ v − 1, hi ≥ v + 1) and be at least p wide; for any other hidden cell it must be
 *       at least p wide. It must hold for an outsider who knows every shown cell, and for each insider
 *       (a clinic, knowing its own cells exactly) with a cell among the target's unknowns, except the
 *       insider whose own count the target is, or whose own count is all of it (the others count 0),
 *       and, for a cell that is no primary, the insider given it anyway (its rest of cluster, or a
 *       cell one sum fixes from its own cells and shown ones).
 *   <li><b>Differences.</b> A rest of cluster beside one of three or more clinics is published as
 *       the cluster minus the clinic, not as a cell: a small difference is primary (the clinic is
 *       hidden), and a hidden one must be at least p wide.
 *   <li><b>Complements.</b> First, in every sum of three or more parts holding a primary cell, the
 *       two cheapest other parts that can give way by p. Then, while a target fails, the cheapest
 *       shown cell next to its unknowns (in a sum before an at-most relation; by cost, then the
 *       larger value, which leaves more room), with the cheapest shown cell of any sum it would be
 *       the only unknown of. Hiding cells only widens ranges, so a target once safe stays safe.
 *       A cell at most a 0 (a count of nobody) is never a complement; beside such a clinic a small
 *       difference hides the cluster instead of the clinic.
 *   <li><b>Size.</b> At most 40 hidden cells nearest the target are unknowns in one range; any
 *       beyond are taken as known, which can only narrow it. A primary that fails so gets more
 *       complements; a complement gets more only when one sum gives it away (every other cell of
 *       the sum known), and is otherwise left and counted as unverified.
 *   <li><b>Every hidden cell</b> is then checked the same way (width at least p), and each hidden
 *       difference; both are queued as their cells are hidden, and complements added until none
 *       fails.
 * </ol>
 *
 * <p>How the checks are kept cheap, none of them weakening the requirement above:
 *
 * <ul>
 *   <li><b>Kept points.</b> Every linear program's optimal points (the minimum's and the maximum's)
 *       are kept ({@link PossiblePoints}): values of hidden cells, the rest at their true values,
 *       that satisfy every relation, checked when kept. Hiding more cells leaves such a point
 *       possible, so a form's values at the kept points, and its true value, lie within its
 *       derivable range for good: for the outsider, and for each insider whose cells the point
 *       leaves alone. A check those values already pass needs no program; one they do not pass is
 *       solved as before.
 *   <li><b>Insiders in groups.</b> The insiders the kept points do not settle are checked together
 *       first, the group knowing all its members' cells: a member knows less and so derives no
 *       narrower a range. A group that fails is halved, down to single insiders, and only a single
 *       insider's failure brings complements, as if each had been checked alone.
 *   <li><b>The programs</b> go to a small dense simplex ({@link BoundedSimplex}), which finds a
 *       feasible basis once for both the minimum and the maximum; ojalgo solves the rare one it
 *       cannot settle.
 * </ul>
 *
 * <p>Example, threshold and protection 5: a cluster 53 = A 3 + B 20 + D 30 with rest rows. A is
 * primary; alone it is pinned by the cluster, so a complement is needed; B (cheapest clinic with a
 * value ≥ 5). An insider B would still pin A, so D is hidden too, and the rest rows beside A, B and
 * D with them; now A ranges over 0..40 (its denominator) for an outsider, 0..33 for insider B and
 * 0..23 for D.
 */
public final class Suppressor {
  /** The most unknowns a linear program may have; beyond, the safe estimate of the neighbourhood is taken. */
  private static final int EXACT_LIMIT = 40;
  private static final boolean TRACE = Boolean.getBoolean("klynge.disclosure.trace");

  private final DisclosureModel m;
  private final boolean[] hidden;
  private final SuppressionReason[] reasons;
  private final Range[] ranges;
  private final DerivableRange lp;
  private final boolean[] knownToInsider;
  /**
   * Cells at most a cell that counts 0 (a numerator of nobody): never complements, since their
   * whole pins them at 0 for everyone who sees it, and with nobody in them there is nothing to hide.
   */
  private final boolean[] empty;
  private final int[] nearStamp;
  /** Complements still to be checked for their own width. */
  private final Deque<Integer> work = new ArrayDeque<>();
  /** Published differences one of whose cells is hidden, still to be checked. */
  private final Deque<Integer> differenceWork = new ArrayDeque<>();
  private final boolean[] differenceQueued;
  private final int[][] differencesOf;
  /** The optimal points of the linear programs so far: each proves part of a range for good. */
  private final PossiblePoints points;
  private long witnessed;
  /** Groups of insiders found safe by one range. */
  private long groups;
  private int[] nearCells = new int[64];
  private int nearCount;
  private int stamp;
  private int unprotected;
  private int unverified;

  private Suppressor(DisclosureModel model) {
    this.m = model;
    hidden = new boolean[model.size()];
    reasons = new SuppressionReason[model.size()];
    ranges = new Range[model.size()];
    lp = new DerivableRange(model);
    knownToInsider = new boolean[model.size()];
    empty = new boolean[model.size()];
    for (int b = 0; b < model.parts.length; b++) {
      empty[model.parts[b]] |= model.values[model.wholes[b]] == 0;
    }
    nearStamp = new int[model.size()];
    points = new PossiblePoints(model, c -> hidden[c]);
    lp.report(points::keep);
    differenceQueued = new boolean[model.differenceWholes.length];
    int[] counts = new int[model.size()];
    for (int d = 0; d < model.differenceWholes.length; d++) {
      counts[model.differenceWholes[d]]++;
      counts[model.differenceParts[d]]++;
    }
    differencesOf = new int[model.size()][];
    for (int c = 0; c < counts.length; c++) {
      differencesOf[c] = new int[counts[c]];
      counts[c] = 0;
    }
    for (int d = 0; d < model.differenceWholes.length; d++) {
      int w = model.differenceWholes[d];
      int p = model.differenceParts[d];
      differencesOf[w][counts[w]++] = d;
      differencesOf[p][counts[p]++] = d;
    }
  }

  /** Decides which cells of {@code model} to hide. */
  public static Suppression suppress(DisclosureModel model) {
    Suppressor s = new Suppressor(model);
    List<Target> primaries = s.primaries();
    for (Target t : primaries) {
      for (int c : t.hide) {
        s.hide(c, t.reason);
      }
    }
    long started = System.nanoTime();
    int done = 0;
    for (Target t : primaries) {
      s.preselect(t);
    }
    for (Target t : primaries) {
      s.protect(t);
      done++;
      if (TRACE && done % 20000 == 0) {
        System.err.printf("disclosure: %d of %d primary targets, %d LPs, %d closed forms, largest %d,"
            + " %d checks settled by kept points, %.1f s%n", done, primaries.size(), s.lp.solved(), s.lp.closed(),
            s.lp.largest(), s.witnessed, (System.nanoTime() - started) / 1e9);
      }
    }
    // Every complement must leave a range at least p wide too. Hiding more only widens ranges, so a
    // cell once checked stays safe: each complement is checked once, new ones as they appear.
    // A published difference is hidden when one of its cells is; then it needs the width too. Both
    // are queued as their cells are hidden, so nothing is scanned twice.
    boolean[] checked = new boolean[model.size()];
    while (!s.work.isEmpty() || !s.differenceWork.isEmpty()) {
      if (!s.work.isEmpty()) {
        int c = s.work.poll();
        if (!checked[c]) {
          checked[c] = true;
          s.protect(Target.width(c, model.protections[c].level()));
        }
        continue;
      }
      int d = s.differenceWork.poll();
      int whole = model.differenceWholes[d];
      int part = model.differenceParts[d];
      Protection p = model.protections[part];
      if (!p.small(model.values[whole] - model.values[part])) {
        s.protect(new Target(new int[] {whole, part}, new int[] {1, -1}, model.values[whole] - model.values[part],
            p.level(), false, new int[] {part}, SuppressionReason.COMPLEMENTARY));
      }
    }
    if (TRACE) {
      System.err.printf("disclosure: %d cells, %d primary targets, %d hidden, %d LPs, %d closed forms, largest %d,"
          + " %d checks settled by %d kept points, %d groups of insiders at once, %d programs left to ojalgo,"
          + " %.1f s%n", model.size(), primaries.size(), s.hiddenCount(), s.lp.solved(), s.lp.closed(),
          s.lp.largest(), s.witnessed, s.groups,
          s.points.kept(), s.lp.unsettled(), (System.nanoTime() - started) / 1e9);
    }
    return new Suppression(model, s.hidden.clone(), s.reasons.clone(), s.ranges.clone(), s.lp.solved(), s.unprotected,
        s.unverified);
  }

  /**
   * The hidden cells that {@code insider} can work out exactly from the shown cells and its own:
   * they are shown in that insider's own table, since it knows them anyway. When the shown counts
   * are published {@code rounded}, the insider works out nothing exactly but its own cells (a count
   * the exact shown cells would pin is only narrowed by rounded ones), so only those are returned.
   */
  public static java.util.Set<Integer> derivable(Suppression suppression, String insider, boolean rounded) {
    DisclosureModel model = suppression.model();
    int index = java.util.Arrays.asList(model.insiders).indexOf(insider);
    if (index < 0) {
      return java.util.Set.of();
    }
    boolean[] known = new boolean[model.size()];
    for (int c : model.insiderCells[index]) {
      known[c] = true;
    }
    if (rounded) {
      java.util.TreeSet<Integer> own = new java.util.TreeSet<>();
      for (int c : model.insiderCells[index]) {
        if (suppression.hidden(c)) {
          own.add(c);
        }
      }
      return java.util.Collections.unmodifiableSet(own);
    }
    DerivableRange lp = new DerivableRange(model);
    // The hidden cells within three sums of the insider's: its own rest of cluster is one sum away,
    // the nation three (where the others count 0, the cluster, region and nation are its own count).
    BitSet near = new BitSet();
    List<Integer> frontier = new ArrayList<>();
    for (int c : model.insiderCells[index]) {
      near.set(c);
      frontier.add(c);
    }
    for (int hop = 0; hop < 3; hop++) {
      List<Integer> next = new ArrayList<>();
      for (int cell : frontier) {
        for (int r : model.relationsOf[cell]) {
          for (int c : model.relationCells[r]) {
            if (!near.get(c)) {
              near.set(c);
              next.add(c);
            }
          }
        }
      }
      frontier = next;
    }
    java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
    for (int c = near.nextSetBit(0); c >= 0; c = near.nextSetBit(c + 1)) {
      if (suppression.hidden(c) && known[c]) {
        // Its own count, also where another row publishes it (the rest beside the other of two clinics).
        out.add(c);
      }
    }
    // A sum with one unknown cell left pins it; repeat until none does. This reaches cells whose
    // hidden surroundings are too many for the linear program below.
    for (boolean pinned = true; pinned; ) {
      pinned = false;
      for (int c = near.nextSetBit(0); c >= 0; c = near.nextSetBit(c + 1)) {
        for (int r : model.relationsOf[c]) {
          int open = -1;
          for (int x : model.relationCells[r]) {
            if (suppression.hidden(x) && !known[x]) {
              open = open == -1 ? x : -2;
            }
          }
          if (open >= 0 && near.get(open)) {
            known[open] = true;
            out.add(open);
            pinned = true;
          }
        }
      }
    }
    for (int c = near.nextSetBit(0); c >= 0; c = near.nextSetBit(c + 1)) {
      if (!suppression.hidden(c) || known[c]) {
        continue;
      }
      // Taking the far cells as unknown can only widen the range: what is exact here is exact.
      Range r = lp.range(new int[] {c}, new int[] {1}, x -> suppression.hidden(x) && !known[x], EXACT_LIMIT);
      if (r != null && r.exact()) {
        out.add(c);
      }
    }
    return java.util.Collections.unmodifiableSet(out);
  }

  /** A linear form to protect, the cells that hiding it starts with, and the requirement. */
  private record Target(int[] cells, int[] coefficients, long value, int level, boolean primary, int[] hide,
      SuppressionReason reason) {
    static Target width(int cell, int level) {
      return new Target(new int[] {cell}, new int[] {1}, 0, level, false, new int[] {cell},
          SuppressionReason.COMPLEMENTARY);
    }
  }

  private List<Target> primaries() {
    List<Target> out = new ArrayList<>();
    for (int c = 0; c < m.size(); c++) {
      Protection p = m.protections[c];
      if (p.small(m.values[c])) {
        out.add(new Target(new int[] {c}, new int[] {1}, m.values[c], p.level(), true, new int[] {c},
            SuppressionReason.SMALL_COUNT));
      }
    }
    for (int b = 0; b < m.parts.length; b++) {
      int part = m.parts[b];
      int whole = m.wholes[b];
      Protection p = m.protections[part];
      long rest = m.values[whole] - m.values[part];
      if (m.complementProtected[b] && p.smallComplements() && p.small(rest)) {
        out.add(new Target(new int[] {whole, part}, new int[] {1, -1}, rest, p.level(), true, new int[] {part},
            SuppressionReason.SMALL_COMPLEMENT));
      }
    }
    for (int d = 0; d < m.differenceWholes.length; d++) {
      int whole = m.differenceWholes[d];
      int part = m.differenceParts[d];
      Protection p = m.protections[part];
      long rest = m.values[whole] - m.values[part];
      if (p.small(rest)) {
        // Beside a clinic of nobody the difference is the cluster itself: hiding the clinic would not help.
        out.add(new Target(new int[] {whole, part}, new int[] {1, -1}, rest, p.level(), true,
            new int[] {empty[part] ? whole : part}, SuppressionReason.SMALL_DIFFERENCE));
      }
    }
    return out;
  }

  private void hide(int cell, SuppressionReason reason) {
    if (!hidden[cell]) {
      hidden[cell] = true;
      reasons[cell] = reason;
      for (int d : differencesOf[cell]) {
        if (!differenceQueued[d]) {
          differenceQueued[d] = true;
          differenceWork.add(d);
        }
      }
      // A small count's own target asks for more than width; every other hidden cell needs the width
      // (a numerator hidden for its small complement too: recovered, it gives the difference away).
      if (reason != SuppressionReason.SMALL_COUNT) {
        work.add(cell);
      }
    } else if (reason != SuppressionReason.COMPLEMENTARY && reasons[cell] == SuppressionReason.COMPLEMENTARY) {
      reasons[cell] = reason;
    }
  }

  private int hiddenCount() {
    int n = 0;
    for (boolean h : hidden) {
      n += h ? 1 : 0;
    }
    return n;
  }

  /** Whether a sum holds the target's only cell and no other unknown to the current attacker. */
  private boolean pinnedByOneSum(Target t) {
    if (t.cells.length != 1) {
      return false;
    }
    for (int r : m.relationsOf[t.cells[0]]) {
      boolean alone = true;
      for (int c : m.relationCells[r]) {
        if (c != t.cells[0] && hidden[c] && !knownToInsider[c]) {
          alone = false;
          break;
        }
      }
      if (alone) {
        return true;
      }
    }
    return false;
  }

  /** Hides complements until {@code t} is safe. */
  private void protect(Target t) {
    while (shortfall(t) > 0) {
      int candidate = cheapestCandidate(t);
      if (candidate < 0) {
        unprotected++;
        return;
      }
      for (int c : closure(t, candidate)) {
        hide(c, SuppressionReason.COMPLEMENTARY);
      }
    }
  }

  /**
   * Before any linear program: in every sum of at least three parts that holds a primary cell,
   * hide the two cheapest other parts that can give way by the protection level (with the cells
   * that must go with them), so that neither an outsider nor the owner of one of them pins the
   * primary. Most primary cells are then safe at the first check.
   */
  private void preselect(Target t) {
    for (int cell : t.hide) {
      for (int r : m.relationsOf[cell]) {
        int[] rc = m.relationCells[r];
        int[] co = m.relationCoefficients[r];
        if (rc.length < 4) {
          continue;
        }
        int hiddenParts = 0;
        for (int j = 0; j < rc.length; j++) {
          hiddenParts += co[j] > 0 && hidden[rc[j]] ? 1 : 0;
        }
        while (hiddenParts < 3) {
          int best = -1;
          for (int j = 0; j < rc.length; j++) {
            int c = rc[j];
            if (co[j] > 0 && !hidden[c] && m.values[c] >= t.level
                && (best < 0 || m.costs[c] < m.costs[best] || (m.costs[c] == m.costs[best] && m.values[c] > m.values[best]))) {
              best = c;
            }
          }
          if (best < 0) {
            break;
          }
          for (int c : closure(t, best)) {
            hide(c, SuppressionReason.COMPLEMENTARY);
          }
          hiddenParts++;
        }
      }
    }
  }

  /**
   * How far {@code t}'s derivable range falls short of its requirement, in the worst of the
   * outsider's and the insiders' views; 0 when safe. Records a primary's outsider range.
   */
  private long shortfall(Target t) {
    long worst = shortfall(t, -1);
    if (worst > 0) {
      return worst;
    }
    // The insiders that a kept point does not already settle are checked together first: a member
    // knows less than the whole group and so derives no narrower a range; a group that passes
    // passes member by member. One that fails is halved, down to
    // single insiders, whose failure is the answer, as if each had been checked alone.
    int[] open = new int[0];
    for (int insider : insiders(t)) {
      if (accountsForAll(t, insider)) {
        continue;
      }
      if (shortfall(t, insider, points.range(t.cells, t.coefficients, insider)) == 0) {
        witnessed++;
        continue;
      }
      open = Arrays.copyOf(open, open.length + 1);
      open[open.length - 1] = insider;
    }
    if (!t.primary) {
      // Together the insiders around a complement mostly know enough to pin it, so a group rarely
      // passes: one at a time is cheaper.
      for (int insider : open) {
        long s = shortfall(t, insider);
        if (s > 0) {
          return s;
        }
      }
      return 0;
    }
    return open.length == 0 ? 0 : shortfall(t, open, 0, open.length);
  }

  /** The shortfall for insiders {@code open[from, to)}: 0 if every one of them is safe. */
  private long shortfall(Target t, int[] open, int from, int to) {
    if (to - from == 1) {
      return shortfall(t, open[from]);
    }
    for (int i = from; i < to; i++) {
      for (int c : m.insiderCells[open[i]]) {
        knownToInsider[c] = true;
      }
    }
    long together;
    try {
      together = shortfall(t, open[from], lp.range(t.cells, t.coefficients, c -> hidden[c] && !knownToInsider[c],
          Integer.MAX_VALUE, EXACT_LIMIT));
    } finally {
      for (int i = from; i < to; i++) {
        for (int c : m.insiderCells[open[i]]) {
          knownToInsider[c] = false;
        }
      }
    }
    if (together == 0) {
      groups++;
      return 0;
    }
    int middle = (from + to) >>> 1;
    long first = shortfall(t, open, from, middle);
    return first > 0 ? first : shortfall(t, open, middle, to);
  }

  /**
   * Whether the insider's own count is the whole of a sum the target cell is the total of (a cluster
   * whose other clinics count 0): all it can learn is that the others count 0, which identifies nobody.
   */
  private boolean accountsForAll(Target t, int insider) {
    if (t.cells.length != 1) {
      return false;
    }
    int cell = t.cells[0];
    for (int r : m.relationsOf[cell]) {
      int[] rc = m.relationCells[r];
      if (rc[0] != cell) {
        continue;
      }
      for (int j = 1; j < rc.length; j++) {
        if (m.values[rc[j]] == m.values[cell] && Arrays.binarySearch(m.insiderCells[insider], rc[j]) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  private long shortfall(Target t, int insider) {
    if (insider >= 0) {
      for (int c : m.insiderCells[insider]) {
        knownToInsider[c] = true;
      }
    }
    try {
      // A point kept from an earlier linear program may already show the range wide enough.
      Range known = points.range(t.cells, t.coefficients, insider);
      if (shortfall(t, insider, known) == 0) {
        witnessed++;
        return 0;
      }
      // The hidden cells nearest the target, breadth first, up to EXACT_LIMIT of them; any beyond
      // are taken as known. A range that is safe then is safe for the real attacker, who knows less.
      Range r = lp.range(t.cells, t.coefficients, c -> hidden[c] && !knownToInsider[c], Integer.MAX_VALUE,
          EXACT_LIMIT);
      long s = shortfall(t, insider, r);
      if (s == 0 || !lp.capped()) {
        return s;
      }
      if (t.primary) {
        // Too large to solve whole: a primary cell stays on the safe side.
        return s;
      }
      // A complement that one sum gives away (all its other cells known) is pinned for the attacker too.
      if (pinnedByOneSum(t)) {
        return s;
      }
      // Otherwise it is left as it is (it is no small count; escalating on estimates would hide whole
      // tables), counted, and left to the audit of the published files.
      unverified++;
      return 0;
    } finally {
      if (insider >= 0) {
        for (int c : m.insiderCells[insider]) {
          knownToInsider[c] = false;
        }
      }
    }
  }

  private long shortfall(Target t, int insider, Range r) {
    if (insider < 0 && t.primary) {
      for (int c : t.hide) {
        ranges[c] = r;
      }
    }
    if (!t.primary) {
      return Math.max(0, t.level - Math.min(r.width(), Integer.MAX_VALUE));
    }
    // At least p wide, and reaching below and above the value: the attacker can rule out neither a
    // smaller nor a larger count.
    long low = Math.max(0, r.lower() - (t.value - 1));
    if (r.unbounded()) {
      return low;
    }
    long high = Math.max(0, t.value + 1 - r.upper());
    long width = Math.max(0, t.level - (r.upper() - r.lower()));
    return low + high + width;
  }

  /** The hidden cells within two sums of {@code t}'s cells (see {@link #markNear}). */
  private int[] hiddenNear(Target t) {
    markNear(t);
    int n = 0;
    for (int i = 0; i < nearCount; i++) {
      n += hidden[nearCells[i]] ? 1 : 0;
    }
    int[] out = new int[n];
    int k = 0;
    for (int i = 0; i < nearCount; i++) {
      if (hidden[nearCells[i]]) {
        out[k++] = nearCells[i];
      }
    }
    return out;
  }

  /** Marks the cells within two sums of {@code t}'s cells: the neighbourhood solved first. */
  private void markNear(Target t) {
    stamp++;
    nearCount = 0;
    for (int c : t.cells) {
      if (nearStamp[c] != stamp) {
        nearStamp[c] = stamp;
        addNear(c);
      }
    }
    int from = 0;
    for (int hop = 0; hop < 2; hop++) {
      int to = nearCount;
      for (int i = from; i < to; i++) {
        for (int r : m.relationsOf[nearCells[i]]) {
          for (int c : m.relationCells[r]) {
            if (nearStamp[c] != stamp) {
              nearStamp[c] = stamp;
              addNear(c);
            }
          }
        }
      }
      from = to;
    }
  }

  private void addNear(int cell) {
    if (nearCount == nearCells.length) {
      nearCells = Arrays.copyOf(nearCells, nearCount * 2);
    }
    nearCells[nearCount++] = cell;
  }

  /**
   * The insiders with a cell among the unknowns of {@code t}'s linear program: the hidden cells
   * connected to its cells through sums and at-most relations, breadth first up to the
   * {@link #EXACT_LIMIT} nearest. Left out: those who know every cell of {@code t} (it is their own
   * count) and, for a complement or difference, those given it anyway ({@link #givenTo}).
   */
  private int[] insiders(Target t) {
    stamp++;
    int size = 0;
    int[] queue = new int[Math.max(EXACT_LIMIT, t.cells.length)];
    for (int c : t.cells) {
      if (nearStamp[c] != stamp) {
        nearStamp[c] = stamp;
        queue[size++] = c;
      }
    }
    for (int head = 0; head < size && size < EXACT_LIMIT; head++) {
      int cell = queue[head];
      for (int r : m.relationsOf[cell]) {
        for (int c : m.relationCells[r]) {
          size = enqueueHidden(c, queue, size);
        }
      }
      for (int b : m.boundsOf[cell]) {
        size = enqueueHidden(m.parts[b] == cell ? m.wholes[b] : m.parts[b], queue, size);
      }
    }
    int[] out = new int[0];
    for (int k = 0; k < size; k++) {
      for (int i : m.insidersOf[queue[k]]) {
        if (!contains(out, i) && !knowsAll(i, t.cells) && (t.primary || !givenTo(i, t))) {
          out = Arrays.copyOf(out, out.length + 1);
          out[out.length - 1] = i;
        }
      }
    }
    return out;
  }

  private int enqueueHidden(int cell, int[] queue, int size) {
    if (size < queue.length && hidden[cell] && nearStamp[cell] != stamp) {
      nearStamp[cell] = stamp;
      queue[size++] = cell;
    }
    return size;
  }

  /**
   * Whether a complement or difference is what the insider is given anyway: a difference with one
   * of its own cells (its rest of cluster: the cluster minus its own count), or a cell that one sum
   * fixes from the insider's own cells and shown ones (beside the other of two clinics, the rest is
   * that clinic). Its own table shows it; a narrow range there is no finding.
   */
  private boolean givenTo(int insider, Target t) {
    int[] own = m.insiderCells[insider];
    if (t.cells.length > 1) {
      for (int c : t.cells) {
        if (Arrays.binarySearch(own, c) >= 0) {
          return true;
        }
      }
      return false;
    }
    for (int r : m.relationsOf[t.cells[0]]) {
      boolean usesOwn = false;
      boolean fixed = true;
      for (int c : m.relationCells[r]) {
        if (c == t.cells[0]) {
          continue;
        }
        boolean mine = Arrays.binarySearch(own, c) >= 0;
        usesOwn |= mine;
        if (!mine && hidden[c]) {
          fixed = false;
          break;
        }
      }
      if (usesOwn && fixed) {
        return true;
      }
    }
    return false;
  }

  private boolean knowsAll(int insider, int[] cells) {
    for (int c : cells) {
      if (Arrays.binarySearch(m.insiderCells[insider], c) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The cheapest shown cell in a relation with the hidden cells next to {@code t} (those in a sum
   * before those only in an at-most relation; then by cost, the larger value, which leaves more
   * room, and index); −1 if there is none.
   */
  private int cheapestCandidate(Target t) {
    int[] near = hiddenNear(t);
    int[] around = near.length == 0 ? t.cells : near;
    int best = -1;
    for (int cell : around) {
      for (int r : m.relationsOf[cell]) {
        for (int c : m.relationCells[r]) {
          if (!hidden[c] && !empty[c] && (best < 0 || cheaper(c, best, t.level))) {
            best = c;
          }
        }
      }
    }
    if (best >= 0) {
      return best;
    }
    for (int cell : around) {
      for (int b : m.boundsOf[cell]) {
        for (int c : new int[] {m.parts[b], m.wholes[b]}) {
          if (!hidden[c] && !empty[c] && (best < 0 || cheaper(c, best, t.level))) {
            best = c;
          }
        }
      }
    }
    return best;
  }

  private boolean cheaper(int a, int b, int level) {
    if (m.costs[a] != m.costs[b]) {
      return m.costs[a] < m.costs[b];
    }
    long va = Math.min(m.values[a], level);
    long vb = Math.min(m.values[b], level);
    return va != vb ? va > vb : a < b;
  }

  /**
   * {@code cell} and the shown cells that must be hidden with it: while some sum next to {@code t}'s
   * unknowns has exactly one unknown (which it would give away), that sum's cheapest shown cell.
   */
  private int[] closure(Target t, int cell) {
    int[] out = {cell};
    hidden[cell] = true;
    try {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int c : hiddenNear(t)) {
          for (int r : m.relationsOf[c]) {
            int unknowns = 0;
            int cheapest = -1;
            for (int x : m.relationCells[r]) {
              if (hidden[x]) {
                unknowns++;
              } else if (!empty[x] && (cheapest < 0 || m.costs[x] < m.costs[cheapest])) {
                cheapest = x;
              }
            }
            if (unknowns == 1 && cheapest >= 0) {
              out = Arrays.copyOf(out, out.length + 1);
              out[out.length - 1] = cheapest;
              hidden[cheapest] = true;
              changed = true;
            }
          }
        }
      }
    } finally {
      for (int c : out) {
        hidden[c] = false;
      }
    }
    return out;
  }

  private static boolean contains(int[] cells, int cell) {
    for (int c : cells) {
      if (c == cell) {
        return true;
      }
    }
    return false;
  }
}
