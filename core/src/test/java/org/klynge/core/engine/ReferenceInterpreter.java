package org.klynge.core.engine;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.klynge.core.data.DuplicatePolicy;
import org.klynge.core.definition.AgeInRange;
import org.klynge.core.definition.And;
import org.klynge.core.definition.Attribution;
import org.klynge.core.definition.CodedValue;
import org.klynge.core.definition.CompletenessRequirement;
import org.klynge.core.definition.Continuous;
import org.klynge.core.definition.Covered;
import org.klynge.core.definition.Criterion;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.EventCount;
import org.klynge.core.definition.EventCriterion;
import org.klynge.core.definition.HasEvent;
import org.klynge.core.definition.HasResult;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.Listed;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.definition.Missing;
import org.klynge.core.definition.Not;
import org.klynge.core.definition.Or;
import org.klynge.core.definition.Pick;
import org.klynge.core.definition.PopulationRef;
import org.klynge.core.definition.Rate;
import org.klynge.core.definition.Ratio;
import org.klynge.core.definition.Relation;
import org.klynge.core.definition.SexIs;
import org.klynge.core.definition.Tie;
import org.klynge.core.definition.ValueCompared;
import org.klynge.core.definition.ValueSet;
import org.klynge.core.model.Event;
import org.klynge.core.model.Listing;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Patient;
import org.klynge.core.model.UnitConversion;
import org.klynge.core.result.Level;
import org.klynge.core.result.PopulationCounts;
import org.klynge.core.result.Scores;
import org.klynge.core.result.UnitIds;

/**
 * A deliberately plain interpreter of the calculation semantics: objects, {@link LocalDate}
 * arithmetic, no compilation, no sharing, no columnar data. The engine must agree with it.
 */
final class ReferenceInterpreter {

  /** A result key: indicator id, period, level, unit. */
  record Key(String indicator, MeasurementPeriod period, Level level, String unit) {}

  /** Counts, values and the data-incomplete mark per key. */
  record Cell(PopulationCounts counts, OptionalDouble value, boolean dataIncomplete) {}

  private final DefinitionSet defs;
  private final Organisation org;
  private final List<Patient> patients;
  private final Map<String, List<Listing>> listings = new HashMap<>();
  /** Counts per cell: the fields of PopulationCounts, in order. */
  private static final int FIELDS = 11;
  private final Map<String, List<RecordedEvent>> events = new HashMap<>();

  ReferenceInterpreter(DefinitionSet defs, Organisation org, List<Patient> patients, List<Listing> listings,
      List<RecordedEvent> events) {
    this.defs = defs;
    this.org = org;
    this.patients = patients;
    listings.forEach(l -> this.listings.computeIfAbsent(l.patientId(), x -> new ArrayList<>()).add(l));
    // exact duplicates count once, except those of types whose every row counts (prescriptions)
    Set<Object> seen = new java.util.HashSet<>();
    for (RecordedEvent e : events) {
      if (seen.add(e.identity()) || DuplicatePolicy.defaultFor(e.event().type()) == DuplicatePolicy.COUNT_EACH) {
        this.events.computeIfAbsent(e.event().patientId(), x -> new ArrayList<>()).add(e);
      }
    }
  }

