package org.klynge.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.klynge.core.definition.And;
import org.klynge.core.definition.Bound;
import org.klynge.core.definition.Criterion;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.Not;
import org.klynge.core.definition.Or;
import org.klynge.core.definition.Populations;
import org.klynge.core.definition.Scoring;
import org.klynge.core.definition.Window;
import org.klynge.core.validation.DefinitionChecker;
import org.klynge.core.validation.Diagnostic;

/**
 * The definition format loses nothing: writing any valid definition set as JSON or YAML and
 * reading it back gives an equal set, and every kind of criterion and scoring has a stable type
 * name.
 */
class DefinitionRoundTripProperties {

  @Provide
  Arbitrary<DefinitionSet> definitionSets() {
    return DefinitionGenerators.definitionSets();
  }

  @Property(tries = 300)
  void readOfWrite_json_givesEqualSet(@ForAll("definitionSets") DefinitionSet set) {
    collectKinds(set);
    assertEquals(set, roundTrip(set, Syntax.JSON));
  }

  @Property(tries = 300)
  void readOfWrite_yaml_givesEqualSet(@ForAll("definitionSets") DefinitionSet set) {
    collectKinds(set);
    assertEquals(set, roundTrip(set, Syntax.YAML));
  }

  @Property(tries = 50)
  void write_isStable_afterOneRoundTrip(@ForAll("definitionSets") DefinitionSet set) {
    for (Syntax syntax : Syntax.values()) {
      String once = DefinitionFormat.write(set, syntax);
      assertEquals(once, DefinitionFormat.write(roundTrip(set, syntax), syntax));
    }
  }

  /** The generators are honest: what they produce passes the checker without errors. */
  @Property(tries = 100)
  void check_generatedSet_hasNoErrors(@ForAll("definitionSets") DefinitionSet set) {
    List<Diagnostic> errors = DefinitionChecker.check(set, "generated").stream()
        .filter(Diagnostic::isError).toList();
    assertEquals(List.of(), errors);
  }

  /** Every criterion kind, scoring kind and bound form occurs in the generated sets. */
  @Property(tries = 300)
  void generators_coverEveryKind(@ForAll("definitionSets") DefinitionSet set) {
    collectKinds(set);
    Statistics.label("kinds").coverage(coverage -> {
      for (String kind : allKinds()) {
        coverage.check(kind).count(c -> c > 0);
      }
    });
  }

  @Example
  void typeNames_everyPermittedSubclassOfCriterion_isRegistered() {
    assertEveryPermittedSubclassNamed(Criterion.class);
  }

  @Example
  void typeNames_everyPermittedSubclassOfScoring_isRegistered() {
    assertEveryPermittedSubclassNamed(Scoring.class);
  }

  @Example
  void bound_offsetOfZero_writesAndReadsAsThePlainAnchor() {
    Bound zeroMonths = new Bound(Bound.Anchor.PERIOD_END, 0, Bound.Unit.MONTHS);
    assertEquals(Bound.PERIOD_END, zeroMonths);
    assertEquals(Bound.PERIOD_END, Bound.parse(zeroMonths.toString()));
  }

