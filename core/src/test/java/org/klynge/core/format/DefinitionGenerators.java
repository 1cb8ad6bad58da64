package org.klynge.core.format;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.klynge.core.definition.AgeInRange;
import org.klynge.core.definition.And;
import org.klynge.core.definition.Attribution;
import org.klynge.core.definition.Bound;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.CodedValue;
import org.klynge.core.definition.Comparator;
import org.klynge.core.definition.Continuous;
import org.klynge.core.definition.Covered;
import org.klynge.core.definition.Criterion;
import org.klynge.core.definition.DataSource;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Direction;
import org.klynge.core.definition.EventCount;
import org.klynge.core.definition.FollowUp;
import org.klynge.core.definition.Granularity;
import org.klynge.core.definition.HasEvent;
import org.klynge.core.definition.HasResult;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.IndicatorRef;
import org.klynge.core.definition.KeyQuestions;
import org.klynge.core.definition.Listed;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.definition.Missing;
import org.klynge.core.definition.NamedPopulation;
import org.klynge.core.definition.Not;
import org.klynge.core.definition.Or;
import org.klynge.core.definition.PackageIndicator;
import org.klynge.core.definition.Pick;
import org.klynge.core.definition.PopulationRef;
import org.klynge.core.definition.Populations;
import org.klynge.core.definition.Proportion;
import org.klynge.core.definition.Rate;
import org.klynge.core.definition.Ratio;
import org.klynge.core.definition.Relation;
import org.klynge.core.definition.Scoring;
import org.klynge.core.definition.SexIs;
import org.klynge.core.definition.Standard;
import org.klynge.core.definition.Tie;
import org.klynge.core.definition.Translation;
import org.klynge.core.definition.ValueCompared;
import org.klynge.core.definition.ValueSet;
import org.klynge.core.definition.Window;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;
import org.klynge.core.model.Sex;

/**
 * Random but valid definitions, built "backwards" from valid shapes: ids are unique, every
 * reference points at something defined (named populations only at earlier ones, so there are
 * no cycles), windows never end before they start, ages and standards lie in range, proportions
 * and ratios have a numerator, and packages answer their three questions. Criterion trees are at
 * most {@value #MAX_DEPTH} levels deep and use every criterion kind; optional parts are present
 * or absent at random.
 */
final class DefinitionGenerators {

  /** The deepest level of a criterion tree; the root is level 1. */
  static final int MAX_DEPTH = 3;

  private DefinitionGenerators() {}

  // ---- text ----------------------------------------------------------------------------------

  /** Text that is hard to quote in YAML or JSON: keywords, numbers, markers, quotes, non-ASCII, line breaks. */
  private static final List<String> TRICKY = List.of(
      "null", "Null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
      "1", "1.0", "0x1F", "1e5", ".5", "-1", "2024-01-01", "12:30",
      "# not a comment", "a: b", "- item", "[x]", "{y}", "'single'", "\"double\"", "back\\slash",
      "%", "95 %", "per 1,000 women", "@at", "&anchor", "*alias", "!tag", "|", ">",
      "Øjeninfektion – kloramfenikol", "æøå ÆØÅ", "HbA1c > 58 mmol/mol", "tab\there",
      "line one\nline two", "trailing\n", " leading space", "trailing space ", "emoji \uD83D\uDE00");

