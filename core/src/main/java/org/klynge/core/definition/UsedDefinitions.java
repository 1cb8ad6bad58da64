package org.klynge.core.definition;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayDeque;
import java.util.Deque;
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

  /**
   * Adds what {@code root} uses, in pre-order, with an explicit stack: a chain of references of
   * any length costs no stack, and each population is entered once.
   */
  private static void collect(Criterion root, DefinitionSet defs, Set<String> populations, Set<String> valueSets) {
    Deque<Criterion> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Criterion c = pending.pop();
      if (c instanceof EventCriterion ec) {
        valueSets.add(ec.valueSet());
        if (c instanceof CodedValue coded) {
          valueSets.add(coded.in());
        }
      } else if (c instanceof And and) {
        and.all().reverse().forEach(pending::push);
      } else if (c instanceof Or or) {
        or.any().reverse().forEach(pending::push);
      } else if (c instanceof Not not) {
        pending.push(not.criterion());
      } else if (c instanceof PopulationRef ref && populations.add(ref.id())) {
        defs.population(ref.id()).ifPresent(np -> pending.push(np.criterion()));
      }
    }
  }
}
