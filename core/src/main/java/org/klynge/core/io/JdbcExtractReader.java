package org.klynge.core.io;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.klynge.core.data.DuplicatePolicy;
import org.klynge.core.model.EventType;
import org.klynge.core.model.CodeSystems;
import org.klynge.core.data.Extract;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.Rejection;
import org.klynge.core.data.RowLocation;

/**
 * Reads an extract from tables or queries over a JDBC {@link Connection}, with the columns and
 * rules of {@link CsvExtractReader}: one query per {@link ExtractTable}, by default {@code
 * SELECT * FROM <table>} ({@code SELECT * FROM patients}, ...), columns matched by label
 * (case-insensitively, extra columns ignored). Rows are counted under the table name
 * ({@code patients}) with their 1-based row number as the line.
 *
 * <p>Values may be text, as in the CSV files, or typed: {@code DATE} columns (read as {@link
 * LocalDate} or {@link java.sql.Date}), and numeric columns for {@code value} and {@code
 * quantity}. A {@code NULL} is an empty field. A timestamp is not a date and is rejected.
 *
 * <pre>{@code
 * JdbcExtractReader reader = JdbcExtractReader.builder()
 *     .query(ExtractTable.EVENTS, "SELECT * FROM events WHERE date >= DATE '2020-01-01'")
 *     .build();
 * Extract extract = reader.read(connection);
 * }</pre>
 *
 * <p>An optional table ({@code asof}, {@code municipalities}, {@code practitioners}) whose
 * query was not set is read only if the connection's metadata lists it. The connection is
 * neither closed nor changed. Immutable and thread-safe; each {@link #read} is independent.
 */
public final class JdbcExtractReader {

  /** Rows fetched per round trip unless set otherwise. */
  public static final int DEFAULT_FETCH_SIZE = 10_000;

  private final ImmutableMap<ExtractTable, String> queries;
  private final boolean strict;
  private final int fetchSize;
  private final CodeSystems systems;
  private final ImmutableMap<EventType, DuplicatePolicy> duplicates;

  private JdbcExtractReader(Builder b) {
    this.queries = ImmutableMap.copyOf(b.queries);
    this.strict = b.strict;
    this.fetchSize = b.fetchSize;
    this.systems = b.systems;
    this.duplicates = ImmutableMap.copyOf(b.duplicates);
  }

  /** A reader of the default tables, not strict. */
  public static JdbcExtractReader create() {
    return builder().build();
  }

  /** A builder for a reader with other queries or options. */
  public static Builder builder() {
    return new Builder();
  }

  /** The query {@code table} is read with. */
  public String query(ExtractTable table) {
    return queries.getOrDefault(table, defaultQuery(table));
  }

  /** The default query for {@code table}: {@code SELECT * FROM <table name>}. */
  public static String defaultQuery(ExtractTable table) {
    return "SELECT * FROM " + table.tableName();
  }

  /** Whether any rejected row makes reading fail. */
  public boolean isStrict() {
    return strict;
  }

  /** The code systems events may be recorded in; an event in another is rejected. */
  public CodeSystems codeSystems() {
    return systems;
  }

  /**
   * Reads the extract.
   *
   * @throws ExtractException when a required table or column is missing, the organisation has a
   *     bad row, or (strict) any row is rejected
   * @throws SQLException when a query fails
   */
  public Extract read(Connection connection) throws SQLException {
    Set<String> tables = tableNames(connection.getMetaData());
    List<Rejection> missing = new ArrayList<>();
    for (ExtractTable table : ExtractTable.values()) {
      if (table.required() && !queries.containsKey(table) && !tables.contains(table.tableName())) {
        missing.add(new Rejection(Outcome.REJECTED, Reasons.MISSING_FILE, RowLocation.of(table.tableName(), 0),
            "no such table"));
      }
    }
    if (!missing.isEmpty()) {
      throw new ExtractException("cannot read the extract", missing);
    }
    ExtractAssembler assembler = new ExtractAssembler(strict, systems, duplicates);
    for (ExtractTable table : ExtractTable.values()) {
      if (queries.containsKey(table) || tables.contains(table.tableName())) {
        readTable(connection, table, assembler);
      }
    }
    return assembler.build();
  }

