package org.klynge.core.io;

import java.nio.charset.StandardCharsets;

/**
 * The strings of one column whose values repeat across a file, found again by their bytes:
 * codes, units, clinic ids. A hit makes no new string and gives back the same
 * string as before, whose hash a map has usually computed already. Direct-mapped: a value that is
 * not found replaces the one in its slot. For ASCII bytes only; not thread-safe.
 */
final class TextCache {

  private static final int SLOTS = 4096;

  private final String[] strings = new String[SLOTS];

  /** The text of the ASCII bytes {@code b[from, to)}. */
  String get(byte[] b, int from, int to) {
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + b[i];
    }
    int slot = (hash ^ (hash >>> 12)) & (SLOTS - 1);
    String cached = strings[slot];
    if (cached != null && sameText(cached, b, from, to)) {
      return cached;
    }
    String text = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    strings[slot] = text;
    return text;
  }

  /** Whether {@code s} is the text of the ASCII bytes {@code b[from, to)}. */
  static boolean sameText(String s, byte[] b, int from, int to) {
    if (s.length() != to - from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (s.charAt(i - from) != b[i]) {
        return false;
      }
    }
    return true;
  }
}
