package org.klynge.core.io;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The fields of a table that the parsing thread reads for the checking thread while it waits:
 * dates and numbers parsed, and text made into strings. Text that repeats across the file
 * (codes, units, clinic ids) goes through a {@link TextCache} per field, so repeated values share
 * one string; text that repeats only from one row to the next (the patient id of a patient's
 * rows) shares the string of the row above when the bytes are the same. The checking thread then
 * asks the row for them as usual and gets the value read ahead. One per file; used by the
 * parsing thread only.
 */
final class ReadAhead {

  /** Reads nothing ahead (and so holds no cache to share). */
  static final ReadAhead NONE = new ReadAhead(new int[0], new int[0], new int[0], new int[0]);

  final int[] dateFields;
  final int[] numberFields;
  final int[] textFields;
  /** Per text field, its cache; null for a field that repeats only from row to row. */
  final TextCache[] caches;
  private final int[] dateSlot;
  private final int[] numberSlot;
  private final int[] textSlot;

  /**
   * Reads ahead the given field positions (negative positions, for absent columns, are left out).
   *
   * @param repeatedTexts text fields whose values repeat across the file
   * @param rowRunTexts text fields whose value is usually the row above's
   */
  ReadAhead(int[] dateFields, int[] numberFields, int[] repeatedTexts, int[] rowRunTexts) {
    this.dateFields = present(dateFields);
    this.numberFields = present(numberFields);
    int[] repeated = present(repeatedTexts);
    this.textFields = IntStream.concat(Arrays.stream(repeated), Arrays.stream(present(rowRunTexts))).toArray();
    this.caches = new TextCache[this.textFields.length];
    Arrays.setAll(caches, i -> i < repeated.length ? new TextCache() : null);
    int width = 1 + Math.max(max(this.dateFields), Math.max(max(this.numberFields), max(this.textFields)));
    dateSlot = slots(this.dateFields, width);
    numberSlot = slots(this.numberFields, width);
    textSlot = slots(this.textFields, width);
  }

  /** Where field {@code i} is among the dates read ahead, or -1. */
  int dateSlot(int i) {
    return i < dateSlot.length ? dateSlot[i] : -1;
  }

  /** Where field {@code i} is among the numbers read ahead, or -1. */
  int numberSlot(int i) {
    return i < numberSlot.length ? numberSlot[i] : -1;
  }

  /** Where field {@code i} is among the texts read ahead, or -1. */
  int textSlot(int i) {
    return i < textSlot.length ? textSlot[i] : -1;
  }

  private static int[] present(int[] fields) {
    return Arrays.stream(fields).filter(f -> f >= 0).toArray();
  }

  private static int max(int[] fields) {
    return Arrays.stream(fields).max().orElse(-1);
  }

  private static int[] slots(int[] fields, int width) {
    int[] slots = new int[width];
    Arrays.fill(slots, -1);
    for (int k = 0; k < fields.length; k++) {
      slots[fields[k]] = k;
    }
    return slots;
  }
}
