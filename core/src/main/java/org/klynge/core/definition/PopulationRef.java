package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

/**
 * True when the named population's criterion is true: {@code {type: population, id: type-2-diabetes}}.
 *
 * @param id the id of a {@link NamedPopulation}
 */
public record PopulationRef(String id) implements Criterion {
  public PopulationRef {
    requireNonNull(id, "id");
  }
}
