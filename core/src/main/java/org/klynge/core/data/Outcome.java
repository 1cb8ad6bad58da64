package org.klynge.core.data;

/** What became of an input row. */
public enum Outcome {
  /** Read and available to the engine. */
  USED,
  /** Valid, but deliberately left out, with a reason (e.g. an exact duplicate). */
  EXCLUDED,
  /** Invalid and left out, with a reason and its location. */
  REJECTED
}
