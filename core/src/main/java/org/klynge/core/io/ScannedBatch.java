package org.klynge.core.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows that {@link CsvScanner} found in one chunk of a file: the chunk's bytes and where each
 * field lies in them. A date, a number or an event type is read from the bytes without making a
 * string, either when the assembler asks or ahead of it ({@link #readAhead}).
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

  private final byte[] bytes;
  private int rows;
  private int[] firstField;
  private long[] lines;
  private int fields;
  private int[] start;
  private int[] end;
  private byte[] kind;
  private final View view = new View();
  private long endOffset = -1;
  // fields read ahead (see readAhead): by slot, then row
  private ReadAhead plan = ReadAhead.NONE;
  private int[][] days;
  private double[][] numbers;
  private String[][] texts;

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
    view.row = r;
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

  /**
   * Reads ahead the fields {@code plan} names in every row, on the thread that scanned the batch,
   * so that the thread checking the rows finds them done.
   */
  void readAhead(ReadAhead plan) {
    this.plan = plan;
    days = new int[plan.dateFields.length][rows];
    numbers = new double[plan.numberFields.length][rows];
    texts = new String[plan.textFields.length][rows];
    for (int r = 0; r < rows; r++) {
      int first = firstField[r];
      int count = firstField[r + 1] - first;
      for (int k = 0; k < plan.dateFields.length; k++) {
        if (plan.dateFields[k] < count) {
          days[k][r] = day(first + plan.dateFields[k]);
        }
      }
      for (int k = 0; k < plan.numberFields.length; k++) {
        if (plan.numberFields[k] < count) {
          numbers[k][r] = number(first + plan.numberFields[k]);
        }
      }
      for (int k = 0; k < plan.textFields.length; k++) {
        int f = first + plan.textFields[k];
        if (plan.textFields[k] < count) {
          texts[k][r] = readAheadText(f, plan.caches[k], r == 0 ? null : texts[k][r - 1]);
        }
      }
    }
  }

  /** Field {@code f} as text: from the cache, or the row above's string when the bytes are the same. */
  private String readAheadText(int f, TextCache cache, String above) {
    if (kind[f] != ASCII) {
      return text(f);
    }
    if (cache != null) {
      return cache.get(bytes, start[f], end[f]);
    }
    return above != null && TextCache.sameText(above, bytes, start[f], end[f]) ? above : text(f);
  }

  /** Field {@code f} as text. */
  private String text(int f) {
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

  /** Field {@code f} as a day since 1970-01-01, as {@link Dates#parseDay}. */
  private int day(int f) {
    int from = start[f];
    if (kind[f] != ASCII) {
      return Dates.parseDay(text(f));
    }
    if (end[f] - from != 10 || bytes[from + 4] != '-' || bytes[from + 7] != '-') {
      return Dates.INVALID;
    }
    return Dates.day(digits(from, 4), digits(from + 5, 2), digits(from + 8, 2));
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
   * Field {@code f} as a number, as {@link Numbers#parse}. Plain decimals ({@code -12},
   * {@code 7.5}) with an exact double mantissa and at most 22 decimals are divided out here,
   * which rounds exactly as {@link Double#parseDouble}; anything else goes through the full rules.
   */
  private double number(int f) {
    int k = start[f];
    int to = end[f];
    if (kind[f] != ASCII) {
      return Numbers.parse(text(f));
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
          return Numbers.parse(text(f));
        }
      } else if (b == '.' && decimals < 0) {
        decimals = 0;
      } else {
        return Numbers.parse(text(f)); // an exponent, or not a number: the full rules decide
      }
    }
    if (digits == 0 || decimals > 22) {
      return Numbers.parse(text(f));
    }
    double value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
    return negative ? -value : value;
  }

  /** The row the assembler sees: field {@code i} is field {@code first + i} of the batch. */
  private final class View extends Row {
    private int row;
    private int first;

    @Override
    boolean isEmpty(int i) {
      return start[first + i] == end[first + i];
    }

    @Override
    String text(int i) {
      int k = plan.textSlot(i);
      return k >= 0 ? texts[k][row] : ScannedBatch.this.text(first + i);
    }

    @Override
    int day(int i) {
      int k = plan.dateSlot(i);
      return k >= 0 ? days[k][row] : ScannedBatch.this.day(first + i);
    }

    @Override
    double number(int i) {
      int k = plan.numberSlot(i);
      return k >= 0 ? numbers[k][row] : ScannedBatch.this.number(first + i);
    }

    @Override
    boolean is(int i, String ascii) {
      int f = first + i;
      if (kind[f] == DOUBLED_QUOTES) {
        return super.is(i, ascii);
      }
      return TextCache.sameText(ascii, bytes, start[f], end[f]); // bytes beyond ASCII never equal a char of it
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
  }

  private static int lower(int c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  }
}
