package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A municipality (kommune); a cluster usually covers one.
 *
 * @param id the municipality code, e.g. {@code 101}
 * @param name the name
 * @param regionId the region it lies in
 */
public record Municipality(String id, String name, String regionId) {
  public Municipality {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(regionId, "regionId");
  }
}
