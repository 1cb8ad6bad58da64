package org.klynge.core.data;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.time.LocalDate;
import java.util.Map;
import org.klynge.core.model.Organisation;

/**
 * Everything an evaluation reads: the organisation, the patient data, the account of every
 * input row, and the date each source's data is valid to ("as of").
 *
 * @param organisation regions, clusters, clinics and memberships
 * @param patients the patient data in columnar form
 * @param reconciliation what became of every input row
 * @param asOf per source, the date its data is complete to
 */
public record Extract(
    Organisation organisation,
    PatientData patients,
    Reconciliation reconciliation,
    ImmutableSortedMap<String, LocalDate> asOf) {

  public Extract {
    requireNonNull(organisation, "organisation");
    requireNonNull(patients, "patients");
    requireNonNull(reconciliation, "reconciliation");
    asOf = asOf == null ? ImmutableSortedMap.of() : ImmutableSortedMap.copyOf((Map<String, LocalDate>) asOf);
  }
}
