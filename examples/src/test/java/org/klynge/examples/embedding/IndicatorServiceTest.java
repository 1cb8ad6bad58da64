package org.klynge.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klynge.core.definition.Granularity;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.format.DefinitionLoader;

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

  @Test
  void evaluate_overJdbc_returnsJsonWithTheConformanceNumbers() throws Exception {
    String json = service().evaluate(new IndicatorService.Request(Optional.empty(), MeasurementPeriod.year(2024),
        Granularity.WHOLE));
    JsonNode doc = new ObjectMapper().readTree(json);
    JsonNode clinic = null;
    for (JsonNode row : doc.get("rows")) {
      if (row.get("level").asText().equals("clinic") && row.get("unitId").asText().equals("c1")) {
        clinic = row;
      }
    }
    assertTrue(clinic != null, json);
    assertEquals(5, clinic.at("/counts/denominator").asLong());
    assertEquals(3, clinic.at("/counts/numerator").asLong());
    assertEquals(60.0, clinic.get("value").asDouble(), 1e-9);
    assertTrue(doc.at("/provenance/definitionHashes").has("above-58@1"), json);
    assertEquals(13, doc.at("/reconciliation/events/used").asLong(), json);
  }

  @Test
  void evaluate_unknownPackage_saysWhichExist() {
    var e = assertThrows(IllegalArgumentException.class, () -> service().evaluate(new IndicatorService.Request(
        Optional.of("nope"), MeasurementPeriod.year(2024), Granularity.WHOLE)));
    assertTrue(e.getMessage().contains("no package 'nope'"), e.getMessage());
  }

  /** Lets the service close "its" connection without closing the test's in-memory database. */
  private record NonClosingConnection(Connection target) {
    Connection proxy() {
      return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
          new Class<?>[] {Connection.class}, (p, m, args) -> m.getName().equals("close") ? null : m.invoke(target, args));
    }
  }
}
