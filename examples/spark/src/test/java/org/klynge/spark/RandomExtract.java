package org.klynge.spark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small random extract: a fixed organisation of five clinics in three clusters and two regions,
 * and seeded random patients, listings and events in the codes the catalogue looks at, with a few
 * bad rows of each kind (unknown patient or clinic, unreadable date, number or status, missing
 * value, overlapping listing, exact duplicates, events with ids given twice).
 */
final class RandomExtract {

  static final List<String> PATIENT_COLUMNS = List.of("patient_id", "sex", "birth_date", "death_date");
  static final List<String> LISTING_COLUMNS = List.of("patient_id", "clinic_id", "valid_from", "valid_to");
  static final List<String> EVENT_COLUMNS = List.of("patient_id", "type", "system", "code", "date", "value", "unit",
      "quantity", "end_date", "value_code", "status", "event_id");

  private static final String[] CLINICS = {"C1", "C2", "C3", "C4", "C5"};
  /** Type, system, code, unit (empty: no value). */
  private static final String[][] CODES = {
      {"diagnosis", "icpc2", "T90", ""}, {"diagnosis", "icpc2", "R95", ""}, {"diagnosis", "icpc2", "P70", ""},
      {"diagnosis", "icd10", "DE11", ""}, {"diagnosis", "icd10", "DF01", ""}, {"diagnosis", "icd10", "DJ44", ""},
      {"lab", "npu", "NPU27300", "mmol/mol"}, {"lab", "npu", "NPU03835", "%"},
      {"prescription", "atc", "C10AA05", "DDD"}, {"prescription", "atc", "N02AA01", "DDD"},
      {"prescription", "atc", "N05AH04", "DDD"}, {"prescription", "atc", "J01CA08", "DDD"},
      {"prescription", "atc", "S01AA01", "DDD"}, {"prescription", "atc", "R03AC02", "DDD"},
      {"prescription", "atc", "N06DA02", "DDD"},
      {"service", "fee", "0120", ""}, {"service", "fee", "7113", ""}, {"service", "fee", "0101", ""},
      {"answer", "questionnaire", "WHO5/total", "points"}};
  private static final String[] STATUSES = {"", "", "", "final", "redeemed", "cancelled", "entered-in-error"};

  final List<String[]> patients = new ArrayList<>();
  final List<String[]> listings = new ArrayList<>();
  final List<String[]> events = new ArrayList<>();

  private final Random random;

  private RandomExtract(long seed) {
    this.random = new Random(seed);
  }

  /** An extract of {@code patientCount} patients (and a few bad rows) from {@code seed}. */
  static RandomExtract generate(long seed, int patientCount) {
    RandomExtract extract = new RandomExtract(seed);
    for (int p = 0; p < patientCount; p++) {
      extract.patient("P" + p);
    }
    extract.badRows();
    java.util.Collections.shuffle(extract.events, extract.random);
    return extract;
  }

