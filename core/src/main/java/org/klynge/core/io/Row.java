package org.klynge.core.io;

/**
 * One row of a table as a reader hands it to {@link ExtractAssembler}: its fields by position,
 * each read as text or parsed where it lies. The assembler asks only for what it needs, so a
 * reader that holds the row as bytes ({@link ScannedBatch}) makes no string for a date, a number
 * or an event type. A row is a view that the reader moves on to the next row after the call.
 */
abstract class Row {

  /** The number of fields; set by the reader for each row. */
  int count;
  /** The line (or row) number, 1 for a file's header; set by the reader for each row. */
  long line;

  /** The number of fields. */
  final int count() {
    return count;
  }

  /** The line (or row) number, 1 for a file's header. */
  final long line() {
    return line;
  }

  /** Whether field {@code i} is empty. */
  abstract boolean isEmpty(int i);

  /** Field {@code i} as text. */
  abstract String text(int i);

  /** Whether field {@code i} is exactly {@code ascii}. */
  boolean is(int i, String ascii) {
    return text(i).equals(ascii);
  }

  /** Whether field {@code i} is {@code ascii}, ignoring the case of ASCII letters. */
  boolean isIgnoringCase(int i, String ascii) {
    return text(i).equalsIgnoreCase(ascii);
  }

  /** Field {@code i} as a day since 1970-01-01, as {@link Dates#parseDay}. */
  int day(int i) {
    return Dates.parseDay(text(i));
  }

  /** Field {@code i} as a number, as {@link Numbers#parse}. */
  double number(int i) {
    return Numbers.parse(text(i));
  }

  /** A row held as an array of strings, which the reader refills for each row. */
  static final class OfText extends Row {
    private String[] fields;

    /** Points this view at {@code fields[0, count)} read on {@code line}. */
    OfText set(String[] fields, int count, long line) {
      this.fields = fields;
      this.count = count;
      this.line = line;
      return this;
    }

    @Override
    boolean isEmpty(int i) {
      return fields[i].isEmpty();
    }

    @Override
    String text(int i) {
      return fields[i];
    }
  }
}