  @Example
  void bound_everyForm_readsBackFromItsText() {
    for (String text : List.of("ever", "period.start", "period.end", "period.end - 15 months",
        "period.start + 7 days", "period.end - 1 year", "period.start + 1 month", "period.end + 1 day",
        "period.end - 9999 days")) {
      assertEquals(text, Bound.parse(text).toString());
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static DefinitionSet roundTrip(DefinitionSet set, Syntax syntax) {
    String text = DefinitionFormat.write(set, syntax);
    DefinitionFormat.Parsed parsed = DefinitionFormat.read(text, syntax, "round-trip");
    assertEquals(List.of(), parsed.diagnostics(), () -> "reading back:\n" + text);
    assertTrue(parsed.definitions().isPresent());
    return parsed.definitions().get();
  }

  private static void assertEveryPermittedSubclassNamed(Class<?> sealed) {
    assertTrue(sealed.isSealed(), sealed + " is sealed");
    JsonSubTypes subTypes = sealed.getAnnotation(JsonSubTypes.class);
    Map<Class<?>, String> names = new HashMap<>();
    for (JsonSubTypes.Type type : subTypes.value()) {
      assertFalse(type.name().isBlank(), "type name of " + type.value().getSimpleName());
      names.put(type.value(), type.name());
    }
    Set<Class<?>> permitted = Set.of(sealed.getPermittedSubclasses());
    for (Class<?> sub : permitted) {
      assertTrue(names.containsKey(sub), sub.getSimpleName() + " has no @JsonSubTypes name on " + sealed.getSimpleName());
    }
    assertEquals(permitted, names.keySet(), "registered subtypes are exactly the permitted subclasses");
    assertEquals(names.size(), Set.copyOf(names.values()).size(), "type names are unique: " + names.values());
  }

  /** The type names of every criterion and scoring, and the bound forms, used in generated sets. */
  static Set<String> allKinds() {
    Set<String> kinds = new TreeSet<>();
    for (Class<?> sealed : List.of(Criterion.class, Scoring.class)) {
      Arrays.stream(sealed.getAnnotation(JsonSubTypes.class).value()).map(JsonSubTypes.Type::name).forEach(kinds::add);
    }
    Arrays.stream(Bound.Anchor.values()).map(a -> "bound:" + a).forEach(kinds::add);
    Arrays.stream(Bound.Unit.values()).map(u -> "offset:" + u).forEach(kinds::add);
    kinds.addAll(List.of("package:inline", "package:ref", "package:ref@version"));
    return kinds;
  }

  private static void collectKinds(DefinitionSet set) {
    Set<String> kinds = new TreeSet<>();
    set.populations().forEach(p -> criterionKinds(p.criterion(), kinds));
    List<Indicator> indicators = new java.util.ArrayList<>(set.indicators());
    set.packages().forEach(pkg -> pkg.indicators().forEach(pi -> {
      if (pi instanceof Indicator inline) {
        indicators.add(inline);
        kinds.add("package:inline");
      } else if (pi instanceof org.klynge.core.definition.IndicatorRef ref) {
        kinds.add(ref.version().isPresent() ? "package:ref@version" : "package:ref");
      }
    }));
    for (Indicator ind : indicators) {
      kinds.add(typeName(Scoring.class, ind.scoring().getClass()));
      if (ind.scoring() instanceof org.klynge.core.definition.EventCriterion ec) {
        windowKinds(ec.window(), kinds);
      }
      Populations p = ind.populations();
      criterionKinds(p.initial(), kinds);
      for (var optional : List.of(p.denominator(), p.denominatorExclusion(), p.denominatorException(),
          p.numerator(), p.numeratorExclusion())) {
        optional.ifPresent(c -> criterionKinds(c, kinds));
      }
    }
    kinds.forEach(k -> Statistics.label("kinds").collect(k));
  }

  private static void criterionKinds(Criterion c, Set<String> kinds) {
    kinds.add(typeName(Criterion.class, c.getClass()));
    if (c instanceof org.klynge.core.definition.EventCriterion ec) {
      windowKinds(ec.window(), kinds);
    } else if (c instanceof And and) {
      and.all().forEach(x -> criterionKinds(x, kinds));
    } else if (c instanceof Or or) {
      or.any().forEach(x -> criterionKinds(x, kinds));
    } else if (c instanceof Not not) {
      criterionKinds(not.criterion(), kinds);
    }
  }

  private static void windowKinds(Window w, Set<String> kinds) {
    for (Bound b : List.of(w.from(), w.to())) {
      kinds.add("bound:" + b.anchor());
      if (b.amount() != 0) {
        kinds.add("offset:" + b.unit());
      }
    }
  }

  private static String typeName(Class<?> sealed, Class<?> sub) {
    return Arrays.stream(sealed.getAnnotation(JsonSubTypes.class).value())
        .filter(t -> t.value() == sub).map(JsonSubTypes.Type::name)
        .collect(Collectors.joining());
  }
}
