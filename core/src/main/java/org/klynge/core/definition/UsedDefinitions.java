package org.klynge.core.definition;

import com.google.common.collect.ImmutableSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The named populations and value sets an indicator uses, directly or through the populations it
 * references, in order of first use: scoring, then initial population, denominator, denominator
 * exclusion, numerator, numerator exclusion, denominator exception.
 *
 * @param populations ids of the named populations used
 * @param valueSets ids of the value sets used
 */
public record UsedDefinitions(ImmutableSet<String> populations, ImmutableSet<String> valueSets) {

  /** What {@code indicator} uses, resolving population references in {@code definitions}. */
  public static UsedDefinitions of(Indicator indicator, DefinitionSet definitions) {
    Set<String> populations = new LinkedHashSet<>();
    Set<String> valueSets = new LinkedHashSet<>();
    if (indicator.scoring() instanceof EventCriterion ec) {
      valueSets.add(ec.valueSet());
    }
    Populations p = indicator.populations();
    collect(p.initial(), definitions, populations, valueSets);
    for (Optional<Criterion> c : List.of(p.denominator(), p.denominatorExclusion(), p.numerator(),
        p.numeratorExclusion(), p.denominatorException())) {
      c.ifPresent(x -> collect(x, definitions, populations, valueSets));
    }
    return new UsedDefinitions(ImmutableSet.copyOf(populations), ImmutableSet.copyOf(valueSets));
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
