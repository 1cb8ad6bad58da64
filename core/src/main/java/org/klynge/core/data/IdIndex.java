package org.klynge.core.data;

import java.util.Arrays;

/**
 * Ids to their positions 0, 1, 2... in the order they were added, for the millions of patient
 * ids of a national extract: the ids in that order, and an open-addressing table of longs, each
 * an id's hash and position. There is no entry object or boxed int per id, a probe compares
 * hashes before it looks at any string, and the table holds no references (so the collector
 * has no cards to scan for it). Not thread-safe.
 */
final class IdIndex {

  /** What {@link #get} returns for an id that was not added. */
  static final int ABSENT = -1;

  private String[] ids;
  /** Per slot: 0 when empty, else the id's spread hash in the high half and its position + 1 in the low half. */
  private long[] slots;
  private int size;

  IdIndex() {
    this(16);
  }

  /** An index with room for {@code expected} ids before it grows. */
  IdIndex(int expected) {
    ids = new String[Math.max(16, expected)];
    slots = new long[tableSize(expected)];
  }

  private static int tableSize(int ids) {
    int capacity = 16;
    while (capacity < (1 << 30) && capacity < 2L * ids) {
      capacity <<= 1;
    }
    return capacity;
  }

  int size() {
    return size;
  }

  /** The id at {@code position}. */
  String id(int position) {
    return ids[position];
  }

  /** The ids, in the order they were added. */
  String[] ids() {
    return Arrays.copyOf(ids, size);
  }

  /** The position of {@code id}, or {@link #ABSENT}. */
  int get(String id) {
    int hash = spread(id.hashCode());
    int mask = slots.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      long entry = slots[slot];
      if (entry == 0) {
        return ABSENT;
      }
      if ((int) (entry >>> 32) == hash) {
        int position = (int) entry - 1;
        if (ids[position].equals(id)) {
          return position;
        }
      }
    }
  }

  /** Adds {@code id} with the next position and returns it; the id must not be present. */
  int add(String id) {
    if ((size + 1) * 2L > slots.length) {
      rehash(slots.length * 2);
    }
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
    }
    int position = size++;
    ids[position] = id;
    insert(slots, spread(id.hashCode()), position);
    return position;
  }

  private void rehash(int capacity) {
    long[] old = slots;
    slots = new long[capacity];
    for (long entry : old) {
      if (entry != 0) {
        insert(slots, (int) (entry >>> 32), (int) entry - 1);
      }
    }
  }

  private static void insert(long[] slots, int hash, int position) {
    int mask = slots.length - 1;
    int slot = hash & mask;
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = ((long) hash << 32) | (position + 1L);
  }

  /** Mixes the bits of a string hash, whose low bits alone cluster for ids like p1, p2, p3... */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
