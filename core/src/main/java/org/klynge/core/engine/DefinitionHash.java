package org.klynge.core.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.NamedPopulation;
import org.klynge.core.definition.UsedDefinitions;
import org.klynge.core.definition.ValueSet;
import org.klynge.core.format.DefinitionFormat;
import org.klynge.core.format.Syntax;
import org.klynge.core.model.CodeSystem;

/**
 * The SHA-256 of an indicator's canonical JSON together with the value sets and named
 * populations it uses, so a result can be traced to the exact definition behind it.
 */
final class DefinitionHash {

  private DefinitionHash() {}

  static String of(Indicator indicator, DefinitionSet definitions) {
    UsedDefinitions used = UsedDefinitions.of(indicator, definitions);
    var valueSets = used.valueSets();
    var populations = used.populations();
    ImmutableList<ValueSet> vs = valueSets.stream().sorted().map(id -> definitions.valueSet(id))
        .flatMap(java.util.Optional::stream).collect(ImmutableList.toImmutableList());
    ImmutableList<NamedPopulation> pops = populations.stream().sorted().map(definitions::population)
        .flatMap(java.util.Optional::stream).collect(ImmutableList.toImmutableList());
    // the declared systems the value sets name: their hierarchy decides what matches
    var named = vs.stream().flatMap(v -> v.systems().stream()).collect(Collectors.toSet());
    ImmutableList<CodeSystem> systems = definitions.codeSystems().stream()
        .filter(s -> named.contains(s.id())).distinct()
        .sorted(Comparator.comparing(CodeSystem::id))
        .collect(ImmutableList.toImmutableList());
    var canonical = new DefinitionSet(DefinitionSet.CURRENT_SCHEMA_VERSION, systems, vs, pops,
        ImmutableList.of(indicator), ImmutableList.of());
    String json = DefinitionFormat.write(canonical, Syntax.JSON);
    return Hashing.sha256().hashString(json, StandardCharsets.UTF_8).toString();
  }
}
