package org.klynge.core.io;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.Rejection;
import org.klynge.core.data.RowLocation;

/** Where each column of a table is in one file's (or query's) header. */
final class Columns {

  private final ExtractTable table;
  private final String source;
  private final int width;
  private final Map<String, Integer> positions;

  private Columns(ExtractTable table, String source, int width, Map<String, Integer> positions) {
    this.table = table;
    this.source = source;
    this.width = width;
    this.positions = positions;
  }

  /**
   * Finds {@code table}'s columns in {@code header} (case-insensitively, in any order, extra
   * columns ignored); throws {@link ExtractException} naming every required column that is
   * missing or known column that is named twice.
   */
  static Columns resolve(ExtractTable table, String source, List<String> header) {
    Map<String, Integer> positions = new HashMap<>();
    List<Rejection> problems = new ArrayList<>();
    ImmutableList<String> known = table.columns();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip().toLowerCase(Locale.ROOT);
      if (known.contains(name) && positions.putIfAbsent(name, i) != null) {
        problems.add(new Rejection(Outcome.REJECTED, Reasons.DUPLICATE_COLUMN,
            RowLocation.of(source, 1).at(name), "columns " + (positions.get(name) + 1) + " and " + (i + 1)));
      }
    }
    for (String required : table.requiredColumns()) {
      if (!positions.containsKey(required)) {
        problems.add(new Rejection(Outcome.REJECTED, Reasons.MISSING_COLUMN, RowLocation.of(source, 1).at(required),
            "the header has " + String.join(", ", header)));
      }
    }
    if (!problems.isEmpty()) {
      throw new ExtractException("cannot read " + source, problems);
    }
    return new Columns(table, source, header.size(), positions);
  }

  ExtractTable table() {
    return table;
  }

  /** The file or table name rows are counted under. */
  String source() {
    return source;
  }

  /** The number of fields a row must have. */
  int width() {
    return width;
  }

  /** The position of {@code column} in a row, or -1 when an optional column is left out. */
  int index(String column) {
    if (!table.columns().contains(column)) {
      throw new IllegalStateException(table + " has no column " + column);
    }
    return positions.getOrDefault(column, -1);
  }
}
