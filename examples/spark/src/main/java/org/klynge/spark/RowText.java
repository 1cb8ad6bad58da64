package org.klynge.spark;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.spark.sql.Row;

/** A Spark row's fields as the text a CSV file would hold, for {@link org.klynge.core.io.PatientRowReader}. */
final class RowText {

  private RowText() {}

  /**
   * Fields {@code [0, fields.length)} of {@code row} as text into {@code fields}: a null is an
   * empty field, text is stripped, a date is its ISO form, a number the shortest decimal that reads
   * back as the same value ({@link Double#toString}; a {@code float} as written, {@link Float#toString}).
   */
  static void fill(Row row, String[] fields) {
    for (int i = 0; i < fields.length; i++) {
      fields[i] = text(row.get(i));
    }
  }

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof String s) {
      return s.strip();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return value.toString();
  }

  /** The line of a row: its field {@code index}, the row's number on the input (0 when not known). */
  static long line(Row row, int index) {
    return row.getLong(index);
  }
}