  Map<Key, Cell> evaluate(List<Indicator> indicators, List<MeasurementPeriod> periods) {
    Map<Key, long[]> counts = new TreeMap<>(java.util.Comparator.comparing(Key::toString));
    Map<Key, List<Double>> values = new HashMap<>();
    for (Indicator ind : indicators) {
      for (MeasurementPeriod period : periods) {
        for (Patient p : patients) {
          evaluatePatient(ind, period, p, counts, values);
        }
      }
    }
    // every clinic that is in a cluster on the reference date has a cell, even an empty one
    for (Indicator ind : indicators) {
      for (MeasurementPeriod period : periods) {
        for (String clinic : org.clinics().keySet()) {
          if (org.clusterOf(clinic, period.end()).isPresent()) {
            counts.computeIfAbsent(new Key(ind.id(), period, Level.CLINIC, clinic), x -> new long[FIELDS]);
          }
        }
      }
    }
    // roll up clinic cells
    Map<Key, long[]> all = new HashMap<>(counts);
    Map<Key, List<Double>> allValues = new HashMap<>(values);
    for (Key k : counts.keySet()) {
      if (k.level() != Level.CLINIC) {
        continue;
      }
      LocalDate ref = k.period().end();
      String cluster = org.clusterOf(k.unit(), ref).orElse(UnitIds.UNASSIGNED);
      String region = cluster.equals(UnitIds.UNASSIGNED) ? UnitIds.UNASSIGNED
          : org.regionOf(cluster, ref).orElse(UnitIds.UNASSIGNED);
      for (var up : List.of(new Key(k.indicator(), k.period(), Level.CLUSTER, cluster),
          new Key(k.indicator(), k.period(), Level.REGION, region),
          new Key(k.indicator(), k.period(), Level.NATION, UnitIds.NATION))) {
        add(all, up, counts.get(k));
        allValues.computeIfAbsent(up, x -> new ArrayList<>()).addAll(values.getOrDefault(k, List.of()));
      }
    }
    // rest of cluster for every clinic in a cluster
    for (Key k : counts.keySet()) {
      if (k.level() != Level.CLINIC) {
        continue;
      }
      Optional<String> cluster = org.clusterOf(k.unit(), k.period().end());
      if (cluster.isEmpty()) {
        continue;
      }
      long[] clusterCounts = all.get(new Key(k.indicator(), k.period(), Level.CLUSTER, cluster.get()));
      long[] rest = new long[FIELDS];
      for (int f = 0; f < FIELDS; f++) {
        rest[f] = clusterCounts[f] - counts.get(k)[f];
      }
      Key restKey = new Key(k.indicator(), k.period(), Level.REST_OF_CLUSTER, k.unit());
      all.put(restKey, rest);
      List<Double> restValues = new ArrayList<>();
      for (Key other : counts.keySet()) {
        if (other.level() == Level.CLINIC && other.indicator().equals(k.indicator()) && other.period().equals(k.period())
            && !other.unit().equals(k.unit())
            && org.clusterOf(other.unit(), k.period().end()).equals(cluster)) {
          restValues.addAll(values.getOrDefault(other, List.of()));
        }
      }
      allValues.put(restKey, restValues);
    }
    Map<Key, Cell> out = new HashMap<>();
    all.forEach((k, c) -> {
      PopulationCounts pc = new PopulationCounts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]);
      Indicator ind = indicators.stream().filter(i -> i.id().equals(k.indicator())).findFirst().orElseThrow();
      double[] v = allValues.getOrDefault(k, List.of()).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      boolean incomplete = k.level() == Level.CLINIC && ind.requires().stream()
          .anyMatch(req -> below(req, k.unit(), k.period()));
      out.put(k, new Cell(pc, Scores.value(ind.scoring(), pc, v), incomplete));
    });
    return out;
  }

  /**
   * Whether {@code clinic}'s count of patients listed with it on the period's last day that have an
   * event of the source's types in the period is significantly below (one-sided Poisson, at the
   * requirement's significance) what the required share of the nation's share would give.
   */
  private boolean below(CompletenessRequirement req, String clinic, MeasurementPeriod period) {
    long listed = 0;
    long withData = 0;
    long nationListed = 0;
    long nationWithData = 0;
    for (Patient p : patients) {
      Optional<String> at = clinicOn(p, period.end());
      if (at.isEmpty()) {
        continue;
      }
      boolean has = events.getOrDefault(p.id(), List.of()).stream().anyMatch(e ->
          req.source().eventTypes().contains(e.event().type()) && period.contains(e.date()));
      nationListed++;
      nationWithData += has ? 1 : 0;
      if (at.get().equals(clinic)) {
        listed++;
        withData += has ? 1 : 0;
      }
    }
    if (listed == 0 || nationWithData == 0) {
      return false;
    }
    double lambda = listed * req.minimumOfNation() / 100 * nationWithData / nationListed;
    double term = Math.exp(-lambda);
    double cdf = term;
    for (int i = 1; i <= withData; i++) {
      term *= lambda / i;
      cdf += term;
    }
    return cdf < req.significance();
  }

  private static void add(Map<Key, long[]> map, Key key, long[] c) {
    long[] target = map.computeIfAbsent(key, x -> new long[FIELDS]);
    for (int f = 0; f < FIELDS; f++) {
      target[f] += c[f];
    }
  }

  private void evaluatePatient(Indicator ind, MeasurementPeriod period, Patient p, Map<Key, long[]> counts,
      Map<Key, List<Double>> values) {
    var pops = ind.populations();
    if (!test(pops.initial(), p, period)) {
      return;
    }
    Optional<String> clinic = clinicOn(p, period.end());
    Key key = clinic.map(c -> new Key(ind.id(), period, Level.CLINIC, c))
        .orElse(new Key(ind.id(), period, Level.UNATTRIBUTED, UnitIds.NONE));
    long[] c = counts.computeIfAbsent(key, x -> new long[FIELDS]);
    c[0]++;
    boolean den = pops.denominator().map(x -> test(x, p, period)).orElse(true);
    if (den) {
      c[1]++;
    }
    boolean dex = den && pops.denominatorExclusion().map(x -> test(x, p, period)).orElse(false);
    if (dex) {
      c[2]++;
    }
    boolean remaining = den && !dex;
    boolean ratio = ind.scoring() instanceof Ratio;
    boolean num = (ratio || remaining) && pops.numerator().map(x -> test(x, p, period)).orElse(false);
    if (num) {
      c[4]++;
    }
    boolean numex = num && pops.numeratorExclusion().map(x -> test(x, p, period)).orElse(false);
    if (numex) {
      c[5]++;
    }
    boolean dexc = remaining && !(num && !numex) && pops.denominatorException().map(x -> test(x, p, period)).orElse(false);
    if (dexc) {
      c[3]++;
    }
    boolean counted = remaining && !dexc;
    if (!counted) {
      return;
    }
    if (ind.scoring() instanceof Rate rate) {
      if (rate.base() != Rate.Base.PERSONS) {
        c[7] += listedDays(p, period);
      }
      if (pops.numerator().isPresent() && !(num && !numex)) {
        return;
      }
      for (RecordedEvent e : matching(rate, p, period)) {
        long[] at = ind.attribution() != Attribution.EVENT_DATE ? c
            : counts.computeIfAbsent(clinicOn(p, e.date()).map(cl -> new Key(ind.id(), period, Level.CLINIC, cl))
                .orElse(new Key(ind.id(), period, Level.UNATTRIBUTED, UnitIds.NONE)), x -> new long[FIELDS]);
        if (rate.sum() == Rate.Summed.EVENTS) {
          at[6]++;
          continue;
        }
        OptionalDouble amount = amount(rate, e, rate.window().fromDate(period), rate.window().toDate(period));
        if (amount.isPresent()) {
          at[6]++;
          at[9] += (long) Math.rint(amount.getAsDouble() * 1e6); // to the millionth, half to even
        } else {
          at[10]++;
        }
      }
    } else if (ind.scoring() instanceof Continuous cont) {
      OptionalDouble v = pick(cont, cont.pick(), cont.unit(), Missing.SKIP, cont.tie(), p, period);
      if (v.isPresent() && !Double.isNaN(v.getAsDouble())) {
        c[8]++;
        values.computeIfAbsent(key, x -> new ArrayList<>()).add(v.getAsDouble());
      }
    }
  }

  private Optional<String> clinicOn(Patient p, LocalDate date) {
    if (p.deathDate().isPresent() && date.isAfter(p.deathDate().get())) {
      return Optional.empty();
    }
    return listings.getOrDefault(p.id(), List.of()).stream()
        .filter(l -> l.validity().contains(date)).map(Listing::clinicId).findFirst();
  }

  private long listedDays(Patient p, MeasurementPeriod period) {
    long days = 0;
    for (LocalDate d = period.start(); !d.isAfter(period.end()); d = d.plusDays(1)) {
      if (clinicOn(p, d).isPresent()) {
        days++;
      }
    }
    return days;
  }

  boolean test(Criterion c, Patient p, MeasurementPeriod period) {
    if (c instanceof And and) {
      return and.all().stream().allMatch(x -> test(x, p, period));
    }
    if (c instanceof Or or) {
      return or.any().stream().anyMatch(x -> test(x, p, period));
    }
    if (c instanceof Not not) {
      return !test(not.criterion(), p, period);
    }
    if (c instanceof PopulationRef ref) {
      return test(defs.population(ref.id()).orElseThrow().criterion(), p, period);
    }
    if (c instanceof HasEvent has) {
      return !matching(has, p, period).isEmpty();
    }
    if (c instanceof EventCount count) {
      return matching(count, p, period).size() >= count.atLeast();
    }
    if (c instanceof ValueCompared v && v.pick() == Pick.ANY) {
      for (RecordedEvent e : matching(v, p, period)) {
        OptionalDouble value = usableValue(e, v.unit());
        if (value.isPresent() ? v.comparator().test(value.getAsDouble(), v.threshold()) : v.missing() == Missing.HOLDS) {
          return true;
        }
      }
      return false;
    }
    if (c instanceof CodedValue v && v.pick() == Pick.ANY) {
      ValueSet in = defs.valueSet(v.in()).orElseThrow();
      return matching(v, p, period).stream().anyMatch(e -> e.valueCode().isPresent()
          ? in.contains(e.valueCode().get()) : v.missing() == Missing.HOLDS);
    }
    if (c instanceof HasResult v && v.pick() == Pick.ANY) {
      return matching(v, p, period).stream().anyMatch(e -> e.event().value().isPresent() || e.valueCode().isPresent());
    }
    if (c instanceof ValueCompared v) {
      OptionalDouble value = pick(v, v.pick(), v.unit(), v.missing(), v.tie(), p, period);
      if (value.isEmpty()) {
        return false;
      }
      return Double.isNaN(value.getAsDouble()) ? v.missing() == Missing.HOLDS
          : v.comparator().test(value.getAsDouble(), v.threshold());
    }
    if (c instanceof CodedValue v) {
      List<RecordedEvent> candidates = new ArrayList<>(matching(v, p, period));
      if (v.missing() == Missing.SKIP) {
        candidates.removeIf(e -> e.valueCode().isEmpty());
      }
      List<RecordedEvent> onDay = decidingDay(candidates, v.pick());
      List<RecordedEvent> coded = onDay.stream().filter(e -> e.valueCode().isPresent()).toList();
      if (onDay.isEmpty()) {
        return false;
      }
      if (coded.isEmpty()) {
        return v.missing() == Missing.HOLDS;
      }
      ValueSet in = defs.valueSet(v.in()).orElseThrow();
      return coded.stream().anyMatch(e -> in.contains(e.valueCode().get()));
    }
    if (c instanceof HasResult v) {
      return decidingDay(matching(v, p, period), v.pick()).stream()
          .anyMatch(e -> e.event().value().isPresent() || e.valueCode().isPresent());
    }
    if (c instanceof Covered v) {
      LocalDate from = v.window().fromDate(period);
      LocalDate to = v.window().toDate(period);
      Set<LocalDate> covered = new java.util.HashSet<>();
      for (RecordedEvent e : matching(v, p, period)) {
        LocalDate last = e.lastDay().filter(d -> d.isBefore(to)).orElse(to);
        for (LocalDate d = e.date().isAfter(from) ? e.date() : from; !d.isAfter(last); d = d.plusDays(1)) {
          covered.add(d);
        }
      }
      return v.enough(covered.size(), ChronoUnit.DAYS.between(from, to) + 1);
    }
    if (c instanceof AgeInRange age) {
      return !p.birthDate().isAfter(period.end()) && age.contains(Period.between(p.birthDate(), period.end()).getYears());
    }
    if (c instanceof SexIs sex) {
      return p.sex() == sex.sex();
    }
    if (c instanceof Listed listed) {
      if (listed.coverage() == Listed.Coverage.AT_REFERENCE_DATE) {
        return clinicOn(p, period.end()).isPresent();
      }
      return listedDays(p, period) == ChronoUnit.DAYS.between(period.start(), period.end()) + 1;
    }
    throw new IllegalStateException("unknown criterion " + c);
  }

  /** The patient's events of the criterion's type, value set and statuses that lie relative to the window as its relation says. */
  private List<RecordedEvent> matching(EventCriterion ec, Patient p, MeasurementPeriod period) {
    ValueSet vs = defs.valueSet(ec.valueSet()).orElseThrow();
    LocalDate from = ec.window().fromDate(period);
    LocalDate to = ec.window().toDate(period);
    List<RecordedEvent> out = new ArrayList<>();
    for (RecordedEvent e : events.getOrDefault(p.id(), List.of())) {
      Event ev = e.event();
      boolean statusCounts = ec.status().isEmpty() || e.status().isEmpty() || ec.status().contains(e.status().get());
      if (ev.type() == ec.event() && vs.contains(ev.code()) && statusCounts && related(ec.relation(), e, from, to)) {
        out.add(e);
      }
    }
    return out;
  }

  private static boolean related(Relation relation, RecordedEvent e, LocalDate from, LocalDate to) {
    boolean startsIn = !e.date().isBefore(from) && !e.date().isAfter(to);
    Optional<LocalDate> last = e.lastDay();
    return switch (relation) {
      case STARTS -> startsIn;
      case ENDS -> last.isPresent() && !last.get().isBefore(from) && !last.get().isAfter(to);
      case OVERLAPS -> !e.date().isAfter(to) && (last.isEmpty() || !last.get().isBefore(from));
      case DURING -> startsIn && last.isPresent() && !last.get().isAfter(to);
    };
  }

  /** What a summing rate adds for event {@code e} counted in the window {@code from..to}; empty when it has no such amount. */
  private static OptionalDouble amount(Rate rate, RecordedEvent e, LocalDate from, LocalDate to) {
    return switch (rate.sum()) {
      case EVENTS -> OptionalDouble.of(1);
      case VALUE -> usableValue(e, rate.unit());
      case QUANTITY -> e.event().quantity();
      case DAYS -> {
        LocalDate first = e.date().isAfter(from) ? e.date() : from;
        LocalDate last = e.lastDay().filter(d -> d.isBefore(to)).orElse(to);
        yield OptionalDouble.of(Math.max(0, ChronoUnit.DAYS.between(first, last) + 1));
      }
    };
  }

  /** The event's value in {@code unit} (as recorded without one), or empty when it has none or cannot be converted. */
  private static OptionalDouble usableValue(RecordedEvent e, Optional<String> unit) {
    return e.event().value().isEmpty() ? OptionalDouble.empty() : unit.isPresent()
        ? UnitConversion.convert(e.event().value().getAsDouble(), e.event().unit().orElse(""), unit.get())
        : e.event().value();
  }

  /** The candidates on the latest (or first) day any of them has. */
  private static List<RecordedEvent> decidingDay(List<RecordedEvent> candidates, Pick pick) {
    Optional<LocalDate> day = candidates.stream().map(RecordedEvent::date)
        .reduce((a, b) -> pick == Pick.LATEST ? (a.isAfter(b) ? a : b) : (a.isBefore(b) ? a : b));
    return day.map(d -> candidates.stream().filter(e -> e.date().equals(d)).toList()).orElse(List.of());
  }

  /**
   * The deciding value: empty when no event decides, NaN when one without a usable value does
   * (only when missing events are not skipped), else the highest (or lowest) usable value of the
   * deciding day.
   */
  private OptionalDouble pick(EventCriterion ec, Pick pick, Optional<String> unit, Missing missing, Tie tie,
      Patient p, MeasurementPeriod period) {
    List<RecordedEvent> candidates = new ArrayList<>();
    Map<RecordedEvent, Double> usable = new java.util.IdentityHashMap<>();
    for (RecordedEvent e : matching(ec, p, period)) {
      OptionalDouble v = usableValue(e, unit);
      v.ifPresent(x -> usable.put(e, x));
      if (v.isPresent() || missing != Missing.SKIP) {
        candidates.add(e);
      }
    }
    List<RecordedEvent> onDay = decidingDay(candidates, pick);
    if (onDay.isEmpty()) {
      return OptionalDouble.empty();
    }
    OptionalDouble chosen = onDay.stream().filter(usable::containsKey).mapToDouble(usable::get)
        .reduce(tie == Tie.LOWEST ? Math::min : Math::max);
    return chosen.isPresent() ? chosen : OptionalDouble.of(Double.NaN);
  }

  static Set<Level> aggregateLevels() {
    return Set.of(Level.CLUSTER, Level.REGION, Level.NATION);
  }
}
