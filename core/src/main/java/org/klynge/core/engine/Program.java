package org.klynge.core.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.klynge.core.data.PatientData;
import org.klynge.core.definition.AgeInRange;
import org.klynge.core.definition.And;
import org.klynge.core.definition.CodedValue;
import org.klynge.core.definition.Continuous;
import org.klynge.core.definition.DataSource;
import org.klynge.core.definition.Covered;
import org.klynge.core.definition.Criterion;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.EventCount;
import org.klynge.core.definition.EventCriterion;
import org.klynge.core.definition.HasEvent;
import org.klynge.core.definition.HasResult;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.Listed;
import org.klynge.core.definition.Missing;
import org.klynge.core.definition.Not;
import org.klynge.core.definition.Or;
import org.klynge.core.definition.PopulationRef;
import org.klynge.core.definition.Rate;
import org.klynge.core.definition.SexIs;
import org.klynge.core.definition.ValueCompared;
import org.klynge.core.definition.ValueSet;

/**
 * Indicators bound to one data set and list of periods: every distinct criterion becomes one
 * {@link Node} (named populations are resolved to the criterion they name, so references and
 * repeats share a node), with value sets turned into lookup tables over the data's code
 * dictionary.
 */
final class Program {

  final PatientData data;
  final PeriodTable periods;
  final List<Node> nodes = new ArrayList<>();
  final CompiledIndicator[] indicators;
  private final long[] codeMasks;
  final InputUse inputUse;
  private final Map<Criterion, Node> byCriterion = new HashMap<>();
  private final Map<EventCriterion, EventLookup> lookups = new java.util.LinkedHashMap<>();
  private final DefinitionSet definitions;
  /** The sources some indicator requires, in first-required order. */
  final List<DataSource> measuredSources;
  /** Per measured source, per dictionary code: whether its events come from the source. */
  final boolean[][] fromSource;

  Program(DefinitionSet definitions, List<Indicator> indicators, PatientData data, PeriodTable periods) {
    this.definitions = definitions;
    this.data = data;
    this.periods = periods;
    this.indicators = new CompiledIndicator[indicators.size()];
    for (int i = 0; i < indicators.size(); i++) {
      this.indicators[i] = compile(indicators.get(i));
    }
    this.codeMasks = codeMasks();
    this.inputUse = new InputUse(data, lookups.values());
    this.measuredSources = measuredSources(indicators);
    this.fromSource = new boolean[measuredSources.size()][data.codes().size()];
    for (int s = 0; s < measuredSources.size(); s++) {
      for (int c = 0; c < data.codes().size(); c++) {
        fromSource[s][c] = measuredSources.get(s).eventTypes().contains(data.codes().entry(c).type());
      }
    }
  }

  /** The distinct sources the indicators require, in the order first required. */
  static List<DataSource> measuredSources(List<Indicator> indicators) {
    java.util.LinkedHashSet<DataSource> out = new java.util.LinkedHashSet<>();
    indicators.forEach(ind -> ind.requires().forEach(r -> out.add(r.source())));
    return List.copyOf(out);
  }

  /** Per dictionary code, the bits of the look-ups that match it (look-ups beyond 64 get no bit and are always scanned). */
  private long[] codeMasks() {
    long[] masks = new long[data.codes().size()];
    int next = 0;
    for (EventLookup lookup : lookups.values()) {
      if (next == Long.SIZE) {
        lookup.bit = 0;
        continue;
      }
      lookup.bit = 1L << next++;
      for (int c = 0; c < masks.length; c++) {
        if (lookup.matches[c]) {
          masks[c] |= lookup.bit;
        }
      }
    }
    return masks;
  }

  /** A fresh per-thread evaluation context. */
  EvalContext newContext() {
    return new EvalContext(data, periods, nodes.size(), Math.min(lookups.size(), Long.SIZE), codeMasks, inputUse);
  }

  private CompiledIndicator compile(Indicator ind) {
    var pops = ind.populations();
    Nodes.ValuePicker valuePicker = null;
    EventLookup rateEvents = null;
    RateSum rateSum = null;
    if (ind.scoring() instanceof Continuous cont) {
      valuePicker = new Nodes.ValuePicker(lookup(cont), cont.pick(), Missing.SKIP, cont.tie(),
          EventLookup.conversions(data, cont.unit()));
    } else if (ind.scoring() instanceof Rate rate) {
      rateEvents = lookup(rate);
      rateSum = rate.countsEvents() ? null : new RateSum(rate, data);
    }
    return new CompiledIndicator(ind,
        node(pops.initial()),
        pops.denominator().map(this::node).orElse(null),
        pops.denominatorExclusion().map(this::node).orElse(null),
        pops.denominatorException().map(this::node).orElse(null),
        pops.numerator().map(this::node).orElse(null),
        pops.numeratorExclusion().map(this::node).orElse(null),
        rateEvents, rateSum, valuePicker);
  }

