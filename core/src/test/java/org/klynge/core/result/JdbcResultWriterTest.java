package org.klynge.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klynge.core.definition.Indicator;
import org.klynge.core.disclosure.Audience;
import org.klynge.core.disclosure.DisclosurePolicy;
import org.klynge.core.disclosure.Viewer;

/** Results written into a real embedded database (DuckDB, in memory) read back as the CSV files say. */
class JdbcResultWriterTest {

  private static final Indicator IND = Tables.proportion("p");
  private Connection db;

  @BeforeEach
  void open() throws SQLException {
    db = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  private List<List<String>> query(String sql) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(String.valueOf(rs.getObject(i)));
        }
        out.add(row);
      }
    }
    return out;
  }

  @Test
  void write_resultTable_createsTheTableWithTheCsvColumns() throws SQLException {
    ResultTable table = Tables.table(Tables.twoClusters(IND));
    assertEquals(12, JdbcResultWriter.into("results").write(table, db));
    assertEquals(List.of(List.of("p", "clinic", "A", "2024-01-01", "56", "70", "80.0")),
        query("SELECT indicator_id, level, unit_id, period_start, numerator, denominator, value FROM results"
            + " WHERE unit_id = 'A' AND level = 'clinic'"));
    List<String> columns = new ArrayList<>();
    for (List<String> row : query("SELECT column_name FROM information_schema.columns WHERE table_name = 'results'"
        + " ORDER BY ordinal_position")) {
      columns.add(row.get(0));
    }
    assertEquals(ResultWriter.CSV_COLUMNS, columns);
    assertEquals(List.of(List.of("DATE", "BIGINT", "DOUBLE")), query("SELECT typeof(period_start), typeof(numerator),"
        + " typeof(value) FROM results LIMIT 1"));
  }

  @Test
  void write_publishedTable_holdsWhatTheCsvHolds() throws Exception {
    var assessed = Assessment.assess(Tables.table(Tables.twoClusters(IND)), List.of(IND));
    PublishedTable published = Publication.publish(assessed, Viewer.of(Audience.PUBLIC), DisclosurePolicy.defaults(), "k");
    assertEquals(published.rows().size(), JdbcResultWriter.into("main.published").write(published, db));
    StringWriter csv = new StringWriter();
    ResultWriter.writeCsv(published, csv);
    List<String> lines = csv.toString().lines().toList();
    assertEquals(String.join(",", ResultWriter.PUBLISHED_CSV_COLUMNS), lines.get(0));
    // each CSV line equals the database row written out the same way (empty cell = NULL)
    String columns = String.join(", ", ResultWriter.PUBLISHED_CSV_COLUMNS.stream()
        .map(c -> "coalesce(CAST(" + c + " AS VARCHAR), '')").toList());
    List<List<String>> rows = query("SELECT " + columns + " FROM main.published");
    assertEquals(lines.size() - 1, rows.size());
    for (List<String> row : rows) {
      String line = String.join(",", row);
      assertTrue(lines.stream().anyMatch(l -> sameNumbers(l, line)), line + " not in\n" + csv);
    }
  }

  @Test
  void write_twice_appends_replacingReplaces() throws SQLException {
    ResultTable table = Tables.table(Tables.twoClusters(IND));
    JdbcResultWriter.into("results").write(table, db);
    JdbcResultWriter.into("results").write(table, db);
    assertEquals("24", query("SELECT count(*) FROM results").get(0).get(0));
    JdbcResultWriter.into("results").replacing().write(table, db);
    assertEquals("12", query("SELECT count(*) FROM results").get(0).get(0));
  }

  @Test
  void write_failure_leavesTheTableAsItWas() throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE results (indicator_id VARCHAR)");
      s.execute("INSERT INTO results VALUES ('kept')");
    }
    ResultTable table = Tables.table(Tables.twoClusters(IND));
    assertThrows(SQLException.class, () -> JdbcResultWriter.into("results").replacing().write(table, db));
    assertEquals(List.of(List.of("kept")), query("SELECT * FROM results"));
  }

  @Test
  void into_tableNameWithSql_refused() {
    var e = assertThrows(IllegalArgumentException.class, () -> JdbcResultWriter.into("results; DROP TABLE x"));
    assertTrue(e.getMessage().startsWith("not a table name"), e.getMessage());
  }

  /** The same cells, numbers compared as numbers (the database may print 80 where the CSV has 80.0). */
  private static boolean sameNumbers(String a, String b) {
    String[] x = a.split(",", -1);
    String[] y = b.split(",", -1);
    if (x.length != y.length) {
      return false;
    }
    for (int i = 0; i < x.length; i++) {
      if (x[i].equals(y[i])) {
        continue;
      }
      try {
        if (Double.parseDouble(x[i]) != Double.parseDouble(y[i])) {
          return false;
        }
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }
}
