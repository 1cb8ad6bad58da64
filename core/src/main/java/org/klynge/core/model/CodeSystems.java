package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The code systems an extract may use: the built-in ones and those the definitions declare. An
 * event in a system that is not here is rejected as {@code unknown code system}; a value set
 * naming one is a definition error. Ids are matched ignoring case ({@code ATC} is {@code atc}).
 *
 * <pre>{@code
 * CodeSystems systems = CodeSystems.builtIn().with(List.of(CodeSystem.prefix("read2")));
 * Extract extract = CsvExtractReader.create().withCodeSystems(systems).read(folder);
 * }</pre>
 *
 * <p>Immutable.
 */
public final class CodeSystems {

  private static final CodeSystems BUILT_IN = new CodeSystems(CodeSystem.builtIns());

  private final ImmutableList<CodeSystem> systems;

  private CodeSystems(List<CodeSystem> systems) {
    this.systems = ImmutableList.copyOf(systems);
  }

  /** The built-in systems only. */
  public static CodeSystems builtIn() {
    return BUILT_IN;
  }

  /**
   * These systems and {@code declared}. A declared system that is already here with the same
   * hierarchy is taken once (the first title stays).
   *
   * @throws IllegalArgumentException when a declared system has the id of one here but another
   *     hierarchy (definition validation reports this with its path before it gets here)
   */
  public CodeSystems with(List<CodeSystem> declared) {
    List<CodeSystem> out = new ArrayList<>(systems);
    for (CodeSystem s : declared) {
      requireNonNull(s, "declared system");
      Optional<CodeSystem> known = find(out, s.id());
      if (known.isEmpty()) {
        out.add(s);
      } else if (!known.get().sameRule(s)) {
        throw new IllegalArgumentException("code system '" + s.id() + "' is declared with hierarchy "
            + s.hierarchy().code() + " but is already known with hierarchy " + known.get().hierarchy().code());
      }
    }
    return out.size() == systems.size() ? this : new CodeSystems(out);
  }

  /** The system with this id, ignoring case, if known. */
  public Optional<CodeSystem> find(String id) {
    return find(systems, id);
  }

  private static Optional<CodeSystem> find(List<CodeSystem> systems, String id) {
    for (CodeSystem s : systems) {
      if (s.id().equalsIgnoreCase(id)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Whether a system with this id (ignoring case) is known. */
  public boolean contains(String id) {
    return find(id).isPresent();
  }

  /** The known systems: the built-in ones first, then the declared ones in the order declared. */
  public ImmutableList<CodeSystem> all() {
    return systems;
  }

  /** The number of known systems. */
  public int size() {
    return systems.size();
  }

  /** The position of the system with {@code id} in {@link #all()}, or -1. */
  public int indexOf(String id) {
    for (int i = 0; i < systems.size(); i++) {
      if (systems.get(i).id().equalsIgnoreCase(id)) {
        return i;
      }
    }
    return -1;
  }

  /** The known ids, for messages: {@code atc, icpc2, …}. */
  public String ids() {
    return systems.stream().map(CodeSystem::id).collect(Collectors.joining(", "));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CodeSystems other && systems.equals(other.systems);
  }

  @Override
  public int hashCode() {
    return systems.hashCode();
  }

  @Override
  public String toString() {
    return "CodeSystems[" + systems.stream().map(s -> s.id().toLowerCase(Locale.ROOT) + ":" + s.hierarchy().code())
        .collect(Collectors.joining(", ")) + "]";
  }
}
