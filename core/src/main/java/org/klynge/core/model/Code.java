package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A code in a code system, such as ICPC-2 {@code T90} or ATC {@code J01CA08}.
 *
 * @param system the code system
 * @param value the code as written in the system, without spaces or dots
 */
public record Code(CodeSystem system, String value) {

  public Code {
    requireNonNull(system, "system");
    requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("code must not be blank");
    }
  }

  /**
   * Whether this code, read as a value-set entry, includes {@code other}: the same system (by id)
   * and, by this system's hierarchy, the same code or (prefix systems) a prefix of it.
   */
  public boolean includes(Code other) {
    if (!system.id().equals(other.system.id())) {
      return false;
    }
    return system.hierarchical() ? other.value.startsWith(value) : other.value.equals(value);
  }

  @Override
  public String toString() {
    return system.id() + ":" + value;
  }
}
