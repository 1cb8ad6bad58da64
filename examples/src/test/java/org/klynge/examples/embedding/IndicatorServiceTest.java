package org.klynge.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klynge.core.data.Outcome;
import org.klynge.core.definition.Granularity;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.disclosure.Audience;
import org.klynge.core.disclosure.Viewer;
import org.klynge.core.format.DefinitionLoader;
import org.klynge.core.result.JdbcResultWriter;
import org.klynge.core.result.PublishedTable;
import org.klynge.core.result.ResultTable;

/** The service over a real embedded database (DuckDB, in memory) holding a conformance case's extract. */
class IndicatorServiceTest {

  private static final Path CASE = Path.of("../docs/conformance/values/latest-value");
  private static final Path ORGANISATION = Path.of("../docs/conformance/organisation");
  private Connection db;

  @BeforeEach
  void database() throws Exception {
    db = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = db.createStatement()) {
      for (String table : List.of("regions", "clusters", "clinics", "cluster_memberships", "cluster_regions")) {
        s.execute("CREATE TABLE " + table + " AS SELECT * FROM read_csv('" + ORGANISATION.resolve(table + ".csv")
            + "', all_varchar = true)");
      }
      for (String table : List.of("patients", "listings", "events")) {
        s.execute("CREATE TABLE " + table + " AS SELECT * FROM read_csv('" + CASE.resolve(table + ".csv")
            + "', all_varchar = true)");
      }
    }
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  private IndicatorService service() {
    var defs = DefinitionLoader.load(List.of(CASE.resolve("definitions.yaml"))).orThrow();
    return new IndicatorService(defs, () -> new NonClosingConnection(db).proxy());
  }

  private static IndicatorService.Request request(Viewer viewer) {
    return new IndicatorService.Request(Optional.empty(), MeasurementPeriod.year(2024), Granularity.WHOLE, viewer);
  }

  private static JsonNode row(JsonNode doc, String level, String unit) {
    for (JsonNode row : doc.get("rows")) {
      if (row.get("level").asText().equals(level) && row.get("unit_id").asText().equals(unit)) {
        return row;
      }
    }
    return null;
  }

  @Test
  void evaluate_ownClinic_returnsPublishedJsonWithTheConformanceNumbers() throws Exception {
    String json = service().evaluate(request(Viewer.clinic("c1")));
    JsonNode doc = new ObjectMapper().readTree(json);
    JsonNode clinic = row(doc, "clinic", "c1");
    assertTrue(clinic != null, json);
    assertEquals("shown", clinic.get("status").asText(), json);
    assertEquals(5, clinic.get("denominator").asLong());
    assertEquals(3, clinic.get("numerator").asLong());
    assertEquals(60.0, clinic.get("value").asDouble(), 1e-9);
    assertEquals("clinic", doc.at("/disclosure/audience").asText(), json);
    assertTrue(doc.at("/provenance/definitionHashes").has("above-58@1"), json);
  }

  @Test
  void evaluate_public_suppressesSmallCountsByDefault() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(service().evaluate(request(Viewer.of(Audience.PUBLIC))));
    assertEquals(null, row(doc, "clinic", "c1"), "the public sees no clinics");
    JsonNode cluster = row(doc, "cluster", "k1");
    assertEquals("suppressed", cluster.get("status").asText(), cluster.toString());
    assertTrue(cluster.get("numerator").isNull(), cluster.toString());
  }

  @Test
  void evaluateUnpublished_keepsEveryCountForUseInside() throws Exception {
    ResultTable table = service().evaluateUnpublished(request(Viewer.of(Audience.PUBLIC)));
    assertEquals(3, table.rows().stream().filter(r -> r.unitId().equals("c1")).findFirst().orElseThrow()
        .counts().numerator());
    assertEquals(13, table.reconciliation().count("events", Outcome.USED));
  }

  @Test
  void evaluate_databaseDown_isADeclaredSqlException() {
    var defs = DefinitionLoader.load(List.of(CASE.resolve("definitions.yaml"))).orThrow();
    var service = new IndicatorService(defs, () -> {
      throw new SQLException("connection refused");
    });
    var e = assertThrows(SQLException.class, () -> service.evaluate(request(Viewer.of(Audience.PUBLIC))));
    assertEquals("connection refused", e.getMessage());
  }

  @Test
  void evaluate_unknownPackage_saysWhichExist() {
    var e = assertThrows(IllegalArgumentException.class, () -> service().evaluate(new IndicatorService.Request(
        Optional.of("nope"), MeasurementPeriod.year(2024), Granularity.WHOLE, Viewer.of(Audience.PUBLIC))));
    assertTrue(e.getMessage().contains("no package 'nope'"), e.getMessage());
  }

  @Test
  void evaluate_unknownViewerClinic_isRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> service().evaluate(request(Viewer.clinic("c9"))));
    assertEquals("no clinic 'c9' in the data", e.getMessage());
  }

  @Test
  void results_writtenBackToTheDatabase() throws Exception {
    PublishedTable published = service().publish(request(Viewer.clinic("c1")));
    JdbcResultWriter.into("published_results").replacing().write(published, db);
    try (Statement s = db.createStatement();
        var rs = s.executeQuery("SELECT numerator, denominator FROM published_results WHERE unit_id = 'c1'")) {
      assertTrue(rs.next());
      assertEquals(3, rs.getLong(1));
      assertEquals(5, rs.getLong(2));
    }
  }

  /** Lets the service close "its" connection without closing the test's in-memory database. */
  private record NonClosingConnection(Connection target) {
    Connection proxy() {
      return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
          new Class<?>[] {Connection.class}, (p, m, args) -> m.getName().equals("close") ? null : m.invoke(target, args));
    }
  }
}
