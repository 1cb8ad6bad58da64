package org.klynge.core.definition;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.klynge.core.model.Code;
import org.klynge.core.model.CodeSystem;

/**
 * A named set of codes, per code system, with explicit exclusions. In hierarchical systems
 * (ATC, ICPC-2, ICD-10) a code includes every code it is a prefix of; an exclusion removes
 * codes from what the inclusions matched.
 *
 * <pre>{@code
 * - id: uti-antibiotics
 *   title: Antibiotics for urinary tract infection
 *   include: {atc: [J01CA08, J01EB02, J01XE01, J01EA01]}
 * - id: diabetes-type-2
 *   include: {icpc2: [T90], icd10: [DE11]}
 *   exclude: {icd10: [DE119X]}
 * }</pre>
 *
 * @param id the id criteria refer to
 * @param title a human title
 * @param include codes included, by system
 * @param exclude codes excluded, by system
 */
public record ValueSet(
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
    String title,
    ImmutableMap<CodeSystem, ImmutableList<String>> include,
    ImmutableMap<CodeSystem, ImmutableList<String>> exclude) {

  public ValueSet {
    requireNonNull(id, "id");
    title = title == null ? id : title;
    include = copy(include);
    exclude = copy(exclude);
  }

  private static ImmutableMap<CodeSystem, ImmutableList<String>> copy(
      Map<CodeSystem, ? extends List<String>> codes) {
    if (codes == null) {
      return ImmutableMap.of();
    }
    ImmutableMap.Builder<CodeSystem, ImmutableList<String>> out = ImmutableMap.builder();
    codes.forEach((system, list) -> out.put(system, list == null ? ImmutableList.of() : ImmutableList.copyOf(list)));
    return out.buildOrThrow();
  }

  /** A value set including {@code codes} of one system. */
  public static ValueSet of(String id, CodeSystem system, String... codes) {
    return new ValueSet(id, id, ImmutableMap.of(system, ImmutableList.copyOf(codes)), ImmutableMap.of());
  }

  /** Whether {@code code} is in the set: included by some entry and excluded by none. */
  public boolean contains(Code code) {
    return firstMatch(include, code).isPresent() && firstMatch(exclude, code).isEmpty();
  }

  /** The inclusion entry that matches {@code code}, if it is in the set, for explanations. */
  public Optional<String> matchingEntry(Code code) {
    return contains(code) ? firstMatch(include, code) : Optional.empty();
  }

  private static Optional<String> firstMatch(Map<CodeSystem, ImmutableList<String>> codes, Code code) {
    List<String> entries = codes.get(code.system());
    if (entries == null) {
      return Optional.empty();
    }
    for (String entry : entries) {
      if (new Code(code.system(), entry).includes(code)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  /** The number of inclusion entries over all systems. */
  public int includedEntryCount() {
    return include.values().stream().mapToInt(List::size).sum();
  }
}
