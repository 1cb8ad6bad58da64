package org.klynge.core.io;

import java.util.Arrays;

/**
 * The fields of a table that the parsing thread reads for the checking thread while it waits:
 * dates and numbers parsed, and text made into strings, with a {@link TextCache} per text field
 * so repeated values (codes, units, the patient id of consecutive rows) share one string. The
 * checking thread then asks the row for them as usual and gets the value read ahead. One per
 * file; used by the parsing thread only.
 */
final class ReadAhead {

  /** Reads nothing ahead (and so holds no cache to share). */
  static final ReadAhead NONE = new ReadAhead(new int[0], new int[0], new int[0]);

  final int[] dateFields;
  final int[] numberFields;
  final int[] textFields;
  final TextCache[] caches;
  private final int[] dateSlot;
  private final int[] numberSlot;
  private final int[] textSlot;

  /** Reads ahead the given field positions (negative positions, for absent columns, are left out). */
  ReadAhead(int[] dateFields, int[] numberFields, int[] textFields) {
    this.dateFields = present(dateFields);
    this.numberFields = present(numberFields);
    this.textFields = present(textFields);
    this.caches = new TextCache[this.textFields.length];
    Arrays.setAll(caches, i -> new TextCache());
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
