package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a result table or a published table into a database table over JDBC, one row per result
 * row, with the columns and values of the CSV files ({@link ResultWriter#CSV_COLUMNS},
 * {@link ResultWriter#PUBLISHED_CSV_COLUMNS}; see docs/data-format.md). The table is created when
 * it is not there ({@code CREATE TABLE IF NOT EXISTS}); the rows are inserted in one transaction,
 * so a failure leaves the table as it was.
 *
 * <pre>{@code
 * try (Connection c = DriverManager.getConnection(url)) {
 *   JdbcResultWriter.into("quality.published_results").replacing().write(published, c);
 * }
 * }</pre>
 *
 * Counts are {@code BIGINT}, values and statistics {@code DOUBLE PRECISION}, dates {@code DATE},
 * flags {@code BOOLEAN}, everything else {@code VARCHAR}; an empty CSV cell is {@code NULL}. A
 * column of the published table this writer does not know (the columns follow
 * {@code ResultWriter}) is typed by its values.
 */
public final class JdbcResultWriter {

  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  /** SQL types of the columns whose type the values alone may not show (a column can be all empty). */
  private static final Map<String, Integer> KNOWN_TYPES = knownTypes();

  private final String table;
  private final boolean replace;

  private JdbcResultWriter(String table, boolean replace) {
    this.table = table;
    this.replace = replace;
  }

  /**
   * A writer into {@code table} ({@code name} or {@code schema.name}: letters, digits and
   * underscores, so that the name cannot smuggle SQL in).
   */
  public static JdbcResultWriter into(String table) {
    requireNonNull(table, "table");
    if (!TABLE_NAME.matcher(table).matches()) {
      throw new IllegalArgumentException("not a table name: '" + table
          + "'; use letters, digits and underscores, optionally schema.table");
    }
    return new JdbcResultWriter(table, false);
  }

  /** The same writer, deleting the table's rows before writing (in the same transaction). */
  public JdbcResultWriter replacing() {
    return new JdbcResultWriter(table, true);
  }

  /** Writes the rows of a result table (all counts, no disclosure control); returns how many. */
  public int write(ResultTable results, Connection connection) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ResultRow r : results.rows()) {
      rows.add(ResultWriter.fields(r));
    }
    return write(ResultWriter.CSV_COLUMNS, rows, connection);
  }

  /** Writes the rows of a published table (after disclosure control, with statistics); returns how many. */
  public int write(PublishedTable published, Connection connection) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PublishedRow r : published.rows()) {
      rows.add(ResultWriter.fields(r, ResultWriter.roundedTo(published)));
    }
    return write(ResultWriter.PUBLISHED_CSV_COLUMNS, rows, connection);
  }

  private int write(List<String> columns, List<Map<String, Object>> rows, Connection connection) throws SQLException {
    int[] types = new int[columns.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = type(columns.get(i), rows);
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      try (Statement s = connection.createStatement()) {
        s.execute(createTable(columns, types));
        if (replace) {
          s.executeUpdate("DELETE FROM " + table);
        }
      }
      String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
          + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
      try (PreparedStatement p = connection.prepareStatement(insert)) {
        for (Map<String, Object> row : rows) {
          for (int i = 0; i < columns.size(); i++) {
            Object v = row.get(columns.get(i));
            if (v == null) {
              p.setNull(i + 1, types[i]);
            } else if (types[i] == Types.DATE) {
              p.setDate(i + 1, Date.valueOf(v.toString()));
            } else {
              p.setObject(i + 1, v, types[i]);
            }
          }
          p.addBatch();
        }
        p.executeBatch();
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return rows.size();
  }

  private String createTable(List<String> columns, int[] types) {
    StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(table).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(columns.get(i)).append(' ').append(sqlName(types[i]));
    }
    return sql.append(')').toString();
  }

  /** The column's SQL type: known, or the type of its first value, or text. */
  private static int type(String column, List<Map<String, Object>> rows) {
    Integer known = KNOWN_TYPES.get(column);
    if (known != null) {
      return known;
    }
    for (Map<String, Object> row : rows) {
      Object v = row.get(column);
      if (v instanceof Long || v instanceof Integer) {
        return Types.BIGINT;
      } else if (v instanceof Double || v instanceof Float) {
        return Types.DOUBLE;
      } else if (v instanceof Boolean) {
        return Types.BOOLEAN;
      } else if (v != null) {
        return Types.VARCHAR;
      }
    }
    return Types.VARCHAR;
  }

  private static String sqlName(int type) {
    switch (type) {
      case Types.BIGINT:
        return "BIGINT";
      case Types.DOUBLE:
        return "DOUBLE PRECISION";
      case Types.BOOLEAN:
        return "BOOLEAN";
      case Types.DATE:
        return "DATE";
      default:
        return "VARCHAR";
    }
  }

  private static Map<String, Integer> knownTypes() {
    Map<String, Integer> t = new LinkedHashMap<>();
    t.put("period_start", Types.DATE);
    t.put("period_end", Types.DATE);
    for (String c : List.of("initial_population", "denominator", "denominator_exclusions", "denominator_exceptions",
        "numerator", "numerator_exclusions", "events", "person_days", "valued", "not_summed",
        "clinics_ranked")) {
      t.put(c, Types.BIGINT);
    }
    for (String c : List.of("sum", "value", "national_percentile", "ci_lower", "ci_upper", "funnel_parent_value", "funnel_95_lower",
        "funnel_95_upper", "funnel_998_lower", "funnel_998_upper", "funnel_phi", "vs_rest", "vs_rest_lower",
        "vs_rest_upper", "vs_nation", "vs_nation_lower", "vs_nation_upper")) {
      t.put(c, Types.DOUBLE);
    }
    t.put("funnel_overdispersed", Types.BOOLEAN);
    t.put("data_incomplete", Types.BOOLEAN);
    return Map.copyOf(t);
  }
}
