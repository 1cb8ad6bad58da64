package org.klynge.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The linear program of one component, against interval propagation, which it must beat on a cycle. */
class ComponentProgramTest {

  private static int[] cells(CellIndex index, int n) {
    int[] cs = new int[n];
    for (int i = 0; i < n; i++) {
      cs[i] = index.cell(new CellIndex.Key("p", "u" + i, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
    }
    return cs;
  }

  /** {@code x[a] + x[b] = total}, with the total a known cell. */
  private static Relation sum(int total, int a, int b) {
    return new Relation(new int[] {a, b, total}, new int[] {1, 1, -1}, true, false);
  }

  @Test
  void range_onACycleOfSums_isExactWherePropagationIsNot() {
    // x0 + x1 = x0 + x2 = x1 + x2 = 10: each is 5, but each relation alone allows [0, 10].
    CellIndex index = new CellIndex();
    int[] x = cells(index, 4);
    index.lower[x[3]] = 10;
    index.upper[x[3]] = 10;
    List<Relation> relations = List.of(sum(x[3], x[0], x[1]), sum(x[3], x[0], x[2]), sum(x[3], x[1], x[2]));
    Propagation.run(index, relations);
    assertEquals(0, index.lower[x[0]]);
    assertEquals(10, index.upper[x[0]]);
    ComponentProgram program = new ComponentProgram(Bounds.of(index), new int[] {x[0], x[1], x[2]}, relations);
    for (int i = 0; i < 3; i++) {
      assertEquals(new ComponentProgram.Range(5, 5, false), program.range(x[i]), "x" + i);
    }
    assertEquals(6, program.solved());
  }

  @Test
  void range_unboundedMaximum_keepsNoUpperLimit() {
    // x0 − x1 = 0 with neither bounded above: x0 in [0, ∞).
    CellIndex index = new CellIndex();
    int[] x = cells(index, 2);
    Relation equal = new Relation(new int[] {x[0], x[1]}, new int[] {1, -1}, true, false);
    ComponentProgram program = new ComponentProgram(Bounds.of(index), new int[] {x[0], x[1]}, List.of(equal));
    assertEquals(new ComponentProgram.Range(0, CellIndex.UNBOUNDED, false), program.range(x[0]));
  }

  @Test
  void range_infeasible_saysSo() {
    // x0 + x1 = 10 with x0 ≤ 3 and x1 ≤ 4.
    CellIndex index = new CellIndex();
    int[] x = cells(index, 3);
    index.lower[x[2]] = 10;
    index.upper[x[2]] = 10;
    index.upper[x[0]] = 3;
    index.upper[x[1]] = 4;
    ComponentProgram program = new ComponentProgram(Bounds.of(index), new int[] {x[0], x[1]}, List.of(sum(x[2], x[0], x[1])));
    assertTrue(program.range(x[0]).infeasible());
    assertTrue(!program.feasible());
  }

  @Test
  void propagation_roundedNeighbours_narrowAHiddenCell() {
    // The worked example of Propagation: 20 = [3, 7] + [10, 14] + x gives x in [0, 7].
    CellIndex index = new CellIndex();
    int[] x = cells(index, 4);
    index.lower[x[0]] = 20;
    index.upper[x[0]] = 20;
    index.lower[x[1]] = 3;
    index.upper[x[1]] = 7;
    index.lower[x[2]] = 10;
    index.upper[x[2]] = 14;
    Relation cluster = new Relation(new int[] {x[0], x[1], x[2], x[3]}, new int[] {1, -1, -1, -1}, true, false);
    Propagation.run(index, List.of(cluster));
    assertEquals(0, index.lower[x[3]]);
    assertEquals(7, index.upper[x[3]]);
  }
}
