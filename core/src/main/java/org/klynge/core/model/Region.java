package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

/**
 * One of the five Danish regions.
 *
 * @param id a stable id, e.g. {@code 1084}
 * @param name the region's name
 */
public record Region(String id, String name) {
  public Region {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
  }
}