  /** Any text, possibly empty or blank. */
  static Arbitrary<String> text() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.of(TRICKY)),
        net.jqwik.api.Tuple.of(5, Arbitraries.strings().withCharRange('a', 'z').withChars(" -,.()%/").ofMaxLength(40)),
        net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(12).filter(DefinitionGenerators::isWellFormed)));
  }

  /**
   * Whether every surrogate in {@code s} is part of a pair (text that UTF-8 can encode) and it
   * holds none of the characters YAML reads as line breaks, which the checker rejects.
   */
  private static boolean isWellFormed(String s) {
    return s.codePoints().noneMatch(cp -> (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
        || cp == 0x85 || cp == 0x2028 || cp == 0x2029);
  }

  /** Text with at least one non-blank character (titles, versions, the three answers). */
  static Arbitrary<String> nonBlankText() {
    return text().filter(s -> !s.isBlank() && !s.trim().isEmpty());
  }

  /** A word of the id alphabet. */
  private static Arbitrary<String> word() {
    return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(1).ofMaxLength(6);
  }

  /** An id matching {@code [a-z0-9]+([-.][a-z0-9]+)*}; {@code n} is appended to make it unique. */
  private static Arbitrary<String> id(String prefix, int n) {
    return Combinators.combine(word(), Arbitraries.of("-", ".")).as((w, sep) -> prefix + sep + w + "-" + n);
  }

  /** Versions as written in practice: {@code 1}, {@code 1.0.0}, {@code 2024.1}, {@code 1.0-rc1}. */
  private static Arbitrary<String> version() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 20).map(String::valueOf),
        Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 20),
            Arbitraries.integers().between(0, 99)).as((a, b, c) -> a + "." + b + "." + c),
        Arbitraries.of("2024.1", "1.0-rc1", "1.0"));
  }

  private static <T> Arbitrary<Optional<T>> optional(Arbitrary<T> value) {
    return Arbitraries.oneOf(Arbitraries.just(Optional.<T>empty()), value.map(Optional::of));
  }

  private static <T> Arbitrary<List<T>> all(List<Arbitrary<T>> arbitraries) {
    return arbitraries.isEmpty() ? Arbitraries.just(List.of()) : Combinators.combine(arbitraries).as(List::copyOf);
  }

  // ---- value sets ----------------------------------------------------------------------------

  /** A code as it could appear in the system, e.g. {@code J01CA08}, {@code NPU27300}, {@code 0101}. */
  private static Arbitrary<String> code(String system) {
    switch (system) {
      case "atc":
        return Arbitraries.of("J", "J01", "J01CA08", "J01EB02", "N05A", "S01AA01", "D06AX01");
      case "icpc2":
        return Arbitraries.of("T90", "T89", "R95", "U71", "P70");
      case "icd10":
      case "sks":
        return Arbitraries.of("DE11", "DE119", "DE10", "DJ44", "DF03");
      case "icd10cm":
        return Arbitraries.of("E11", "E119", "J44");
      case "npu":
        return Arbitraries.of("NPU27300", "NPU03835", "NPU01566");
      case "loinc":
        return Arbitraries.of("4548-4", "17856-6");
      case "fee":
        return Arbitraries.of("0101", "0120", "2101", "7501");
      case "questionnaire":
        return Arbitraries.of("who5/q1", "who5/total", "phq9/q9");
      default:
        return Arbitraries.of("44054006", "73211009", "x-1");
    }
  }

  /** Systems a definition set may declare besides the built-in ones. */
  static final ImmutableList<CodeSystem> DECLARABLE = ImmutableList.of(
      new CodeSystem("read2", "Read codes, version 2", CodeSystem.Hierarchy.PREFIX),
      new CodeSystem("local.lab", "A laboratory's own codes", CodeSystem.Hierarchy.EXACT));

  private static Arbitrary<ImmutableMap<String, ImmutableList<String>>> codes(int minSystems) {
    List<String> ids = new ArrayList<>();
    CodeSystem.builtIns().forEach(s -> ids.add(s.id()));
    DECLARABLE.forEach(s -> ids.add(s.id()));
    return Arbitraries.of(ids).set().ofMinSize(minSystems).ofMaxSize(3).flatMap(systems -> {
      List<Arbitrary<Map.Entry<String, ImmutableList<String>>>> entries = new ArrayList<>();
      for (String system : systems) {
        entries.add(code(system).list().ofMinSize(1).ofMaxSize(4)
            .map(list -> Map.entry(system, ImmutableList.copyOf(list))));
      }
      return all(entries).map(list -> {
        Map<String, ImmutableList<String>> ordered = new LinkedHashMap<>();
        list.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ImmutableMap.copyOf(ordered);
      });
    });
  }

  static Arbitrary<ValueSet> valueSet(String id) {
    return Combinators.combine(nonBlankText(), codes(1), codes(0))
        .as((title, include, exclude) -> new ValueSet(id, title, include, exclude));
  }

  // ---- windows -------------------------------------------------------------------------------

  /** Any bound except {@code ever}: an anchor with no offset, or ± N days, months or years. */
  static Arbitrary<Bound> anchoredBound() {
    Arbitrary<Bound> plain = Arbitraries.of(Bound.PERIOD_START, Bound.PERIOD_END);
    Arbitrary<Bound> offset = Combinators.combine(
        Arbitraries.of(Bound.Anchor.PERIOD_START, Bound.Anchor.PERIOD_END),
        Arbitraries.integers().between(-9999, 9999).filter(n -> n != 0)
            .edgeCases(c -> c.add(1, -1, 9999, -9999)),
        Arbitraries.of(Bound.Unit.values()))
        .as(Bound::new);
    return Arbitraries.oneOf(plain, offset);
  }

  /** Every bound form: {@code ever}, {@code period.start}, {@code period.end}, and offsets. */
  static Arbitrary<Bound> bound() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Bound.EVER)),
        net.jqwik.api.Tuple.of(4, anchoredBound()));
  }

  /** A window that does not end before it starts; {@code ever} only as its start. */
  static Arbitrary<Window> window() {
    return Combinators.combine(bound(), anchoredBound()).as((from, to) -> {
      Window w = new Window(from, to);
      return w.endsBeforeItStarts().isPresent() ? new Window(to, from) : w;
    });
  }

  // ---- criteria ------------------------------------------------------------------------------

  private static Arbitrary<EventType> eventType() {
    return Arbitraries.of(EventType.values());
  }

  private static Arbitrary<Optional<String>> unit() {
    return optional(Arbitraries.of("mmol/mol", "%", "mmol/l", "points"));
  }

  private static Arbitrary<Double> threshold() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(-10, 200).map(Integer::doubleValue),
        Arbitraries.doubles().between(-1e6, 1e6),
        Arbitraries.of(0.1, 1e-9, 6.5, 58.0, 1.5e12, Double.MAX_VALUE, -Double.MIN_VALUE));
  }

  private static Arbitrary<Relation> relation() {
    return Arbitraries.of(Relation.values());
  }

  private static Arbitrary<Set<EventStatus>> statuses() {
    return Arbitraries.of(EventStatus.values()).set().ofMaxSize(3);
  }

  /** Leaves that need no reference to a named population. */
  private static List<Arbitrary<Criterion>> leaves(List<String> valueSets) {
    Arbitrary<String> vs = Arbitraries.of(valueSets);
    List<Arbitrary<Criterion>> out = new ArrayList<>();
    out.add(Combinators.combine(eventType(), vs, window(), relation(), statuses()).as(HasEvent::new));
    out.add(Combinators.combine(eventType(), vs, window(), Arbitraries.integers().between(1, 50), relation(),
            statuses()).as(EventCount::new));
    out.add(Combinators.combine(eventType(), vs, window(), Arbitraries.of(Pick.values()),
            Arbitraries.of(Comparator.values()), threshold(), unit(), relation())
        .flatAs((event, set, w, pick, comparator, threshold, unit, relation) ->
            Combinators.combine(statuses(), Arbitraries.of(Missing.values()), Arbitraries.of(Tie.values()))
                .as((status, missing, tie) -> new ValueCompared(event, set, w, pick, comparator, threshold, unit,
                    relation, status, missing, tie))));
    out.add(Combinators.combine(eventType(), vs, vs, window(), Arbitraries.of(Pick.values()), relation(), statuses(),
        Arbitraries.of(Missing.values())).as(CodedValue::new));
    out.add(Combinators.combine(eventType(), vs, window(), Arbitraries.of(Pick.values()), relation(), statuses())
        .as(HasResult::new));
    out.add(Combinators.combine(eventType(), vs, window(), statuses(), Arbitraries.integers().between(1, 3660),
        Arbitraries.integers().between(1, 100), Arbitraries.of(true, false)).as((event, set, w, status, days, percent,
            byDays) -> byDays || w.from().anchor() == Bound.Anchor.EVER
            ? new Covered(event, set, w, status, Optional.of(days), Optional.empty())
            : new Covered(event, set, w, status, Optional.empty(), Optional.of(percent))));
    Arbitrary<Optional<Integer>> age = optional(Arbitraries.integers().between(0, 150));
    out.add(Combinators.combine(age, age).as((a, b) -> {
      if (a.isPresent() && b.isPresent() && a.get() > b.get()) {
        return new AgeInRange(b, a);
      }
      return new AgeInRange(a, b);
    }));
    out.add(Arbitraries.of(Sex.values()).map(SexIs::new));
    out.add(Arbitraries.of(Listed.Coverage.values()).map(Listed::new));
    return out;
  }

  /**
   * A criterion tree of at most {@code MAX_DEPTH - depth + 1} levels over the value sets, which
   * may refer to the named populations {@code populations}.
   */
  static Arbitrary<Criterion> criterion(int depth, List<String> valueSets, List<String> populations) {
    List<Arbitrary<Criterion>> choices = new ArrayList<>(leaves(valueSets));
    if (!populations.isEmpty()) {
      choices.add(Arbitraries.of(populations).map(PopulationRef::new));
    }
    Arbitrary<Criterion> leaf = Arbitraries.oneOf(choices);
    if (depth >= MAX_DEPTH) {
      return leaf;
    }
    Arbitrary<Criterion> child = Arbitraries.lazy(() -> criterion(depth + 1, valueSets, populations));
    Arbitrary<Criterion> and = child.list().ofMinSize(1).ofMaxSize(3).map(And::of);
    Arbitrary<Criterion> or = child.list().ofMinSize(1).ofMaxSize(3).map(l -> new Or(ImmutableList.copyOf(l)));
    Arbitrary<Criterion> not = child.map(Not::new);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf),
        net.jqwik.api.Tuple.of(1, and),
        net.jqwik.api.Tuple.of(1, or),
        net.jqwik.api.Tuple.of(1, not));
  }

  // ---- indicators ----------------------------------------------------------------------------

  static Arbitrary<Scoring> scoring(List<String> valueSets) {
    Arbitrary<String> vs = Arbitraries.of(valueSets);
    return Arbitraries.oneOf(
        Arbitraries.just(new Proportion()),
        Arbitraries.just(new Ratio()),
        Combinators.combine(eventType(), vs, window(), Arbitraries.of(1, 100, 1000, 10_000, 100_000),
            Arbitraries.of(Rate.Base.values()), relation(), statuses()).as(Rate::new),
        Combinators.combine(eventType(), vs, window(), Arbitraries.of(Pick.LATEST, Pick.FIRST), unit(),
            Arbitraries.of(Continuous.Aggregate.values()), relation(), statuses())
            .flatAs((event, set, w, pick, unit, aggregate, relation, status) -> Arbitraries.of(Tie.values())
                .map(tie -> new Continuous(event, set, w, pick, unit, aggregate, relation, status, tie))));
  }

  private static Arbitrary<Populations> populations(Scoring scoring, List<String> valueSets, List<String> pops) {
    Arbitrary<Criterion> c = criterion(1, valueSets, pops);
    Arbitrary<Optional<Criterion>> oc = optional(c);
    boolean needsNumerator = scoring instanceof Proportion || scoring instanceof Ratio;
    Arbitrary<Optional<Criterion>> numerator = needsNumerator ? c.map(Optional::of) : oc;
    return Combinators.combine(c, oc, oc, oc, numerator, oc).as(Populations::new);
  }

  private static Arbitrary<Optional<Standard>> standard(Scoring scoring, Direction direction) {
    if (direction == Direction.NEITHER) {
      return Arbitraries.just(Optional.empty());
    }
    Arbitrary<Double> target = scoring instanceof Proportion
        ? Arbitraries.oneOf(Arbitraries.doubles().between(0, 100), Arbitraries.of(0.0, 95.0, 100.0))
        : threshold();
    return optional(Combinators.combine(target, optional(nonBlankText())).as(Standard::new));
  }

  /** One indicator with this id. */
  static Arbitrary<Indicator> indicator(String id, List<String> valueSets, List<String> pops) {
    return scoring(valueSets).flatMap(scoring -> Arbitraries.of(Direction.values()).flatMap(direction ->
        Combinators.combine(
            version(), nonBlankText(), text(), text(),
            populations(scoring, valueSets, pops), standard(scoring, direction), text(),
            Arbitraries.of(DataSource.values()).list().ofMaxSize(3))
            .flatAs((version, title, description, rationale, populations, standard, unit, sources) ->
                Combinators.combine(Arbitraries.of(Attribution.values()), optional(nonBlankText()),
                        word().list().ofMaxSize(3))
                    .flatAs((attribution, reference, tags) -> indicatorTranslations().map(translations ->
                        Indicator.builder()
                            .id(id).version(version).title(title).description(description).rationale(rationale)
                            .scoring(scoring).populations(populations).direction(direction).standard(standard)
                            .unit(unit).sources(sources).attribution(attribution).reference(reference).tags(tags)
                            .translations(translations).build())))));
  }

  /** No translation, or a Danish one with some of an indicator's texts. */
  private static Arbitrary<ImmutableSortedMap<String, Translation>> indicatorTranslations() {
    Arbitrary<Translation> da = optional(nonBlankText()).list().ofSize(4)
        .map(t -> new Translation(t.get(0), t.get(1), t.get(2), t.get(3), Optional.empty(), Optional.empty()))
        .filter(t -> !t.givesNoText());
    return danishOrNone(da);
  }

  /**
   * A map of the Danish translation or none. Not {@code Arbitraries.just(ImmutableSortedMap.of())}: jqwik shares
   * generators between equal arbitraries, and an empty sorted map equals the empty value-set maps.
   */
  private static Arbitrary<ImmutableSortedMap<String, Translation>> danishOrNone(Arbitrary<Translation> da) {
    return optional(da).map(t -> t.map(x -> ImmutableSortedMap.of("da", x)).orElseGet(ImmutableSortedMap::of));
  }

  /** No translation, or a Danish one with some of a package's texts. */
  private static Arbitrary<ImmutableSortedMap<String, Translation>> packageTranslations() {
    Arbitrary<Optional<KeyQuestions>> questions = optional(nonBlankText().list().ofSize(3)
        .map(q -> new KeyQuestions(q.get(0), q.get(1), q.get(2))));
    Arbitrary<Translation> da = optional(nonBlankText()).list().ofSize(2).flatMap(t -> questions.map(q ->
        new Translation(t.get(0), Optional.empty(), Optional.empty(), Optional.empty(), t.get(1), q)))
        .filter(t -> !t.givesNoText());
    return danishOrNone(da);
  }

  // ---- packages ------------------------------------------------------------------------------

  private static Arbitrary<LocalDate> date() {
    return Arbitraries.integers().between(0, 365 * 15).map(d -> LocalDate.of(2015, 1, 1).plusDays(d));
  }

  private static Arbitrary<MeasurementPeriod> period() {
    return Combinators.combine(date(), Arbitraries.integers().between(0, 3 * 366))
        .as((start, days) -> new MeasurementPeriod(start, start.plusDays(days)));
  }

  private static Arbitrary<PackageIndicator> packageEntry(String inlineId, List<Indicator> defined,
      List<String> valueSets, List<String> pops) {
    Arbitrary<PackageIndicator> inline = indicator(inlineId, valueSets, pops).map(i -> i);
    if (defined.isEmpty()) {
      return inline;
    }
    Arbitrary<PackageIndicator> ref = Combinators.combine(Arbitraries.of(defined), Arbitraries.of(true, false))
        .as((ind, pinned) -> new IndicatorRef(ind.id(), pinned ? Optional.of(ind.version()) : Optional.empty()));
    return Arbitraries.oneOf(inline, ref);
  }

  static Arbitrary<ClusterPackage> clusterPackage(String id, int n, List<Indicator> defined,
      List<String> valueSets, List<String> pops) {
    Arbitrary<List<PackageIndicator>> entries = Arbitraries.integers().between(1, 3).flatMap(count -> all(
        IntStream.range(0, count).mapToObj(i -> packageEntry("inline-" + n + "-" + i, defined, valueSets, pops))
            .toList()));
    Arbitrary<KeyQuestions> questions = Combinators.combine(nonBlankText(), nonBlankText(), nonBlankText())
        .as(KeyQuestions::new);
    Arbitrary<Optional<FollowUp>> followUp = optional(Combinators.combine(
        Arbitraries.integers().between(1, 24), Arbitraries.of(Granularity.values())).as(FollowUp::new));
    return period().flatMap(period -> Combinators.combine(
        version(), nonBlankText(), text(), questions, entries, Arbitraries.of(Granularity.values()),
        meetingDates(period), followUp)
        .flatAs((version, title, topic, q, list, granularity, meetings, follow) ->
            Combinators.combine(optional(nonBlankText()), packageTranslations()).as((reference, translations) ->
                new ClusterPackage(id, version, title, topic, q, ImmutableList.copyOf(list), period, granularity,
                    ImmutableList.copyOf(meetings), follow, reference, translations))));
  }

  private static Arbitrary<List<LocalDate>> meetingDates(MeasurementPeriod period) {
    int days = (int) period.lengthInDays();
    return Arbitraries.integers().between(0, days - 1).map(d -> period.start().plusDays(d)).list().ofMaxSize(3);
  }

  // ---- whole sets ----------------------------------------------------------------------------

  /** A valid definition set: every part present or absent at random. */
  static Arbitrary<DefinitionSet> definitionSets() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 4), Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2))
        .flatAs((nValueSets, nPopulations, nIndicators, nPackages) -> {
          Arbitrary<List<String>> vsIds = all(IntStream.range(0, nValueSets).mapToObj(i -> id("vs", i)).toList());
          Arbitrary<List<String>> popIds = all(IntStream.range(0, nPopulations).mapToObj(i -> id("pop", i)).toList());
          return Combinators.combine(vsIds, popIds).flatAs((vs, pops) -> {
            Arbitrary<List<ValueSet>> valueSets = all(vs.stream().map(DefinitionGenerators::valueSet).toList());
            List<Arbitrary<NamedPopulation>> popArbs = new ArrayList<>();
            for (int i = 0; i < pops.size(); i++) {
              String popId = pops.get(i);
              // only earlier populations may be referenced, so there are no cycles
              popArbs.add(Combinators.combine(nonBlankText(), criterion(1, vs, pops.subList(0, i)))
                  .as((title, c) -> new NamedPopulation(popId, title, c)));
            }
            Arbitrary<List<Indicator>> indicators = all(IntStream.range(0, nIndicators)
                .mapToObj(i -> id("ind", i).flatMap(id -> indicator(id, vs, pops))).toList());
            return Combinators.combine(valueSets, all(popArbs), indicators).flatAs((v, p, inds) -> {
              Arbitrary<List<ClusterPackage>> packages = all(IntStream.range(0, nPackages)
                  .mapToObj(i -> id("pkg", i).flatMap(id -> clusterPackage(id, i, inds, vs, pops))).toList());
              // the declared systems the value sets name, so that the set is valid
              var named = v.stream().flatMap(s -> s.systems().stream()).collect(java.util.stream.Collectors.toSet());
              ImmutableList<CodeSystem> declared = DECLARABLE.stream().filter(s -> named.contains(s.id()))
                  .collect(ImmutableList.toImmutableList());
              return packages.map(pkgs -> new DefinitionSet(DefinitionSet.CURRENT_SCHEMA_VERSION, declared,
                  ImmutableList.copyOf(v), ImmutableList.copyOf(p), ImmutableList.copyOf(inds),
                  ImmutableList.copyOf(pkgs)));
            });
          });
        });
  }
}
