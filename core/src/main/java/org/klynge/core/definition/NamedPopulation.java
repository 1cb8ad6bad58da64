package org.klynge.core.definition;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.Valid;
import static java.util.Objects.requireNonNull;

/**
 * A criterion with a name, reused by several indicators through {@link PopulationRef}.
 *
 * @param id the id references use
 * @param title a human title
 * @param criterion the criterion
 */
public record NamedPopulation(@Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id, String title, @Valid Criterion criterion) {
  public NamedPopulation {
    requireNonNull(id, "id");
    title = title == null ? id : title;
    requireNonNull(criterion, "criterion");
  }
}
