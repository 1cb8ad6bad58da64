package org.klynge.core.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.klynge.core.data.Extract;
import org.klynge.core.data.PatientData;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Indicator;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.model.Organisation;
import org.klynge.core.result.Explanation;
import org.klynge.core.result.PatientListEntry;
import org.klynge.core.result.Population;
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

  /** The engine version written into provenance: the version of the klynge-core artifact, from the build. */
  public static final String ENGINE_VERSION = buildVersion();

  private static String buildVersion() {
    Properties properties = new Properties();
    try (InputStream in = Evaluator.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the klynge-core jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read version.properties from the klynge-core jar", e);
    }
    return properties.getProperty("version");
  }

  private final DefinitionSet definitions;
  private final ImmutableList<Indicator> indicators;
  private final ImmutableSortedMap<String, String> hashes;

  private Evaluator(DefinitionSet definitions, List<Indicator> indicators) {
    this(definitions, indicators, false);
  }

  private Evaluator(DefinitionSet definitions, List<Indicator> indicators, boolean checked) {
    if (!checked) {
      DefinitionChecker.requireNoErrors(DefinitionChecker.check(definitions, "definitions"));
    }
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
    return new Evaluator(definitions, definitions.indicatorsOf(clusterPackage(definitions, packageId)));
  }

  /**
   * The indicators of the package with id {@code packageId} in this evaluator's definitions,
   * compiled without checking the definitions again (they were checked when this evaluator was
   * compiled). For services that compile everything once and then serve package by package.
   */
  public Evaluator ofPackage(String packageId) {
    return new Evaluator(definitions, definitions.indicatorsOf(clusterPackage(definitions, packageId)), true);
  }

  private static ClusterPackage clusterPackage(DefinitionSet definitions, String packageId) {
    return definitions.clusterPackage(packageId).orElseThrow(() -> new IllegalArgumentException(
        "no package '" + packageId + "'; defined: " + definitions.packages().stream().map(ClusterPackage::id).toList()));
  }

  /** The indicators this evaluator computes, in output order. */
  public ImmutableList<Indicator> indicators() {
    return indicators;
  }

  /** The definitions the indicators resolve references in. */
  public DefinitionSet definitions() {
    return definitions;
  }

  /** Evaluates every indicator for every period over {@code extract}: {@link #finish} of {@link #evaluatePart} of all of it. */
  public ResultTable evaluate(Extract extract, EvaluationOptions options) {
    return finish(evaluatePart(extract, options), extract.organisation());
  }

  /**
   * Evaluates every indicator for every period over one part of an extract: some of its patients,
   * each with all of their listings and events, and the whole organisation. Merge the parts'
   * results with {@link PartialResult#plus} and {@link #finish} them.
   */
  public PartialResult evaluatePart(Extract part, EvaluationOptions options) {
    PatientData data = part.patients();
    PeriodTable periods = new PeriodTable(options.periods());
    Program program = new Program(definitions, indicators, data, periods);
    int buckets = data.clinicIds().size() + 1;
    int partitions = options.partitions() == 0 ? options.threads() : options.partitions();
    partitions = Math.max(1, Math.min(partitions, Math.max(1, data.patientCount())));
    Tally total = run(program, data.patientCount(), partitions, options.threads(), buckets);
    return new PartialResult(keys(), options.periods(), data.clinicIds(), part.asOf(), total.countsOnly(),
        InputUse.reconcile(part, total));
  }

  /**
   * The result table of merged partial results: rows rolled up from clinic to cluster, region and
   * nation with {@code organisation}'s memberships, the reconciliation and the provenance.
   *
   * @throws IllegalArgumentException when the partial results are of other indicators or of
   *     another organisation's clinics
   */
  public ResultTable finish(PartialResult merged, Organisation organisation) {
    if (!merged.indicatorKeys().equals(keys())) {
      throw new IllegalArgumentException("the partial results are of indicators " + merged.indicatorKeys()
          + ", this evaluator computes " + keys());
    }
    if (!merged.clinicIds().equals(ImmutableList.copyOf(organisation.clinics().keySet()))) {
      throw new IllegalArgumentException("the partial results are of another organisation's clinics");
    }
    var rows = ResultAssembler.rows(indicators, merged.periods(), merged.tally(), merged.clinicIds(), organisation);
    return new ResultTable(rows, new Provenance(hashes, merged.asOf(), ENGINE_VERSION), merged.reconciliation(),
        ResultAssembler.completeness(indicators, merged.periods(), merged.tally(), merged.clinicIds()));
  }

  private ImmutableList<String> keys() {
    return indicators.stream().map(Indicator::key).collect(ImmutableList.toImmutableList());
  }

  /**
   * Explains, for one patient, indicator and period, which populations the patient is in and
   * why, with the events and facts each criterion looked at.
   *
   * @throws IllegalArgumentException when the patient or indicator is unknown
   */
  public Explanation explain(Extract extract, String patientId, String indicatorId, MeasurementPeriod period) {
    PatientData data = extract.patients();
    int patient = data.patientIndex(patientId).orElseThrow(() -> new IllegalArgumentException(
        "no patient '" + patientId + "' in the data"));
    int i = indicatorIndex(indicatorId);
    Program program = new Program(definitions, indicators, data, new PeriodTable(ImmutableList.of(period)));
    Program.CompiledIndicator ind = program.indicators[i];
    Explainer explainer = new Explainer(program, patient, 0);
    return new Explanation(ind.indicator().key(), patientId, period, explainer.clinic(),
        ImmutableSet.copyOf(explainer.populations(ind)), ImmutableMap.copyOf(explainer.traces(ind)));
  }

  /**
   * The patients of one clinic (listed there on the reference date) who are in the indicator's
   * initial population, with their populations and the facts that put them there; in patient
   * id order. Filter with {@link PatientListEntry#inGap()} for the actionable list.
   */
  public ImmutableList<PatientListEntry> patientList(Extract extract, String indicatorId, String clinicId,
      MeasurementPeriod period) {
    PatientData data = extract.patients();
    int clinic = data.clinicIds().indexOf(clinicId);
    if (clinic < 0) {
      throw new IllegalArgumentException("no clinic '" + clinicId + "' in the organisation");
    }
    int i = indicatorIndex(indicatorId);
    Program program = new Program(definitions, indicators, data, new PeriodTable(ImmutableList.of(period)));
    Program.CompiledIndicator ind = program.indicators[i];
    int ref = PeriodTable.day(period.end());
    List<PatientListEntry> out = new ArrayList<>();
    for (int p = 0; p < data.patientCount(); p++) {
      if (data.clinicOn(p, ref) != clinic) {
        continue;
      }
      Explainer explainer = new Explainer(program, p, 0);
      var populations = explainer.populations(ind);
      if (populations.isEmpty()) {
        continue;
      }
      boolean inNumerator = populations.contains(Population.NUMERATOR)
          && !populations.contains(Population.NUMERATOR_EXCLUSION);
      List<String> facts = new ArrayList<>();
      explainer.traces(ind).forEach((population, trace) -> {
        if (populations.contains(population)) {
          trace.decidingFacts().forEach(f -> facts.add(population.code() + ": " + f));
        }
      });
      out.add(new PatientListEntry(data.patientId(p), ImmutableSet.copyOf(populations), explainer.counted(ind),
          inNumerator, ImmutableList.copyOf(facts)));
    }
    out.sort(java.util.Comparator.comparing(PatientListEntry::patientId));
    return ImmutableList.copyOf(out);
  }

  private int indicatorIndex(String indicatorId) {
    for (int i = 0; i < indicators.size(); i++) {
      if (indicators.get(i).id().equals(indicatorId) || indicators.get(i).key().equals(indicatorId)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no indicator '" + indicatorId + "'; available: "
        + indicators.stream().map(Indicator::id).toList());
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
        if (e.getCause() instanceof Error error) {
          throw error; // out of memory, above all: the caller decides, as it would on one thread
        }
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
