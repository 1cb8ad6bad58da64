package org.klynge.spark;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;

/** What a column of a patient-data table holds, and the Spark types that may carry it. */
enum ColumnKind {
  /** Text: a Spark {@code string}. */
  TEXT("text (string)"),
  /** A day: a Spark {@code date}, or a {@code string} holding an ISO date that is checked row by row. */
  DATE("date (date, or string holding YYYY-MM-DD)"),
  /** A number: any Spark numeric type, or a {@code string} holding a decimal that is checked row by row. */
  NUMBER("number (a numeric type, or string holding a decimal)");

  private final String expected;

  ColumnKind(String expected) {
    this.expected = expected;
  }

  /** The types accepted, in words, for messages. */
  String expected() {
    return expected;
  }

  /** Whether a column of Spark type {@code type} may hold this kind of value. */
  boolean accepts(DataType type) {
    if (type.equals(DataTypes.StringType)) {
      return true;
    }
    switch (this) {
      case DATE:
        return type.equals(DataTypes.DateType);
      case NUMBER:
        return type instanceof NumericType;
      default:
        return false;
    }
  }

  /** The kind of column {@code column} of a patient-data table. */
  static ColumnKind of(String column) {
    switch (column) {
      case "birth_date":
      case "death_date":
      case "valid_from":
      case "valid_to":
      case "date":
      case "end_date":
        return DATE;
      case "value":
      case "quantity":
        return NUMBER;
      default:
        return TEXT;
    }
  }
}
