package org.klynge.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.klynge.core.model.Patient;
import org.klynge.core.model.Sex;

class PatientDataTest {

  @Test
  void patientIds_keepEveryIdAsGiven_andFindItAgain() {
    List<String> ids = List.of("p1", "", "Søren-Æ", "x 😀", "p10", "p1 ");
    ExtractBuilder builder = ExtractBuilder.create(TestOrganisation.ONE_CLINIC);
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
