package org.klynge.spark;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.Rejection;
import org.klynge.core.data.RowLocation;
import org.klynge.core.io.ExtractException;
import org.klynge.core.io.ExtractTable;
import org.klynge.core.io.Reasons;

/**
 * The columns of one patient-data table found in a Dataset's schema: matched by name ignoring
 * case, in any order, columns the table does not know ignored, as in a CSV header. Every required
 * column must be there and every known column must have a type that can hold its values; otherwise
 * {@link #check} throws an {@link ExtractException} that names the table, the column and the type
 * expected, before any job runs.
 */
final class TableSchema {

  /** The reason for a column whose Spark type cannot hold the table's values. */
  static final String WRONG_COLUMN_TYPE = "wrong column type";

  private final ExtractTable table;
  /** Known column (lower case) → its name in the Dataset. */
  private final ImmutableList<String> columns;
  private final ImmutableList<String> names;

  private TableSchema(ExtractTable table, List<String> columns, List<String> names) {
    this.table = table;
    this.columns = ImmutableList.copyOf(columns);
    this.names = ImmutableList.copyOf(names);
  }

  /**
   * The columns of {@code table} in {@code data}.
   *
   * @throws ExtractException when a required column is missing, a known column is there twice or
   *     a column's type cannot hold its values
   */
  static TableSchema check(ExtractTable table, Dataset<Row> data) {
    String source = table.tableName();
    Map<String, StructField> found = new LinkedHashMap<>();
    List<Rejection> problems = new ArrayList<>();
    for (StructField field : data.schema().fields()) {
      String name = field.name().strip().toLowerCase(Locale.ROOT);
      if (table.columns().contains(name) && found.putIfAbsent(name, field) != null) {
        problems.add(new Rejection(Outcome.REJECTED, Reasons.DUPLICATE_COLUMN, RowLocation.of(source, 0).at(name),
            "columns " + found.get(name).name() + " and " + field.name()));
      }
    }
    for (String required : table.requiredColumns()) {
      if (!found.containsKey(required)) {
        problems.add(new Rejection(Outcome.REJECTED, Reasons.MISSING_COLUMN, RowLocation.of(source, 0).at(required),
            "expected " + ColumnKind.of(required).expected() + "; the table has " + String.join(", ",
                data.columns())));
      }
    }
    List<String> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String column : table.columns()) {
      StructField field = found.get(column);
      if (field == null) {
        continue;
      }
      ColumnKind kind = ColumnKind.of(column);
      if (!kind.accepts(field.dataType())) {
        problems.add(new Rejection(Outcome.REJECTED, WRONG_COLUMN_TYPE, RowLocation.of(source, 0).at(column),
            "expected " + kind.expected() + ", found " + field.dataType().simpleString()));
      }
      columns.add(column);
      names.add(field.name());
    }
    if (!problems.isEmpty()) {
      throw new ExtractException("cannot read " + source, problems);
    }
    return new TableSchema(table, columns, names);
  }

  ExtractTable table() {
    return table;
  }

  /** The known columns present, lower case, in the table's order: the header of the rows. */
  ImmutableList<String> header() {
    return columns;
  }

  /** The Dataset's columns for {@link #header()}, in that order, named as the header. */
  Column[] select() {
    Column[] selected = new Column[columns.size()];
    for (int i = 0; i < selected.length; i++) {
      selected[i] = new Column(quoted(names.get(i))).as(columns.get(i));
    }
    return selected;
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
