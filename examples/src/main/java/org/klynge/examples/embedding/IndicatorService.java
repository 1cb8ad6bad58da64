package org.klynge.examples.embedding;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.klynge.core.data.Extract;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Granularity;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.disclosure.DisclosurePolicy;
import org.klynge.core.disclosure.Viewer;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.io.JdbcExtractReader;
import org.klynge.core.result.Assessment;
import org.klynge.core.result.Publication;
import org.klynge.core.result.PublishedTable;
import org.klynge.core.result.ResultTable;
import org.klynge.core.result.ResultWriter;

/**
 * A service that answers "evaluate package X for period P, as seen by viewer V" with JSON, over
 * data read from a database. Definitions are checked and compiled once, at start-up (a bad
 * definition stops the service from starting, with every problem listed); each request reads the
 * data through JDBC, evaluates it, and publishes it through disclosure control for the request's
 * viewer. Thread-safe: compiled evaluators are immutable and shared.
 *
 * <pre>{@code
 * var service = new IndicatorService(Catalogue.definitions(), () -> DriverManager.getConnection(url));
 * String json = service.evaluate(new IndicatorService.Request(Optional.of("type-2-diabetes"),
 *     MeasurementPeriod.year(2024), Granularity.WHOLE, Viewer.clinic("c0011")));
 * }</pre>
 *
 * Errors: a database that cannot be read is a {@link SQLException}, declared, for the caller to
 * answer (503, retry); a request for an unknown package or clinic is an
 * {@link IllegalArgumentException} (400); bad data rows are counted in the reconciliation.
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
   * @param viewer who receives the results: the audience, and the own clinic for clinic and cluster audiences
   */
  public record Request(Optional<String> packageId, MeasurementPeriod period, Granularity granularity, Viewer viewer) {
    public Request {
      packageId = packageId == null ? Optional.empty() : packageId;
      requireNonNull(period, "period");
      granularity = granularity == null ? Granularity.WHOLE : granularity;
      requireNonNull(viewer, "viewer");
    }
  }

  private final Evaluator everything;
  private final Map<String, Evaluator> byPackage = new ConcurrentHashMap<>();
  private final ConnectionFactory connections;
  private final DisclosurePolicy policy;
  private final JdbcExtractReader reader = JdbcExtractReader.create();
  private final int threads;
  private final SecureRandom random = new SecureRandom();

  /** Checks and compiles every indicator and package of {@code definitions} now; publishes with the default policy. */
  public IndicatorService(DefinitionSet definitions, ConnectionFactory connections) {
    this(definitions, connections, DisclosurePolicy.defaults());
  }

  /** Checks and compiles every indicator and package of {@code definitions} now; publishes with {@code policy}. */
  public IndicatorService(DefinitionSet definitions, ConnectionFactory connections, DisclosurePolicy policy) {
    this.connections = requireNonNull(connections, "connections");
    this.policy = requireNonNull(policy, "policy");
    this.everything = Evaluator.compileAll(definitions);
    for (ClusterPackage pkg : definitions.packages()) {
      byPackage.put(pkg.id(), everything.ofPackage(pkg.id()));
    }
    this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The results of {@code request} as published to its viewer, as JSON: disclosure settings,
   * provenance, reconciliation and the published rows (docs/data-format.md, "results.json").
   */
  public String evaluate(Request request) throws SQLException {
    StringWriter out = new StringWriter();
    try {
      ResultWriter.writeJson(publish(request), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The results of {@code request} after disclosure control for its viewer. */
  public PublishedTable publish(Request request) throws SQLException {
    Evaluator evaluator = evaluator(request);
    Extract extract = read();
    request.viewer().ownClinic().ifPresent(clinic -> {
      if (!extract.organisation().clinics().containsKey(clinic)) {
        throw new IllegalArgumentException("no clinic '" + clinic + "' in the data");
      }
    });
    ResultTable table = evaluate(evaluator, extract, request);
    // a fresh key per request: pseudonyms are stable within one answer and unlinkable across answers
    return Publication.publish(Assessment.assess(table, evaluator.indicators()), request.viewer(), policy, freshKey());
  }

  /**
   * The results of {@code request} with every count and no disclosure control, for use inside the
   * organisation that holds the data only (the request's viewer is not applied).
   */
  public ResultTable evaluateUnpublished(Request request) throws SQLException {
    Evaluator evaluator = evaluator(request);
    return evaluate(evaluator, read(), request);
  }

  private Evaluator evaluator(Request request) {
    return request.packageId().map(id -> Optional.ofNullable(byPackage.get(id))
        .orElseThrow(() -> new IllegalArgumentException("no package '" + id + "'; known: " + byPackage.keySet())))
        .orElse(everything);
  }

  private Extract read() throws SQLException {
    try (Connection c = connections.open()) {
      return reader.read(c);
    }
  }

  private ResultTable evaluate(Evaluator evaluator, Extract extract, Request request) {
    return evaluator.evaluate(extract, EvaluationOptions.of(request.period(), request.granularity()).withThreads(threads));
  }

  private String freshKey() {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return HexFormat.of().formatHex(key);
  }
}
