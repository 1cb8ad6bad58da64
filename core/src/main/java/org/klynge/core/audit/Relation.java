package org.klynge.core.audit;

import java.util.Arrays;

/**
 * A linear relation between cells, {@code Σ coefficients[i] · x[cells[i]] = 0} (an equality) or
 * {@code ≤ 0} (an inequality), with the cells in increasing order. A period relation (a period as the sum
 * of the months or quarters that tile it) may not hold in the data and is dropped when its component is
 * infeasible with it.
 *
 * @param cells the cells, increasing
 * @param coefficients one per cell, none zero; an equality's first is positive
 * @param equality {@code = 0} rather than {@code ≤ 0}
 * @param period whether it is a period relation
 */
record Relation(int[] cells, int[] coefficients, boolean equality, boolean period) {

  /** The same relation (cells, coefficients and sense), whatever its origin. */
  boolean sameAs(Relation other) {
    return equality == other.equality && Arrays.equals(cells, other.cells)
        && Arrays.equals(coefficients, other.coefficients);
  }

  /** A hash consistent with {@link #sameAs}. */
  int shapeHash() {
    return (Arrays.hashCode(cells) * 31 + Arrays.hashCode(coefficients)) * 2 + (equality ? 1 : 0);
  }
}
