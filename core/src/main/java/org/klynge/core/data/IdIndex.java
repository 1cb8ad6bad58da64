package org.klynge.core.data;

/**
 * Ids to their positions 0, 1, 2... in the order they were added: an open-addressing table of
 * strings and ints, without an entry object or a boxed int per id, for the millions of patient
 * ids of a national extract. Not thread-safe.
 */
final class IdIndex {

  /** What {@link #get} returns for an id that was not added. */
  static final int ABSENT = -1;

  private String[] keys;
  private int[] values;
  private int size;

  IdIndex() {
    this(16);
  }

  /** An index with room for {@code expected} ids before it grows. */
  IdIndex(int expected) {
    int capacity = 16;
    while (capacity < (1 << 30) && capacity < 2L * expected) {
      capacity <<= 1;
    }
    keys = new String[capacity];
    values = new int[capacity];
  }

  int size() {
    return size;
  }

  /** The position of {@code id}, or {@link #ABSENT}. */
  int get(String id) {
    int mask = keys.length - 1;
    for (int slot = spread(id.hashCode()) & mask; ; slot = (slot + 1) & mask) {
      String key = keys[slot];
      if (key == null) {
        return ABSENT;
      }
      if (key.equals(id)) {
        return values[slot];
      }
    }
  }

  /** Adds {@code id} with the next position and returns it; the id must not be present. */
  int add(String id) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int position = size++;
    insert(keys, values, id, position);
    return position;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldValues = values;
    keys = new String[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        insert(keys, values, oldKeys[i], oldValues[i]);
      }
    }
  }

  private static void insert(String[] keys, int[] values, String id, int position) {
    int mask = keys.length - 1;
    int slot = spread(id.hashCode()) & mask;
    while (keys[slot] != null) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = id;
    values[slot] = position;
  }

  /** Mixes the bits of a string hash, whose low bits alone cluster for ids like p1, p2, p3... */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
