package org.klynge.core.engine;

/**
 * A compiled criterion. {@link #test} memoises the result per patient and period in the
 * context, so a node shared by several indicators or populations is computed once.
 */
abstract class Node {
  private static final byte FALSE = 1;
  private static final byte TRUE = 2;

  final int id;

  Node(int id) {
    this.id = id;
  }

  final boolean test(EvalContext c) {
    byte m = c.memo[id];
    if (m != 0) {
      return m == TRUE;
    }
    boolean result = compute(c);
    c.memo[id] = result ? TRUE : FALSE;
    return result;
  }

  abstract boolean compute(EvalContext c);
}
