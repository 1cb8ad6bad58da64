package org.klynge.core.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.klynge.core.data.Extract;
import org.klynge.core.data.PatientData;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Indicator;
import org.klynge.core.result.Provenance;
import org.klynge.core.result.ResultTable;
import org.klynge.core.validation.DefinitionChecker;

/**
 * Indicators compiled for evaluation. Compile once, evaluate many times; an evaluator is
 * immutable and safe to share between threads.
 *
 * <pre>{@code
 * Evaluator evaluator = Evaluator.forPackage(definitions, "type-2-diabetes");
 * ResultTable results = evaluator.evaluate(extract, EvaluationOptions.of(MeasurementPeriod.year(2024)).withThreads(2));
 * }</pre>
 */
public final class Evaluator {

  /** The engine version written into provenance. */
  public static final String ENGINE_VERSION = "0.1.0";

  private final DefinitionSet definitions;
  private final ImmutableList<Indicator> indicators;
  private final ImmutableSortedMap<String, String> hashes;

  private Evaluator(DefinitionSet definitions, List<Indicator> indicators) {
    DefinitionChecker.requireNoErrors(DefinitionChecker.check(definitions, "definitions"));
    if (indicators.isEmpty()) {
      throw new IllegalArgumentException("nothing to evaluate: no indicators given");
    }
    this.definitions = definitions;
    this.indicators = ImmutableList.copyOf(indicators);
    java.util.TreeMap<String, String> h = new java.util.TreeMap<>();
    for (Indicator ind : indicators) {
      if (h.put(ind.key(), DefinitionHash.of(ind, definitions)) != null) {
        throw new IllegalArgumentException("indicator " + ind.key() + " is listed twice");
      }
    }
    this.hashes = ImmutableSortedMap.copyOf(h);
  }

  /** Compiles {@code indicators}, whose references resolve in {@code definitions}; throws if the definitions have errors. */
  public static Evaluator compile(DefinitionSet definitions, List<Indicator> indicators) {
    return new Evaluator(definitions, indicators);
  }

  /** Compiles every indicator in {@code definitions} (top-level ones, in order). */
  public static Evaluator compileAll(DefinitionSet definitions) {
    return new Evaluator(definitions, definitions.indicators());
  }

  /** Compiles the indicators of the package with id {@code packageId}. */
  public static Evaluator forPackage(DefinitionSet definitions, String packageId) {
    ClusterPackage pkg = definitions.clusterPackage(packageId).orElseThrow(() -> new IllegalArgumentException(
        "no package '" + packageId + "'; defined: " + definitions.packages().stream().map(ClusterPackage::id).toList()));
    return new Evaluator(definitions, definitions.indicatorsOf(pkg));
  }

  /** The indicators this evaluator computes, in output order. */
  public ImmutableList<Indicator> indicators() {
    return indicators;
  }

  /** The definitions the indicators resolve references in. */
  public DefinitionSet definitions() {
    return definitions;
  }

  /** Evaluates every indicator for every period over {@code extract}. */
  public ResultTable evaluate(Extract extract, EvaluationOptions options) {
    PatientData data = extract.patients();
    PeriodTable periods = new PeriodTable(options.periods());
    Program program = new Program(definitions, indicators, data, periods);
    int buckets = data.clinicIds().size() + 1;
    int partitions = options.partitions() == 0 ? options.threads() : options.partitions();
    partitions = Math.max(1, Math.min(partitions, Math.max(1, data.patientCount())));
    Tally total = run(program, data.patientCount(), partitions, options.threads(), buckets);
    var rows = ResultAssembler.rows(indicators, options.periods(), total, data, extract.organisation());
    var reconciliation = new InputUse(program, extract).reconcile();
    return new ResultTable(rows, new Provenance(hashes, extract.asOf(), ENGINE_VERSION), reconciliation);
  }

  private static Tally run(Program program, int patients, int partitions, int threads, int buckets) {
    int[] bounds = new int[partitions + 1];
    for (int i = 0; i <= partitions; i++) {
      bounds[i] = (int) ((long) patients * i / partitions);
    }
    List<Tally> tallies = new ArrayList<>();
    if (threads == 1 || partitions == 1) {
      for (int i = 0; i < partitions; i++) {
        tallies.add(PartitionEvaluator.run(program, bounds[i], bounds[i + 1], buckets));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, partitions), r -> {
        Thread t = new Thread(r, "klynge-evaluator");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<Tally>> futures = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
          int from = bounds[i];
          int to = bounds[i + 1];
          futures.add(pool.submit(() -> PartitionEvaluator.run(program, from, to, buckets)));
        }
        for (Future<Tally> f : futures) {
          tallies.add(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("evaluation interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    Tally total = tallies.get(0);
    for (int i = 1; i < tallies.size(); i++) {
      total.mergeFrom(tallies.get(i));
    }
    return total;
  }
}
