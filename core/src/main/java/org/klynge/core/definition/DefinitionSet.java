package org.klynge.core.definition;

import jakarta.validation.Valid;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.CodeSystems;

/**
 * The content of one definition file, or several merged: declared code systems, value sets,
 * named populations, indicators and cluster packages. {@code schemaVersion} names the format
 * version.
 *
 * @param schemaVersion the format version, currently {@value #CURRENT_SCHEMA_VERSION}
 * @param codeSystems code systems declared besides the built-in ones ({@link CodeSystem#builtIns()})
 * @param valueSets the value sets
 * @param populations named populations that criteria can reference
 * @param indicators the indicators
 * @param packages the cluster packages
 */
public record DefinitionSet(
    int schemaVersion,
    ImmutableList<CodeSystem> codeSystems,
    @Valid ImmutableList<ValueSet> valueSets,
    @Valid ImmutableList<NamedPopulation> populations,
    @Valid ImmutableList<Indicator> indicators,
    @Valid ImmutableList<ClusterPackage> packages) {

  /** The format version this library reads and writes. */
  public static final int CURRENT_SCHEMA_VERSION = 1;

  public DefinitionSet {
    codeSystems = codeSystems == null ? ImmutableList.of() : ImmutableList.copyOf(codeSystems);
    valueSets = valueSets == null ? ImmutableList.of() : ImmutableList.copyOf(valueSets);
    populations = populations == null ? ImmutableList.of() : ImmutableList.copyOf(populations);
    indicators = indicators == null ? ImmutableList.of() : ImmutableList.copyOf(indicators);
    packages = packages == null ? ImmutableList.of() : ImmutableList.copyOf(packages);
  }

  /** An empty set in the current format version. */
  public static DefinitionSet empty() {
    return new DefinitionSet(CURRENT_SCHEMA_VERSION, null, null, null, null, null);
  }

  /** This set and {@code other} together (duplicates are left for validation to report). */
  public DefinitionSet merge(DefinitionSet other) {
    return new DefinitionSet(Math.max(schemaVersion, other.schemaVersion),
        concat(codeSystems, other.codeSystems), concat(valueSets, other.valueSets), concat(populations, other.populations),
        concat(indicators, other.indicators), concat(packages, other.packages));
  }

  private static <T> ImmutableList<T> concat(ImmutableList<T> a, ImmutableList<T> b) {
    return Stream.concat(a.stream(), b.stream()).collect(ImmutableList.toImmutableList());
  }

  /**
   * The code systems data for these definitions may use: the built-in ones and the declared ones.
   * A declared system that conflicts with a known one (same id, other hierarchy) is left out;
   * validation reports it.
   */
  public CodeSystems declaredSystems() {
    CodeSystems out = CodeSystems.builtIn();
    for (CodeSystem s : codeSystems) {
      Optional<CodeSystem> known = out.find(s.id());
      if (known.isEmpty()) {
        out = out.with(List.of(s));
      }
    }
    return out;
  }

  /** The value set with this id, if defined. */
  public Optional<ValueSet> valueSet(String id) {
    return valueSets.stream().filter(v -> v.id().equals(id)).findFirst();
  }

  /** The named population with this id, if defined. */
  public Optional<NamedPopulation> population(String id) {
    return populations.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The indicator a reference resolves to: the pinned version, or the only one with the id. */
  public Optional<Indicator> indicator(IndicatorRef ref) {
    var candidates = indicators.stream().filter(i -> i.id().equals(ref.id()))
        .filter(i -> ref.version().map(v -> v.equals(i.version())).orElse(true))
        .collect(ImmutableList.toImmutableList());
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  /** The package with this id (and the newest listed version when several), if defined. */
  public Optional<ClusterPackage> clusterPackage(String id) {
    return packages.stream().filter(p -> p.id().equals(id)).reduce((first, second) -> second);
  }

  /** The package's indicators with references resolved; unresolvable references are skipped (validation reports them). */
  public ImmutableList<Indicator> indicatorsOf(ClusterPackage pkg) {
    ImmutableList.Builder<Indicator> out = ImmutableList.builder();
    for (PackageIndicator pi : pkg.indicators()) {
      if (pi instanceof Indicator inline) {
        out.add(inline);
      } else if (pi instanceof IndicatorRef ref) {
        indicator(ref).ifPresent(out::add);
      }
    }
    return out.build();
  }
}
