package org.klynge.core.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * An adversary knows the structure (which cells are totals of which) and every published number,
 * plus the viewer's own clinic. For every linear relation (parent = Σ children, rest = parent −
 * clinic) they substitute the known numbers; a suppressed cell is recovered when its unit vector lies
 * in the span of the remaining equations. The property: no suppressed cell is ever recovered.
 */
class RecoveryPropertiesTest {
  record Scenario(List<InputRow> rows, Viewer viewer, int threshold, boolean rest) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<List<List<Integer>>> clusters = Arbitraries.integers().between(0, 40)
        .list().ofMinSize(1).ofMaxSize(6).list().ofMinSize(1).ofMaxSize(4);
    return Combinators.combine(clusters, Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(2, 10), Arbitraries.of(true, false), Arbitraries.integers().between(0, 30))
        .as((cl, audience, threshold, rest, ownPick) -> {
          List<InputRow> rows = new ArrayList<>();
          List<String> clinicIds = new ArrayList<>();
          long regionX = 0;
          long regionN = 0;
          List<InputRow> lower = new ArrayList<>();
          for (int c = 0; c < cl.size(); c++) {
            String cid = "K" + c;
            long cx = 0;
            long cn = 0;
            List<InputRow> kids = new ArrayList<>();
            for (int k = 0; k < cl.get(c).size(); k++) {
              long x = cl.get(c).get(k);
              long n = x + (k * 7L + c * 3L) % 25;
              String id = cid + "-" + k;
              kids.add(row(id, cid, Level.CLINIC, x, n));
              clinicIds.add(id);
              cx += x;
              cn += n;
            }
            lower.add(row(cid, "R", Level.CLUSTER, cx, cn));
            lower.addAll(kids);
            regionX += cx;
            regionN += cn;
          }
          rows.add(row("R", null, Level.REGION, regionX, regionN));
          rows.addAll(lower);
          Audience a = Audience.values()[audience];
          Viewer v = a == Audience.CLINIC
              ? Viewer.clinic(clinicIds.get(ownPick % clinicIds.size()))
              : a == Audience.CLUSTER && ownPick % 2 == 0
                  ? new Viewer(a, Optional.of(clinicIds.get(ownPick % clinicIds.size())))
                  : Viewer.of(a);
          return new Scenario(rows, v, threshold, rest);
        });
  }

  private static InputRow row(String id, String parent, Level level, long x, long n) {
    return new InputRow(id, Optional.ofNullable(parent), level, x, n,
        n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) x / n));
  }

  @Property(tries = 1000)
  void apply_noSuppressedCellIsRecoverableBySubtraction(@ForAll("scenarios") Scenario s) {
    DisclosurePolicy policy = DisclosurePolicy.defaults().withThreshold(s.viewer().audience(), s.threshold());
    DisclosedTable table = Disclosure.apply(s.rows(), s.viewer(), policy, s.rest(), "key");

    // Rebuild the structure the adversary knows: the same cells in the same order.
    List<long[]> truth = new ArrayList<>();
    List<String> unitOf = new ArrayList<>();
    List<Boolean> isRest = new ArrayList<>();
    Map<String, Integer> unitIndex = new HashMap<>();
    Map<String, InputRow> byId = new HashMap<>();
    s.rows().forEach(r -> byId.put(r.unitId(), r));
    for (InputRow r : s.rows()) {
      if (r.level() == Level.CLINIC && !s.viewer().audience().showsClinics()) {
        continue;
      }
      unitIndex.put(r.unitId(), truth.size());
      truth.add(new long[] {r.numerator(), r.denominator()});
      unitOf.add(r.unitId());
      isRest.add(false);
      if (s.rest() && r.level() == Level.CLINIC && r.parentId().isPresent()) {
        InputRow p = byId.get(r.parentId().get());
        truth.add(new long[] {p.numerator() - r.numerator(), p.denominator() - r.denominator()});
        unitOf.add(r.unitId());
        isRest.add(true);
      }
    }
    assertEquals(truth.size(), table.cells().size());

    int cells = truth.size();
    boolean[] known = new boolean[cells];
    for (int i = 0; i < cells; i++) {
      Cell c = table.cells().get(i);
      assertEquals(isRest.get(i), c.kind() == CellKind.REST_OF_PARENT);
      // The viewer knows every cell that holds only their own clinic's patients.
      boolean own = onlyOwnPatients(s, byId, unitOf.get(i), isRest.get(i));
      known[i] = !c.suppressed() || own;
      if (c.suppressed()) {
        assertTrue(c.numerator().count().isEmpty(), "a suppressed count is absent, never 0");
      } else if (!own) {
        long x = c.numerator().count().orElseThrow();
        assertFalse(x > 0 && x < s.threshold(), "published small count " + x);
      }
    }

    // Linear relations over cell values: Σ coefficient · cell = 0.
    List<Map<Integer, Integer>> relations = new ArrayList<>();
    Map<Integer, Map<Integer, Integer>> byParent = new HashMap<>();
    for (int i = 0; i < cells; i++) {
      if (isRest.get(i)) {
        int clinic = i - 1;
        Integer parent = unitIndex.get(byId.get(unitOf.get(i)).parentId().get());
        relations.add(Map.of(i, 1, parent, -1, clinic, 1));
        continue;
      }
      Optional<String> parentId = byId.get(unitOf.get(i)).parentId();
      if (parentId.isPresent() && unitIndex.containsKey(parentId.get())) {
        int parent = unitIndex.get(parentId.get());
        byParent.computeIfAbsent(parent, k -> new HashMap<>(Map.of(parent, -1))).put(i, 1);
      }
    }
    relations.addAll(byParent.values());

    for (int measure = 0; measure < 2; measure++) {
      List<Integer> unknown = new ArrayList<>();
      for (int i = 0; i < cells; i++) {
        if (!known[i]) {
          unknown.add(i);
        }
      }
      double[][] a = new double[relations.size()][unknown.size()];
      for (int r = 0; r < relations.size(); r++) {
        for (Map.Entry<Integer, Integer> e : relations.get(r).entrySet()) {
          int u = unknown.indexOf(e.getKey());
          if (u >= 0) {
            a[r][u] = e.getValue();
          }
        }
      }
      int rank = rank(a);
      for (int u = 0; u < unknown.size(); u++) {
        if (onlyOwnPatients(s, byId, unitOf.get(unknown.get(u)), isRest.get(unknown.get(u)))) {
          continue; // the cell holds no other clinic's patients
        }
        double[][] withUnit = new double[a.length + 1][];
        System.arraycopy(a, 0, withUnit, 0, a.length);
        withUnit[a.length] = new double[unknown.size()];
        withUnit[a.length][u] = 1;
        assertTrue(rank(withUnit) > rank,
            "cell " + unknown.get(u) + " (" + unitOf.get(unknown.get(u)) + (isRest.get(unknown.get(u)) ? " rest" : "")
                + ") is recoverable: " + truth.get(unknown.get(u))[measure]);
      }
    }
  }

  /**
   * Whether the viewer knows the cell without the table: their own clinic, a unit whose only clinic is
   * theirs, a rest row whose only other clinic is theirs, or a rest row with no other clinic (0).
   */
  private static boolean onlyOwnPatients(Scenario s, Map<String, InputRow> byId, String unit, boolean rest) {
    Optional<String> own = s.viewer().ownClinic();
    if (!rest && own.map(unit::equals).orElse(false)) {
      return true;
    }
    String top = rest ? byId.get(unit).parentId().orElseThrow() : unit;
    boolean any = false;
    for (InputRow r : s.rows()) {
      if (r.level() != Level.CLINIC || (rest && r.unitId().equals(unit))) {
        continue;
      }
      if (r.unitId().equals(top) || isUnder(byId, r, top)) {
        if (!own.map(r.unitId()::equals).orElse(false)) {
          return false;
        }
        any = true;
      }
    }
    return any || rest;
  }

  private static boolean isUnder(Map<String, InputRow> byId, InputRow r, String ancestor) {
    Optional<String> p = r.parentId();
    while (p.isPresent()) {
      if (p.get().equals(ancestor)) {
        return true;
      }
      p = byId.get(p.get()).parentId();
    }
    return false;
  }

  private static int rank(double[][] m) {
    if (m.length == 0 || m[0].length == 0) {
      return 0;
    }
    double[][] a = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      a[i] = m[i].clone();
    }
    int rank = 0;
    for (int col = 0; col < a[0].length && rank < a.length; col++) {
      int pivot = rank;
      for (int r = rank + 1; r < a.length; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(a[pivot][col]) < 1e-9) {
        continue;
      }
      double[] t = a[rank];
      a[rank] = a[pivot];
      a[pivot] = t;
      for (int r = 0; r < a.length; r++) {
        if (r != rank) {
          double f = a[r][col] / a[rank][col];
          for (int c = col; c < a[0].length; c++) {
            a[r][c] -= f * a[rank][c];
          }
        }
      }
      rank++;
    }
    return rank;
  }
}
