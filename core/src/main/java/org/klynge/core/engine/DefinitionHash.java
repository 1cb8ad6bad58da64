package org.klynge.core.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.klynge.core.definition.And;
import org.klynge.core.definition.Criterion;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.EventCriterion;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.NamedPopulation;
import org.klynge.core.definition.Not;
import org.klynge.core.definition.Or;
import org.klynge.core.definition.PopulationRef;
import org.klynge.core.definition.ValueSet;
import org.klynge.core.format.DefinitionFormat;
import org.klynge.core.format.Syntax;

/**
 * The SHA-256 of an indicator's canonical JSON together with the value sets and named
 * populations it uses, so a result can be traced to the exact definition behind it.
 */
final class DefinitionHash {

  private DefinitionHash() {}

  static String of(Indicator indicator, DefinitionSet definitions) {
    Set<String> populations = new LinkedHashSet<>();
    Set<String> valueSets = new LinkedHashSet<>();
    var p = indicator.populations();
    collect(p.initial(), definitions, populations, valueSets);
    p.denominator().ifPresent(c -> collect(c, definitions, populations, valueSets));
    p.denominatorExclusion().ifPresent(c -> collect(c, definitions, populations, valueSets));
    p.denominatorException().ifPresent(c -> collect(c, definitions, populations, valueSets));
    p.numerator().ifPresent(c -> collect(c, definitions, populations, valueSets));
    p.numeratorExclusion().ifPresent(c -> collect(c, definitions, populations, valueSets));
    if (indicator.scoring() instanceof EventCriterion ec) {
      valueSets.add(ec.valueSet());
    }
    ImmutableList<ValueSet> vs = valueSets.stream().sorted().map(id -> definitions.valueSet(id))
        .flatMap(java.util.Optional::stream).collect(ImmutableList.toImmutableList());
    ImmutableList<NamedPopulation> pops = populations.stream().sorted().map(definitions::population)
        .flatMap(java.util.Optional::stream).collect(ImmutableList.toImmutableList());
    var canonical = new DefinitionSet(DefinitionSet.CURRENT_SCHEMA_VERSION, vs, pops, ImmutableList.of(indicator),
        ImmutableList.of());
    String json = DefinitionFormat.write(canonical, Syntax.JSON);
    return Hashing.sha256().hashString(json, StandardCharsets.UTF_8).toString();
  }

  private static void collect(Criterion c, DefinitionSet defs, Set<String> populations, Set<String> valueSets) {
    if (c instanceof EventCriterion ec) {
      valueSets.add(ec.valueSet());
    } else if (c instanceof And and) {
      and.all().forEach(x -> collect(x, defs, populations, valueSets));
    } else if (c instanceof Or or) {
      or.any().forEach(x -> collect(x, defs, populations, valueSets));
    } else if (c instanceof Not not) {
      collect(not.criterion(), defs, populations, valueSets);
    } else if (c instanceof PopulationRef ref && populations.add(ref.id())) {
      defs.population(ref.id()).ifPresent(np -> collect(np.criterion(), defs, populations, valueSets));
    }
  }
}
