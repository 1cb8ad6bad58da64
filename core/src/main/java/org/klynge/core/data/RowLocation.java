package org.klynge.core.data;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Where an input row came from: a file (or table, or {@code memory}), a line and, when one
 * field is at fault, the column.
 *
 * @param source the file, table or other source name
 * @param line the 1-based line (or row) number, 0 when not known
 * @param column the column at fault, when one is
 */
public record RowLocation(String source, long line, Optional<String> column) implements java.io.Serializable {

  public RowLocation {
    requireNonNull(source, "source");
    column = column == null ? Optional.empty() : column;
  }

  /** A row without a column. */
  public static RowLocation of(String source, long line) {
    return new RowLocation(source, line, Optional.empty());
  }

  /** The same row, naming the column at fault. */
  public RowLocation at(String columnName) {
    return new RowLocation(source, line, Optional.of(columnName));
  }

  @Override
  public String toString() {
    return source + (line > 0 ? ":" + line : "") + column.map(c -> " [" + c + "]").orElse("");
  }

  /** Serialised as its fields, the column as text or null ({@link Optional} is not serialisable). */
  private Object writeReplace() {
    return new SerialForm(source, line, column.orElse(null));
  }

  private record SerialForm(String source, long line, String column) implements java.io.Serializable {
    private Object readResolve() {
      return new RowLocation(source, line, Optional.ofNullable(column));
    }
  }
}
