package org.klynge.examples.bench;

import java.time.LocalDate;
import org.klynge.core.data.PatientData;
import org.klynge.core.model.Organisation;
import org.klynge.core.result.UnitIds;

/** Each clinic index's cluster and region on a reference date, as the engine rolls up. */
record OrganisationUnits(String[] clinic, String[] cluster, String[] region) {

  static OrganisationUnits on(Organisation org, PatientData data, LocalDate ref) {
    int n = data.clinicIds().size();
    String[] clinic = new String[n];
    String[] cluster = new String[n];
    String[] region = new String[n];
    for (int c = 0; c < n; c++) {
      clinic[c] = data.clinicId(c);
      cluster[c] = org.clusterOf(clinic[c], ref).orElse(UnitIds.UNASSIGNED);
      region[c] = cluster[c].equals(UnitIds.UNASSIGNED) ? UnitIds.UNASSIGNED
          : org.regionOf(cluster[c], ref).orElse(UnitIds.UNASSIGNED);
    }
    return new OrganisationUnits(clinic, cluster, region);
  }
}