  private static Set<String> tableNames(DatabaseMetaData metaData) throws SQLException {
    Set<String> names = new HashSet<>();
    try (ResultSet rs = metaData.getTables(null, null, null, null)) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  private void readTable(Connection connection, ExtractTable table, ExtractAssembler assembler) throws SQLException {
    String source = table.tableName();
    try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      statement.setFetchSize(fetchSize);
      try (ResultSet rs = statement.executeQuery(query(table))) {
        ResultSetMetaData meta = rs.getMetaData();
        int width = meta.getColumnCount();
        List<String> header = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
          header.add(meta.getColumnLabel(i));
        }
        Columns columns = Columns.resolve(table, source, header);
        ExtractAssembler.RowHandler handler = assembler.start(columns);
        String[] fields = new String[width];
        Row.OfText view = new Row.OfText();
        long row = 0;
        while (rs.next()) {
          row++;
          for (int i = 0; i < width; i++) {
            fields[i] = text(rs.getObject(i + 1));
          }
          handler.row(view.set(fields, width, row));
        }
        assembler.finish(table);
      }
    }
  }

  /** A value as the text the CSV reader would see. */
  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof String) {
      return ((String) value).strip();
    }
    if (value instanceof LocalDate) {
      return Dates.format((int) ((LocalDate) value).toEpochDay());
    }
    if (value instanceof java.sql.Date) {
      return Dates.format((int) ((java.sql.Date) value).toLocalDate().toEpochDay());
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    return value.toString();
  }

  /** Collects a reader's queries and options. */
  public static final class Builder {
    private final Map<ExtractTable, String> queries = new EnumMap<>(ExtractTable.class);
    private boolean strict;
    private int fetchSize = DEFAULT_FETCH_SIZE;
    private CodeSystems systems = CodeSystems.builtIn();
    private final java.util.Map<EventType, DuplicatePolicy> duplicates = new java.util.EnumMap<>(EventType.class);

    /**
     * Takes exact duplicates of events of {@code type} by {@code policy} instead of
     * {@link DuplicatePolicy#defaultFor(EventType)}.
     */
    public Builder duplicates(EventType type, DuplicatePolicy policy) {
      duplicates.put(requireNonNull(type, "type"), requireNonNull(policy, "policy"));
      return this;
    }

    private Builder() {}

    /**
     * The code systems events may be recorded in (default: the built-in ones), usually
     * {@link org.klynge.core.definition.DefinitionSet#declaredSystems()} of the definitions to
     * evaluate; an event in another system is rejected as {@code unknown code system}.
     */
    public Builder codeSystems(CodeSystems systems) {
      this.systems = requireNonNull(systems, "systems");
      return this;
    }

    /** Reads {@code table} with {@code sql}, whose result has the table's columns by label. */
    public Builder query(ExtractTable table, String sql) {
      requireNonNull(table, "table");
      requireNonNull(sql, "sql");
      if (sql.isBlank()) {
        throw new IllegalArgumentException("the query for " + table.tableName() + " is blank");
      }
      queries.put(table, sql);
      return this;
    }

    /** Reads {@code table} from a table or view of another name. */
    public Builder table(ExtractTable table, String tableName) {
      requireNonNull(tableName, "tableName");
      return query(table, "SELECT * FROM " + tableName);
    }

    /** Whether any rejected row makes reading fail (default: no). */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** Rows fetched per round trip, a hint to the driver (default {@value JdbcExtractReader#DEFAULT_FETCH_SIZE}). */
    public Builder fetchSize(int fetchSize) {
      if (fetchSize < 1) {
        throw new IllegalArgumentException("fetch size must be at least 1, was " + fetchSize);
      }
      this.fetchSize = fetchSize;
      return this;
    }

    /** The reader. */
    public JdbcExtractReader build() {
      return new JdbcExtractReader(this);
    }
  }
}