  EventLookup lookup(EventCriterion criterion) {
    EventLookup existing = lookups.get(criterion);
    if (existing != null) {
      return existing;
    }
    EventLookup lookup = new EventLookup(criterion, valueSet(criterion.valueSet()), data, periods);
    lookups.put(criterion, lookup);
    return lookup;
  }

  private ValueSet valueSet(String id) {
    return definitions.valueSet(id).orElseThrow(() -> new IllegalStateException(
        "value set '" + id + "' is not defined; check definitions before compiling"));
  }

  DefinitionSet definitions() {
    return definitions;
  }

  /** Every bound event look-up, in criteria and scorings. */
  java.util.Collection<EventLookup> lookups() {
    return lookups.values();
  }

  Node node(Criterion criterion) {
    if (criterion instanceof PopulationRef ref) {
      return node(definitions.population(ref.id()).orElseThrow(() -> new IllegalStateException(
          "population '" + ref.id() + "' is not defined; check definitions before compiling")).criterion());
    }
    Node existing = byCriterion.get(criterion);
    if (existing != null) {
      return existing;
    }
    Node created = create(criterion);
    byCriterion.put(criterion, created);
    return created;
  }

  private Node create(Criterion criterion) {
    if (criterion instanceof And and) {
      Node[] children = and.all().stream().map(this::node).toArray(Node[]::new);
      return register(new Nodes.AllOf(nodes.size(), children));
    }
    if (criterion instanceof Or or) {
      Node[] children = or.any().stream().map(this::node).toArray(Node[]::new);
      return register(new Nodes.AnyOf(nodes.size(), children));
    }
    if (criterion instanceof Not not) {
      Node child = node(not.criterion());
      return register(new Nodes.Negation(nodes.size(), child));
    }
    if (criterion instanceof HasEvent has) {
      return register(new Nodes.CountAtLeast(nodes.size(), lookup(has), 1));
    }
    if (criterion instanceof EventCount count) {
      return register(new Nodes.CountAtLeast(nodes.size(), lookup(count), count.atLeast()));
    }
    if (criterion instanceof ValueCompared value) {
      var picker = new Nodes.ValuePicker(lookup(value), value.pick(), value.missing(), value.tie(),
          EventLookup.conversions(data, value.unit()));
      return register(new Nodes.ValueAgainstThreshold(nodes.size(), picker, value.comparator(), value.threshold(),
          value.missing()));
    }
    if (criterion instanceof CodedValue coded) {
      ValueSet in = valueSet(coded.in());
      boolean[] inSet = new boolean[data.valueCodes().size()];
      for (int id = 0; id < inSet.length; id++) {
        inSet[id] = in.contains(data.valueCodes().entry(id).code());
      }
      return register(new Nodes.CodedValueIn(nodes.size(), lookup(coded), coded.pick(), coded.missing(), inSet));
    }
    if (criterion instanceof HasResult result) {
      return register(new Nodes.WithResult(nodes.size(), lookup(result), result.pick()));
    }
    if (criterion instanceof Covered covered) {
      return register(new Nodes.CoveredDays(nodes.size(), lookup(covered), covered));
    }
    if (criterion instanceof AgeInRange age) {
      return register(new Nodes.AgeBetween(nodes.size(), age, periods));
    }
    if (criterion instanceof SexIs sex) {
      return register(new Nodes.SexEquals(nodes.size(), sex.sex()));
    }
    if (criterion instanceof Listed listed) {
      return register(new Nodes.ListedOn(nodes.size(), listed.coverage()));
    }
    throw new IllegalStateException("no compiled form for " + criterion.getClass().getSimpleName());
  }

  private Node register(Node node) {
    nodes.add(node);
    return node;
  }

  /** An indicator's populations as nodes (null where a population is absent) and its scoring inputs. */
  record CompiledIndicator(
      Indicator indicator,
      Node initial,
      Node denominator,
      Node denominatorExclusion,
      Node denominatorException,
      Node numerator,
      Node numeratorExclusion,
      EventLookup rateEvents,
      RateSum rateSum,
      Nodes.ValuePicker valuePicker) {

    /** Whether the numerator is taken from the initial population (ratio scoring). */
    boolean ratio() {
      return indicator.scoring() instanceof org.klynge.core.definition.Ratio;
    }
  }
}
