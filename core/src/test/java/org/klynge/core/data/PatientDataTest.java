package org.klynge.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.klynge.core.model.Clinic;
import org.klynge.core.model.Cluster;
import org.klynge.core.model.DateRange;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Patient;
import org.klynge.core.model.Region;
import org.klynge.core.model.Sex;

class PatientDataTest {

  @Test
  void patientIds_keepEveryIdAsGiven_andFindItAgain() {
    LocalDate from = LocalDate.of(2000, 1, 1);
    Organisation organisation = Organisation.builder()
        .region(new Region("r1", "Region"))
        .cluster(Cluster.of("k1", "Cluster"))
        .clinic(new Clinic("c1", "Clinic", "1001"))
        .clinicInCluster("c1", "k1", DateRange.startingAt(from))
        .clusterInRegion("k1", "r1", DateRange.startingAt(from))
        .build();
    List<String> ids = List.of("p1", "", "Søren-Æ", "x 😀", "p10", "p1 ");
    ExtractBuilder builder = ExtractBuilder.create(organisation);
    ids.forEach(id -> builder.patient(Patient.of(id, Sex.MALE, LocalDate.of(1960, 1, 1))));

    PatientData data = builder.build().patients();

    assertEquals(ids.size(), data.patientCount());
    for (int p = 0; p < ids.size(); p++) {
      assertEquals(ids.get(p), data.patientId(p));
      assertEquals(Optional.of(p), data.patientIndex(ids.get(p)));
    }
    assertEquals(Optional.empty(), data.patientIndex("p"));
  }
}
