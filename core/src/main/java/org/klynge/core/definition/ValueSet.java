package org.klynge.core.definition;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.klynge.core.model.Code;
import org.klynge.core.model.CodeSystem;

/**
 * A named set of codes, per code system, with explicit exclusions. Systems are named by id: a
 * built-in one ({@link CodeSystem#builtIns()}) or one the definitions declare
 * ({@link DefinitionSet#codeSystems()}); validation reports any other. Whether an entry matches
 * by prefix is the system's rule, taken from the code matched: in prefix systems (ATC, ICPC-2,
 * ICD-10, SKS) a code includes every code it is a prefix of; an exclusion removes codes from what
 * the inclusions matched. Ids are kept in lower case.
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
    ImmutableMap<String, ImmutableList<String>> include,
    ImmutableMap<String, ImmutableList<String>> exclude) {

  public ValueSet {
    requireNonNull(id, "id");
    title = title == null ? id : title;
    include = copy(include);
    exclude = copy(exclude);
  }

  private static ImmutableMap<String, ImmutableList<String>> copy(Map<String, ? extends List<String>> codes) {
    if (codes == null) {
      return ImmutableMap.of();
    }
    ImmutableMap.Builder<String, ImmutableList<String>> out = ImmutableMap.builder();
    codes.forEach((system, list) -> out.put(requireNonNull(system, "system").toLowerCase(Locale.ROOT),
        list == null ? ImmutableList.of() : ImmutableList.copyOf(list)));
    return out.buildOrThrow();
  }

  /** A value set including {@code codes} of one system. */
  public static ValueSet of(String id, CodeSystem system, String... codes) {
    return new ValueSet(id, id, ImmutableMap.of(system.id(), ImmutableList.copyOf(codes)), ImmutableMap.of());
  }

  /** The ids of the systems named in {@link #include()} and {@link #exclude()}. */
  public ImmutableSet<String> systems() {
    return ImmutableSet.<String>builder().addAll(include.keySet()).addAll(exclude.keySet()).build();
  }

  /** Whether {@code code} is in the set: included by some entry and excluded by none. */
  public boolean contains(Code code) {
    return firstMatch(include, code).isPresent() && firstMatch(exclude, code).isEmpty();
  }

  /** The inclusion entry that matches {@code code}, if it is in the set, for explanations. */
  public Optional<String> matchingEntry(Code code) {
    return contains(code) ? firstMatch(include, code) : Optional.empty();
  }

  private static Optional<String> firstMatch(Map<String, ImmutableList<String>> codes, Code code) {
    List<String> entries = codes.get(code.system().id());
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
