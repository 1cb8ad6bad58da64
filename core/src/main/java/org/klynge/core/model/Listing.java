package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A period during which a patient is listed with (tilmeldt) a clinic.
 *
 * @param patientId the patient
 * @param clinicId the clinic
 * @param validity the days of the listing, both ends inclusive
 */
public record Listing(String patientId, String clinicId, DateRange validity) {

  public Listing {
    requireNonNull(patientId, "patientId");
    requireNonNull(clinicId, "clinicId");
    requireNonNull(validity, "validity");
  }
}
