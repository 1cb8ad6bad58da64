package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A general practitioner working in a clinic.
 *
 * @param id a stable id
 * @param name the practitioner's name
 * @param clinicId the clinic they work in
 */
public record Practitioner(String id, String name, String clinicId) {
  public Practitioner {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(clinicId, "clinicId");
  }
}
