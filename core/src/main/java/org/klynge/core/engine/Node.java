package org.klynge.core.engine;

/**
 * A compiled criterion, evaluated for a block of patients at a time (see {@link EvalContext}).
 * {@link #eval} memoises the result per patient and period in the context, so a node shared by
 * several indicators or populations is computed once per patient, and only for the patients
 * some population actually asks about.
 */
abstract class Node {
  final int id;

  Node(int id) {
    this.id = id;
  }

  /** Of the block's patients in {@code select}, those the criterion holds for. */
  final long eval(EvalContext c, long select) {
    long known = c.known[id];
    long missing = select & ~known;
    if (missing == 0) {
      return c.value[id] & select;
    }
    long result = (c.value[id] & known) | compute(c, missing);
    c.known[id] = known | missing;
    c.value[id] = result;
    return result & select;
  }

  /** Whether the criterion holds for the one patient at bit {@code i} of the block. */
  final boolean test(EvalContext c, int i) {
    return eval(c, 1L << i) != 0;
  }

  /**
   * Of the block's patients in {@code select} (never empty), those the criterion holds for; bits
   * outside {@code select} are ignored.
   */
  abstract long compute(EvalContext c, long select);
}
