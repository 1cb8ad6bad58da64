package org.klynge.examples.embedding;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.klynge.core.data.Extract;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Granularity;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.io.JdbcExtractReader;
import org.klynge.core.result.ResultTable;
import org.klynge.core.result.ResultWriter;

/**
 * A service that answers "evaluate package X for period P" with JSON, over data read from a
 * database. Definitions are checked and compiled once, at start-up (a bad definition stops the
 * service from starting, with every problem listed); each request reads the data through JDBC
 * and evaluates it. Thread-safe: compiled evaluators are immutable and shared.
 *
 * <pre>{@code
 * var service = new IndicatorService(Catalogue.definitions(), () -> DriverManager.getConnection(url));
 * String json = service.evaluate(new IndicatorService.Request(Optional.of("type-2-diabetes"),
 *     MeasurementPeriod.year(2024), Granularity.WHOLE));
 * }</pre>
 */
public final class IndicatorService {

  /** Opens a connection to the database holding the extract tables (see docs/data-format.md). */
  @FunctionalInterface
  public interface ConnectionFactory {
    Connection open() throws SQLException;
  }

  /**
   * One request.
   *
   * @param packageId the package to evaluate, or empty for every indicator
   * @param period the measurement span
   * @param granularity how the span is cut into periods
   */
  public record Request(Optional<String> packageId, MeasurementPeriod period, Granularity granularity) {
    public Request {
      packageId = packageId == null ? Optional.empty() : packageId;
      requireNonNull(period, "period");
      granularity = granularity == null ? Granularity.WHOLE : granularity;
    }
  }

  private final Evaluator everything;
  private final Map<String, Evaluator> byPackage = new ConcurrentHashMap<>();
  private final ConnectionFactory connections;
  private final JdbcExtractReader reader = JdbcExtractReader.create();
  private final int threads;

  /** Checks and compiles every indicator and package of {@code definitions} now. */
  public IndicatorService(DefinitionSet definitions, ConnectionFactory connections) {
    this.connections = requireNonNull(connections, "connections");
    this.everything = Evaluator.compileAll(definitions);
    for (ClusterPackage pkg : definitions.packages()) {
      byPackage.put(pkg.id(), everything.ofPackage(pkg.id()));
    }
    this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /** The results of {@code request} as JSON: provenance, reconciliation and rows. */
  public String evaluate(Request request) {
    Evaluator evaluator = request.packageId().map(id -> Optional.ofNullable(byPackage.get(id))
        .orElseThrow(() -> new IllegalArgumentException("no package '" + id + "'; known: " + byPackage.keySet())))
        .orElse(everything);
    Extract extract;
    try (Connection c = connections.open()) {
      extract = reader.read(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the extract from the database: " + e.getMessage(), e);
    }
    ResultTable table = evaluator.evaluate(extract,
        EvaluationOptions.of(request.period(), request.granularity()).withThreads(threads));
    StringWriter out = new StringWriter();
    try {
      ResultWriter.writeJson(table, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
