package org.klynge.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.EventType;
import org.klynge.core.model.Sex;

/**
 * Events that arrive already in order (patient, then date, code, value, unit and quantity, as an
 * extract written by Klynge arrives), or ordered by patient and date only, are built without
 * sorting every patient's events; the result must be the one sorting gives. The same events are
 * added once with patients ascending and once with the first patient and then the rest
 * descending (which takes the sorting path), each patient's events in the same order both times,
 * with exact duplicates and same-day ties.
 */
class ExtractBuilderProperties {

  private record Coded(int patient, int day, int code, double value, int unit, double quantity, long line) {}

  private static final String[] CODES = {"NPU27300", "NPU03835", "NPU01370"};
  private static final String[] UNITS = {"", "mmol/mol", "%"};

  @Property(tries = 200)
  void eventsInOrder_buildAsSortedEventsDo(@ForAll long seed) {
    Random random = new Random(seed);
    int patients = 1 + random.nextInt(12);
    List<List<Coded>> byPatient = new ArrayList<>();
    long line = 2;
    for (int p = 0; p < patients; p++) {
      List<Coded> rows = new ArrayList<>();
      for (int i = random.nextInt(8); i > 0; i--) {
        Coded row = new Coded(p, 19_000 + random.nextInt(4), 0, random.nextInt(3) == 0 ? Double.NaN : random.nextInt(3),
            1, random.nextInt(3) == 0 ? Double.NaN : random.nextInt(2), line++);
        rows.add(row);
        while (random.nextInt(4) == 0) {
          rows.add(new Coded(p, row.day(), 0, row.value(), 1, row.quantity(), line++)); // an exact duplicate
        }
      }
      rows.sort(Comparator.comparingInt(Coded::day).thenComparing(Coded::value, Double::compare)
          .thenComparing(Coded::quantity, Double::compare));
      byPatient.add(rows);
    }

    Extract inOrder = build(byPatient, false);
    Extract sorted = build(byPatient, true);

    assertEquals(describe(sorted), describe(inOrder));
    assertEquals(sorted.reconciliation(), inOrder.reconciliation());
    long rows = byPatient.stream().mapToLong(List::size).sum();
    assertTrue(inOrder.patients().eventCount() <= rows);
  }

  /**
   * Events ordered by patient and date, but with one patient's events on one day in any order
   * (as an extract sorted by patient and date comes), build as the same events sorted do: the
   * same events added with patients descending. Codes and units vary; a first patient with every
   * code and unit makes both builds number them alike.
   */
  @Property(tries = 200)
  void eventsInPatientAndDayOrder_buildAsSortedEventsDo(@ForAll long seed) {
    Random random = new Random(seed);
    int patients = 2 + random.nextInt(12);
    List<List<Coded>> byPatient = new ArrayList<>();
    long line = 2;
    List<Coded> first = new ArrayList<>();
    for (int c = 0; c < CODES.length; c++) {
      first.add(new Coded(0, 18_000, c, 1, c, Double.NaN, line++));
    }
    byPatient.add(first);
    for (int p = 1; p < patients; p++) {
      List<Coded> rows = new ArrayList<>();
      for (int i = random.nextInt(10); i > 0; i--) {
        Coded row = new Coded(p, 19_000 + random.nextInt(3), random.nextInt(CODES.length),
            random.nextInt(3) == 0 ? Double.NaN : random.nextInt(3), random.nextInt(UNITS.length),
            random.nextInt(3) == 0 ? Double.NaN : random.nextInt(2), line++);
        rows.add(row);
        while (random.nextInt(4) == 0) { // an exact duplicate, from a later line
          rows.add(new Coded(p, row.day(), row.code(), row.value(), row.unit(), row.quantity(), line++));
        }
      }
      java.util.Collections.shuffle(rows, random);
      rows.sort(Comparator.comparingInt(Coded::day)); // stable: same-day events stay shuffled
      byPatient.add(rows);
    }

    Extract byDay = build(byPatient, false);
    Extract sorted = build(byPatient, true);

    assertEquals(describe(sorted), describe(byDay));
    assertEquals(sorted.reconciliation(), byDay.reconciliation());
  }

  /** Adds the events patient by patient: in order, or the first patient and then the rest descending. */
  private static Extract build(List<List<Coded>> byPatient, boolean patientsDescending) {
    ExtractBuilder builder = ExtractBuilder.create(TestOrganisation.ONE_CLINIC);
    for (int p = 0; p < byPatient.size(); p++) {
      builder.patient("p" + p, Sex.FEMALE, LocalDate.of(1950, 1, 1), Optional.empty(),
          RowLocation.of("patients.csv", p + 2L));
    }
    for (int i = 0; i < byPatient.size(); i++) {
      int p = patientsDescending && i > 0 ? byPatient.size() - i : i;
      for (Coded row : byPatient.get(p)) {
        builder.event("p" + p, EventType.LAB, CodeSystem.NPU, CODES[row.code()], LocalDate.ofEpochDay(row.day()),
            row.value(), UNITS[row.unit()], row.quantity(), RowLocation.of("events.csv", row.line()));
      }
    }
    return builder.build();
  }

  private static List<String> describe(Extract extract) {
    PatientData data = extract.patients();
    List<String> lines = new ArrayList<>();
    for (int p = 0; p < data.patientCount(); p++) {
      lines.add("patient " + data.patientId(p));
      for (int e = data.eventStart(p); e < data.eventEnd(p); e++) {
        lines.add("  " + data.eventDay(e) + " " + data.eventCode(e) + " " + data.eventValue(e) + " "
            + data.eventUnit(e) + " " + data.eventQuantity(e) + " " + data.eventSource(e));
      }
    }
    return lines;
  }
}
