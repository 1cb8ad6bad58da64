package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A general practice (klinik, praksis).
 *
 * @param id a stable id
 * @param name the clinic's name
 * @param providerNumber the provider number (ydernummer) the region pays it under
 */
public record Clinic(String id, String name, String providerNumber) {
  public Clinic {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(providerNumber, "providerNumber");
  }
}