  private void patient(String id) {
    LocalDate birth = LocalDate.of(1925, 1, 1).plusDays(random.nextInt(95 * 365));
    String death = random.nextInt(20) == 0 ? LocalDate.of(2020, 1, 1).plusDays(random.nextInt(6 * 365)).toString() : "";
    if (!death.isEmpty() && !LocalDate.parse(death).isAfter(birth)) {
      death = "";
    }
    patients.add(new String[] {id, new String[] {"F", "M", "F", "M", "O", "U", ""}[random.nextInt(7)],
        birth.toString(), death});
    LocalDate from = birth.plusDays(random.nextInt(365 * 10));
    int moves = random.nextInt(3);
    for (int m = 0; m <= moves; m++) {
      boolean last = m == moves;
      LocalDate to = from.plusDays(200 + random.nextInt(365 * 8));
      listings.add(new String[] {id, CLINICS[random.nextInt(CLINICS.length)], from.toString(),
          last && random.nextBoolean() ? "" : to.toString()});
      from = to.plusDays(1);
    }
    int eventCount = random.nextInt(25);
    for (int e = 0; e < eventCount; e++) {
      String[] code = CODES[random.nextInt(CODES.length)];
      LocalDate date = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(6 * 365));
      if (date.isBefore(birth)) {
        date = birth.plusDays(1);
      }
      String value = code[3].isEmpty() ? "" : String.valueOf(random.nextInt(40) + 30 + (random.nextBoolean() ? 0.5 : 0));
      String quantity = code[0].equals("prescription") ? String.valueOf(1 + random.nextInt(3)) : "";
      String end = code[0].equals("prescription") && random.nextBoolean() ? date.plusDays(30 + random.nextInt(90))
          .toString() : "";
      String status = code[0].equals("lab") || code[0].equals("prescription")
          ? STATUSES[random.nextInt(STATUSES.length)] : "";
      String eventId = random.nextInt(10) == 0 ? id + "-e" + random.nextInt(3) : "";
      String[] row = {id, code[0], code[1], code[2], date.toString(), value, code[3].isEmpty() ? "" : code[3], quantity,
          end, "", status, eventId};
      events.add(row);
      if (random.nextInt(15) == 0) {
        events.add(row.clone()); // an exact duplicate, or an id given twice with the same data
      }
    }
  }

  private void badRows() {
    patients.add(new String[] {"P0", "F", "1950-01-01", ""}); // duplicate patient id
    patients.add(new String[] {"X1", "Q", "1950-01-01", ""}); // unrecognised sex
    patients.add(new String[] {"X2", "F", "1950-13-01", ""}); // unparseable date
    patients.add(new String[] {"", "M", "1960-01-01", ""}); // missing value
    listings.add(new String[] {"P9999", "C1", "2010-01-01", ""}); // unknown patient
    listings.add(new String[] {"P1", "C9", "2010-01-01", ""}); // unknown clinic
    events.add(new String[] {"P9999", "diagnosis", "icpc2", "T90", "2020-01-01", "", "", "", "", "", "", ""});
    events.add(new String[] {"P1", "procedure", "icpc2", "T90", "2020-01-01", "", "", "", "", "", "", ""});
    events.add(new String[] {"P1", "diagnosis", "read2", "T90", "2020-01-01", "", "", "", "", "", "", ""});
    events.add(new String[] {"P1", "lab", "npu", "NPU27300", "2020-01-01", "7,5", "%", "", "", "", "", ""});
    events.add(new String[] {"P1", "lab", "npu", "NPU27300", "2020/01/01", "50", "%", "", "", "", "", ""});
    events.add(new String[] {"P1", "lab", "npu", "NPU27300", "2021-01-01", "50", "%", "", "", "", "finished", ""});
    events.add(new String[] {"P2", "prescription", "atc", "C10AA05", "2021-01-01", "", "", "-1", "", "", "", ""});
    events.add(new String[] {"P2", "answer", "questionnaire", "smoking", "2022-01-01", "", "", "", "", "snomed", "",
        ""});
    events.add(new String[] {"P2", "diagnosis", "icpc2", "", "2022-01-01", "", "", "", "", "", "", ""});
  }

  /** Writes the organisation and the rows as a CSV extract in {@code folder}. */
  void writeCsv(Path folder) {
    LocalSpark.writeCsv(folder.resolve("regions.csv"), List.of("region_id", "name"),
        List.of(new String[] {"1084", "Hovedstaden"}, new String[] {"1085", "Sjaelland"}));
    LocalSpark.writeCsv(folder.resolve("clusters.csv"), List.of("cluster_id", "name"),
        List.of(new String[] {"K1", "Nord"}, new String[] {"K2", "Syd"}, new String[] {"K3", "Vest"}));
    List<String[]> clinics = new ArrayList<>();
    for (String c : CLINICS) {
      clinics.add(new String[] {c, "Clinic " + c, "0" + c.substring(1) + "1234"});
    }
    LocalSpark.writeCsv(folder.resolve("clinics.csv"), List.of("clinic_id", "name", "provider_number"), clinics);
    LocalSpark.writeCsv(folder.resolve("cluster_memberships.csv"),
        List.of("clinic_id", "cluster_id", "valid_from", "valid_to"),
        List.of(new String[] {"C1", "K1", "2018-01-01", ""}, new String[] {"C2", "K1", "2018-01-01", "2021-12-31"},
            new String[] {"C2", "K2", "2022-01-01", ""}, new String[] {"C3", "K2", "2019-04-01", ""},
            new String[] {"C4", "K3", "2018-01-01", ""}));
    LocalSpark.writeCsv(folder.resolve("cluster_regions.csv"), List.of("cluster_id", "region_id", "valid_from",
        "valid_to"), List.of(new String[] {"K1", "1084", "2018-01-01", ""}, new String[] {"K2", "1085", "2018-01-01",
            ""}, new String[] {"K3", "1085", "2018-01-01", ""}));
    LocalSpark.writeCsv(folder.resolve("asof.csv"), List.of("source", "as_of_date"),
        List.<String[]>of(new String[] {"flp", "2024-12-31"}));
    LocalSpark.writeCsv(folder.resolve("patients.csv"), PATIENT_COLUMNS, patients);
    LocalSpark.writeCsv(folder.resolve("listings.csv"), LISTING_COLUMNS, listings);
    LocalSpark.writeCsv(folder.resolve("events.csv"), EVENT_COLUMNS, events);
  }
}
