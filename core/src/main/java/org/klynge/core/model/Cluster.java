package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A cluster (klynge) of general practices that meets to work on quality together.
 *
 * @param id a stable id
 * @param name the cluster's name
 * @param municipalityId the municipality it mainly covers, when known
 */
public record Cluster(String id, String name, Optional<String> municipalityId) {
  public Cluster {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    municipalityId = municipalityId == null ? Optional.empty() : municipalityId;
  }

  /** A cluster with no municipality recorded. */
  public static Cluster of(String id, String name) {
    return new Cluster(id, name, Optional.empty());
  }
}
