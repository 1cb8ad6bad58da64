package org.klynge.core.io;

/** Rows handed from a reader's parsing thread to the thread that checks them, in file order. */
interface RowBatch {

  /** The number of rows. */
  int size();

  /** Row {@code r}; the view is valid until the next call. */
  Row row(int r);

  /** The file offset just after the last row, or -1 when not known. */
  default long endOffset() {
    return -1;
  }
}
