package org.klynge.core.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows that {@link CsvScanner} found in one chunk of a file: the chunk's bytes and where each
 * field lies in them. Fields are only read when the assembler asks, and a date, a number or an
 * event type is read from the bytes without making a string.
 */
final class ScannedBatch implements RowBatch {

  /** The field is ASCII. */
  static final byte ASCII = 0;
  /** The field holds UTF-8 beyond ASCII (checked well-formed by the scanner). */
  static final byte UTF8 = 1;
  /** The field was quoted and holds doubled quotes, to be read as one. */
  static final byte DOUBLED_QUOTES = 2;

  private static final double[] POWERS_OF_TEN = new double[23];
  private static final long EXACT_MANTISSA = 1L << 53;

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  final byte[] bytes;
  private int rows;
  private int[] firstField;
  private long[] lines;
  private int fields;
  private int[] start;
  private int[] end;
  private byte[] kind;
  private final View view = new View();
  private long endOffset = -1;

  /** An empty batch over {@code bytes}, with room for about {@code rows} rows and {@code fields} fields. */
  ScannedBatch(byte[] bytes, int rows, int fields) {
    this.bytes = bytes;
    int r = Math.max(1, rows);
    int f = Math.max(1, fields);
    firstField = new int[r + 1];
    lines = new long[r];
    start = new int[f];
    end = new int[f];
    kind = new byte[f];
  }

  @Override
  public int size() {
    return rows;
  }

  @Override
  public Row row(int r) {
    view.first = firstField[r];
    view.count = firstField[r + 1] - view.first;
    view.line = lines[r];
    return view;
  }

  @Override
  public long endOffset() {
    return endOffset;
  }

  void endOffset(long offset) {
    endOffset = offset;
  }

  /** The number of fields added so far, including those of a row not yet ended. */
  int fieldCount() {
    return fields;
  }

  /** Forgets fields added after the first {@code count} (a row that was not finished). */
  void truncateFields(int count) {
    fields = count;
  }

  void addField(int from, int to, byte fieldKind) {
    if (fields == start.length) {
      start = Arrays.copyOf(start, fields * 2);
      end = Arrays.copyOf(end, fields * 2);
      kind = Arrays.copyOf(kind, fields * 2);
    }
    start[fields] = from;
    end[fields] = to;
    kind[fields] = fieldKind;
    fields++;
  }

  /** Ends a row whose fields were added since the previous row ended; it starts on {@code line}. */
  void endRow(long line) {
    if (rows == lines.length) {
      lines = Arrays.copyOf(lines, rows * 2);
      firstField = Arrays.copyOf(firstField, rows * 2 + 1);
    }
    lines[rows] = line;
    rows++;
    firstField[rows] = fields;
  }

  /** Field {@code f} as text, for a field read from bytes. */
  String text(int f) {
    int from = start[f];
    int length = end[f] - from;
    switch (kind[f]) {
      case ASCII:
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
      case UTF8:
        return new String(bytes, from, length, StandardCharsets.UTF_8);
      default:
        byte[] once = new byte[length];
        int n = 0;
        for (int i = from; i < from + length; i++) {
          once[n++] = bytes[i];
          if (bytes[i] == '"') {
            i++; // the second of a doubled quote
          }
        }
        return new String(once, 0, n, StandardCharsets.UTF_8);
    }
  }

  /** The row the assembler sees: field {@code i} is field {@code first + i} of the batch. */
  private final class View extends Row {
    private int first;
    private int count;
    private long line;

    @Override
    int count() {
      return count;
    }

    @Override
    long line() {
      return line;
    }

    @Override
    boolean isEmpty(int i) {
      return start[first + i] == end[first + i];
    }

    @Override
    String text(int i) {
      return ScannedBatch.this.text(first + i);
    }

    @Override
    String text(int i, TextCache cache) {
      int f = first + i;
      return kind[f] == ASCII ? cache.get(bytes, start[f], end[f]) : text(i);
    }

    @Override
    boolean is(int i, String ascii) {
      int f = first + i;
      if (kind[f] == DOUBLED_QUOTES) {
        return super.is(i, ascii);
      }
      int from = start[f];
      int length = end[f] - from;
      if (length != ascii.length()) {
        return false;
      }
      for (int k = 0; k < length; k++) {
        if (bytes[from + k] != ascii.charAt(k)) {
          return false;
        }
      }
      return true;
    }

    @Override
    boolean isIgnoringCase(int i, String ascii) {
      int f = first + i;
      if (kind[f] != ASCII) {
        return super.isIgnoringCase(i, ascii); // String's rules for letters beyond ASCII
      }
      int from = start[f];
      int length = end[f] - from;
      if (length != ascii.length()) {
        return false;
      }
      for (int k = 0; k < length; k++) {
        int a = bytes[from + k];
        int b = ascii.charAt(k);
        if (a != b && (lower(a) != lower(b))) {
          return false;
        }
      }
      return true;
    }

    @Override
    int day(int i) {
      int f = first + i;
      int from = start[f];
      if (kind[f] != ASCII || end[f] - from != 10 || bytes[from + 4] != '-' || bytes[from + 7] != '-') {
        return kind[f] == ASCII ? Dates.INVALID : super.day(i);
      }
      int year = digits(from, 4);
      int month = digits(from + 5, 2);
      int day = digits(from + 8, 2);
      return Dates.day(year, month, day);
    }

    /** The number written in {@code length} bytes at {@code from}, or -1 if one is not a digit. */
    private int digits(int from, int length) {
      int n = 0;
      for (int k = from; k < from + length; k++) {
        int d = bytes[k] - '0';
        if (d < 0 || d > 9) {
          return -1;
        }
        n = n * 10 + d;
      }
      return n;
    }

    /**
     * Plain decimals ({@code -12}, {@code 7.5}) with an exact double mantissa and at most 22
     * decimals are divided out here, which rounds exactly as {@link Double#parseDouble};
     * anything else goes through {@link Numbers#parse}.
     */
    @Override
    double number(int i) {
      int f = first + i;
      int k = start[f];
      int to = end[f];
      if (kind[f] != ASCII) {
        return super.number(i);
      }
      boolean negative = false;
      if (k < to && (bytes[k] == '-' || bytes[k] == '+')) {
        negative = bytes[k] == '-';
        k++;
      }
      long mantissa = 0;
      int digits = 0;
      int decimals = -1;
      for (; k < to; k++) {
        int b = bytes[k];
        if (b >= '0' && b <= '9') {
          mantissa = mantissa * 10 + (b - '0');
          digits++;
          if (decimals >= 0) {
            decimals++;
          }
          if (mantissa >= EXACT_MANTISSA) {
            return super.number(i);
          }
        } else if (b == '.' && decimals < 0) {
          decimals = 0;
        } else {
          return super.number(i); // an exponent, or not a number: the full rules decide
        }
      }
      if (digits == 0 || decimals > 22) {
        return super.number(i);
      }
      double value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
      return negative ? -value : value;
    }
  }

  private static int lower(int c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  }
}
