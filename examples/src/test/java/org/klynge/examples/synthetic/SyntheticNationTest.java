package org.klynge.examples.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klynge.core.data.CodeDictionary;
import org.klynge.core.data.Extract;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.PatientData;
import org.klynge.core.data.Reconciliation;
import org.klynge.core.io.CsvExtractReader;
import org.klynge.core.io.CsvExtractWriter;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;
import org.klynge.core.model.Membership;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Sex;

class SyntheticNationTest {

  private static final int YEAR = 2024;
  private static final double SCALE = 0.01;
  private static final LocalDate YEAR_END = LocalDate.of(YEAR, 12, 31);
  private static final int YEAR_START_DAY = (int) LocalDate.of(YEAR, 1, 1).toEpochDay();
  private static final int YEAR_END_DAY = (int) YEAR_END.toEpochDay();

  private static Extract extract;
  private static PatientData data;

  @BeforeAll
  static void generate() {
    extract = SyntheticNation.generate(new SyntheticNation.Settings(SCALE, 42, YEAR));
    data = extract.patients();
  }

  // ---- determinism

  @Test
  void sameSeed_givesIdenticalData() {
    Extract again = SyntheticNation.generate(new SyntheticNation.Settings(SCALE, 42, YEAR));
    assertEquals(data.patientCount(), again.patients().patientCount());
    assertEquals(data.listingCount(), again.patients().listingCount());
    assertEquals(data.eventCount(), again.patients().eventCount());
    assertEquals(data.codes().size(), again.patients().codes().size());
    assertEquals(checksum(data), checksum(again.patients()));
    assertEquals(extract.organisation().clinics(), again.organisation().clinics());
    assertEquals(extract.organisation().clusterMemberships(), again.organisation().clusterMemberships());
  }

  @Test
  void differentSeed_givesDifferentData() {
    Extract other = SyntheticNation.generate(new SyntheticNation.Settings(SCALE, 43, YEAR));
    assertNotEquals(checksum(data), checksum(other.patients()));
    assertEquals(114, other.organisation().clusters().size());
  }

  /** A checksum over every column of the patient data, read through the accessors. */
  private static long checksum(PatientData d) {
    long h = 17;
    for (int p = 0; p < d.patientCount(); p++) {
      h = h * 31 + d.patientId(p).hashCode();
      h = h * 31 + d.sexCode(p);
      h = h * 31 + d.birthDay(p);
      h = h * 31 + d.deathDay(p);
      for (int l = d.listingStart(p); l < d.listingEnd(p); l++) {
        h = h * 31 + d.clinicId(d.listingClinic(l)).hashCode();
        h = h * 31 + d.listingFrom(l);
        h = h * 31 + d.listingTo(l);
      }
      for (int e = d.eventStart(p); e < d.eventEnd(p); e++) {
        h = h * 31 + d.codes().entry(d.eventCode(e)).hashCode();
        h = h * 31 + d.eventDay(e);
        h = h * 31 + Double.hashCode(d.eventValue(e));
        h = h * 31 + (d.eventUnit(e) < 0 ? -1 : d.units().get(d.eventUnit(e)).hashCode());
        h = h * 31 + Double.hashCode(d.eventQuantity(e));
        h = h * 31 + d.eventEndDay(e);
        h = h * 31 + (d.eventValueCode(e) < 0 ? -1 : d.valueCodes().entry(d.eventValueCode(e)).hashCode());
        h = h * 31 + d.eventStatusCode(e);
      }
    }
    return h;
  }

  /**
   * Every patient and event as text, a patient's events of one day in text order (the order of
   * events of one day follows the code dictionary, which reading builds anew).
   */
  private static List<String> content(PatientData d) {
    List<String> out = new java.util.ArrayList<>();
    for (int p = 0; p < d.patientCount(); p++) {
      out.add(d.patientId(p) + " " + d.sex(p) + " " + d.birthDay(p) + " " + d.deathDay(p));
      List<String> events = new java.util.ArrayList<>();
      for (int e = d.eventStart(p); e < d.eventEnd(p); e++) {
        events.add(d.eventDay(e) + " " + d.codes().entry(d.eventCode(e)) + " " + d.eventValue(e) + " "
            + (d.eventUnit(e) < 0 ? "" : d.units().get(d.eventUnit(e))) + " " + d.eventQuantity(e) + " "
            + d.eventEndDay(e) + " " + (d.eventValueCode(e) < 0 ? "" : d.valueCodes().entry(d.eventValueCode(e)))
            + " " + d.eventStatus(e));
      }
      java.util.Collections.sort(events);
      out.addAll(events);
    }
    return out;
  }

  // ---- organisation

  @Test
  void organisation_hasFiveRegions98MunicipalitiesAnd114Clusters() {
    Organisation org = extract.organisation();
    assertEquals(5, org.regions().size());
    assertEquals(98, org.municipalities().size());
    assertEquals(114, org.clusters().size());
    assertTrue(org.clusters().containsKey(SyntheticCodes.EYE_DROP_MEETING_CLUSTER));
    for (String cluster : org.clusters().keySet()) {
      assertTrue(org.regionOf(cluster, LocalDate.of(2018, 1, 1)).isPresent(), cluster);
    }
  }

  @Test
  void organisation_hasAboutThreeThousandGpsInClinicsOfOneToSix() {
    Organisation org = extract.organisation();
    int gps = org.practitioners().size();
    assertTrue(gps >= 3_100 && gps <= 3_500, "GPs: " + gps);
    Map<String, Long> perClinic = org.practitioners().values().stream()
        .collect(Collectors.groupingBy(p -> p.clinicId(), Collectors.counting()));
    assertEquals(org.clinics().size(), perClinic.size(), "every clinic has a GP");
    assertTrue(perClinic.values().stream().allMatch(n -> n >= 1 && n <= 6));
    assertTrue(org.clinics().values().stream().allMatch(c -> c.providerNumber().matches("\\d{6}")));
  }

  @Test
  void organisation_hasClinicsThatMoveOnFirstJulyAndClinicsOutsideClusters() {
    Organisation org = extract.organisation();
    Map<String, Long> memberships = org.clusterMemberships().stream()
        .collect(Collectors.groupingBy(Membership::memberId, Collectors.counting()));
    long moving = memberships.values().stream().filter(n -> n == 2).count();
    long outside = org.clinics().size() - memberships.size();
    assertTrue(moving >= 3 && moving <= 40, "moving clinics: " + moving);
    assertTrue(outside >= 3 && outside <= 60, "clinics outside clusters: " + outside);
    String mover = memberships.entrySet().stream().filter(e -> e.getValue() == 2).findFirst().orElseThrow().getKey();
    assertNotEquals(org.clusterOf(mover, LocalDate.of(YEAR, 6, 30)), org.clusterOf(mover, LocalDate.of(YEAR, 7, 1)));
  }

  @Test
  void clusters_haveScaledPatientCountsInPlausibleRanges() {
    Map<String, Integer> perCluster = patientsPerCluster();
    assertEquals(114, perCluster.size());
    double mean = perCluster.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
    long over60k = perCluster.values().stream().filter(n -> n > 60_000 * SCALE).count();
    assertTrue(mean > 44_000 * SCALE && mean < 50_000 * SCALE, "mean patients per cluster: " + mean);
    for (Map.Entry<String, Integer> e : perCluster.entrySet()) {
      assertTrue(e.getValue() >= 17_000 * SCALE * 0.8 && e.getValue() <= 110_000 * SCALE * 1.1,
          e.getKey() + " has " + e.getValue());
    }
    assertTrue(over60k >= 12 && over60k <= 35, "clusters over 60,000 (scaled): " + over60k);
  }

  /** Patients listed and alive at the end of the year, by the cluster of their clinic then. */
  private static Map<String, Integer> patientsPerCluster() {
    Organisation org = extract.organisation();
    Map<String, Integer> perCluster = new HashMap<>();
    for (int p = 0; p < data.patientCount(); p++) {
      int clinic = data.clinicOn(p, YEAR_END_DAY);
      if (clinic >= 0) {
        org.clusterOf(data.clinicId(clinic), YEAR_END).ifPresent(c -> perCluster.merge(c, 1, Integer::sum));
      }
    }
    return perCluster;
  }

  // ---- patients

  @Test
  void patients_numberAboutFiftyFiveThousandAtScaleOneHundredth() {
    assertTrue(data.patientCount() > 53_000 && data.patientCount() < 57_000, "patients: " + data.patientCount());
  }

  @Test
  void everyPatient_isListedAtSomePoint() {
    for (int p = 0; p < data.patientCount(); p++) {
      assertTrue(data.listingEnd(p) > data.listingStart(p), data.patientId(p));
    }
  }

  @Test
  void patients_moveDieAndArriveAtPlausibleRates() {
    int moved = 0;
    int died = 0;
    int arrived = 0;
    int women = 0;
    for (int p = 0; p < data.patientCount(); p++) {
      moved += data.listingEnd(p) - data.listingStart(p) > 1 ? 1 : 0;
      died += data.deathDay(p) >= YEAR_START_DAY && data.deathDay(p) <= YEAR_END_DAY ? 1 : 0;
      arrived += data.listingFrom(data.listingStart(p)) >= YEAR_START_DAY ? 1 : 0;
      women += data.sex(p) == Sex.FEMALE ? 1 : 0;
    }
    double n = data.patientCount();
    assertTrue(moved / n > 0.02 && moved / n < 0.04, "moved: " + moved / n);
    assertTrue(died / n > 0.006 && died / n < 0.014, "died: " + died / n);
    assertTrue(arrived / n > 0.01 && arrived / n < 0.03, "listed during the year: " + arrived / n);
    assertTrue(women / n > 0.48 && women / n < 0.52, "women: " + women / n);
  }

  @Test
  void ageStructure_looksDanish() {
    int children = 0;
    int elderly = 0;
    for (int p = 0; p < data.patientCount(); p++) {
      double age = (YEAR_END_DAY - data.birthDay(p)) / 365.25;
      children += age < 18 ? 1 : 0;
      elderly += age >= 65 ? 1 : 0;
    }
    double n = data.patientCount();
    assertTrue(children / n > 0.18 && children / n < 0.23, "children: " + children / n);
    assertTrue(elderly / n > 0.17 && elderly / n < 0.23, "65+: " + elderly / n);
  }

  // ---- events

  @Test
  void diabetes_affectsAboutFivePercentOfAdults() {
    boolean[] diabetes = codes(e -> e.type() == EventType.DIAGNOSIS
        && (e.code().value().equals("T90") || e.code().value().equals("DE11")));
    int adults = 0;
    int diabetics = 0;
    for (int p = 0; p < data.patientCount(); p++) {
      if (adultAtYearEnd(p)) {
        adults++;
        diabetics += has(p, diabetes, Integer.MIN_VALUE, YEAR_END_DAY) ? 1 : 0;
      }
    }
    double share = diabetics / (double) adults;
    assertTrue(share > 0.035 && share < 0.065, "diabetes among adults: " + share);
  }

  @Test
  void hba1c_isMeasuredAboutTwiceAYearWithAQuarterAbove58() {
    boolean[] diabetes = codes(e -> e.type() == EventType.DIAGNOSIS
        && (e.code().value().equals("T90") || e.code().value().equals("DE11")));
    boolean[] hba1c = codes(e -> e.code().value().equals(SyntheticCodes.NPU_HBA1C));
    int patients = 0;
    int measured = 0;
    int tests = 0;
    int above = 0;
    int percent = 0;
    for (int p = 0; p < data.patientCount(); p++) {
      if (!adultAtYearEnd(p) || !has(p, diabetes, Integer.MIN_VALUE, YEAR_START_DAY - 1)) {
        continue;
      }
      patients++;
      double latest = Double.NaN;
      for (int e = data.eventStart(p); e < data.eventEnd(p); e++) {
        int day = data.eventDay(e);
        if (hba1c[data.eventCode(e)] && day >= YEAR_START_DAY && day <= YEAR_END_DAY && data.eventUnit(e) >= 0) {
          tests++;
          String unit = data.units().get(data.eventUnit(e));
          percent += unit.equals(SyntheticCodes.UNIT_PERCENT) ? 1 : 0;
          latest = unit.equals(SyntheticCodes.UNIT_PERCENT)
              ? 10.929 * (data.eventValue(e) - 2.15) : data.eventValue(e);
        }
      }
      if (!Double.isNaN(latest)) {
        measured++;
        above += latest > 58 ? 1 : 0;
      }
    }
    double perPatient = tests / (double) patients;
    assertTrue(perPatient > 1.8 && perPatient < 2.6, "HbA1c per patient: " + perPatient);
    assertTrue(measured / (double) patients > 0.82 && measured / (double) patients < 0.95,
        "measured: " + measured / (double) patients);
    assertTrue(above / (double) measured > 0.18 && above / (double) measured < 0.33,
        "above 58: " + above / (double) measured);
    assertTrue(percent / (double) tests > 0.02 && percent / (double) tests < 0.08, "in %: " + percent / (double) tests);
  }

  @Test
  void utiAntibiotics_perThousandWomenOver18_areWithinBounds() {
    Set<String> uti = Set.of("J01CA08", "J01EB02", "J01XE01", "J01EA01");
    boolean[] codes = codes(e -> e.type() == EventType.PRESCRIPTION && uti.contains(e.code().value()));
    int women = 0;
    int prescriptions = 0;
    for (int p = 0; p < data.patientCount(); p++) {
      if (data.sex(p) != Sex.FEMALE || !adultAtYearEnd(p) || data.clinicOn(p, YEAR_END_DAY) < 0) {
        continue;
      }
      women++;
      for (int e = data.eventStart(p); e < data.eventEnd(p); e++) {
        int day = data.eventDay(e);
        prescriptions += codes[data.eventCode(e)] && day >= YEAR_START_DAY && day <= YEAR_END_DAY
            && data.eventStatus(e).equals(java.util.Optional.of(EventStatus.REDEEMED)) ? 1 : 0;
      }
    }
    double perThousand = 1000.0 * prescriptions / women;
    assertTrue(perThousand >= 150 && perThousand <= 250, "UTI antibiotics per 1,000 women 18+: " + perThousand);
  }

  @Test
  void eyeDrops_areMoreCommonInWinterAndInChildren() {
    boolean[] eye = codes(e -> e.code().value().startsWith("S01AA"));
    int winter = 0;
    int summer = 0;
    int children = 0;
    int all = 0;
    for (int p = 0; p < data.patientCount(); p++) {
      for (int e = data.eventStart(p); e < data.eventEnd(p); e++) {
        if (eye[data.eventCode(e)]) {
          LocalDate date = PatientData.date(data.eventDay(e));
          winter += date.getMonthValue() <= 2 || date.getMonthValue() == 12 ? 1 : 0;
          summer += date.getMonthValue() >= 6 && date.getMonthValue() <= 8 ? 1 : 0;
          children += data.eventDay(e) - data.birthDay(p) < 15 * 365 ? 1 : 0;
          all++;
        }
      }
    }
    assertTrue(winter > 2 * summer, "winter " + winter + ", summer " + summer);
    assertTrue(children > all / 2, "children " + children + " of " + all);
  }

  @Test
  void who5_isAnsweredByAboutOneInTenYoungPeople() {
    boolean[] who5 = codes(e -> e.type() == EventType.ANSWER && e.code().system().equals(CodeSystem.QUESTIONNAIRE)
        && e.code().value().equals(SyntheticCodes.WHO5_TOTAL));
    int young = 0;
    int answered = 0;
    int low = 0;
    for (int p = 0; p < data.patientCount(); p++) {
      double age = (YEAR_START_DAY - data.birthDay(p)) / 365.25;
      if (age < 12 || age >= 24) {
        continue;
      }
      young++;
      for (int e = data.eventStart(p); e < data.eventEnd(p); e++) {
        if (who5[data.eventCode(e)] && data.eventDay(e) >= YEAR_START_DAY) {
          answered++;
          low += data.eventValue(e) < 50 ? 1 : 0;
          assertTrue(data.eventValue(e) >= 0 && data.eventValue(e) <= 100);
        }
      }
    }
    assertTrue(answered / (double) young > 0.07 && answered / (double) young < 0.13, "answered " + answered);
    assertTrue(low / (double) answered > 0.08 && low / (double) answered < 0.22, "below 50: " + low);
  }

  @Test
  void events_useEveryCatalogueCodeFamily() {
    Set<String> codes = java.util.stream.IntStream.range(0, data.codes().size())
        .mapToObj(c -> data.codes().entry(c).code().value()).collect(Collectors.toSet());
    for (String code : Set.of("T90", "DE11", "NPU27300", "0120", "C10AA01", "C10AA05", "J01CA08", "J01EB02",
        "J01XE01", "J01EA01", "J01CE02", "J01FA09", "S01AA01", "S01AA13", "P70", "DF00", "DF03", "N06DA02",
        "N06DA04", "N06DX01", "N05AH04", "N05AX08", "R95", "DJ44", "7113", "R03AK06", "R03BB04", "R03AL03",
        "N02AA01", "N02AJ13", "N02AX02", "WHO5/total", "smoking", "KNFB20", "KNGB20", "DJ441", "160734000", "0170",
        "DZ515")) {
      assertTrue(codes.contains(code), code);
    }
  }

  @Test
  void events_fallWithinTheWindowAndLife() {
    int windowStart = (int) LocalDate.of(YEAR - 2, 1, 1).toEpochDay();
    boolean[] diagnosis = codes(e -> e.type() == EventType.DIAGNOSIS);
    boolean[] prescription = codes(e -> e.type() == EventType.PRESCRIPTION);
    for (int p = 0; p < data.patientCount(); p++) {
      for (int e = data.eventStart(p); e < data.eventEnd(p); e++) {
        int day = data.eventDay(e);
        int end = data.eventEndDay(e);
        assertTrue(day >= data.birthDay(p) && day <= data.deathDay(p) && day <= YEAR_END_DAY, data.patientId(p));
        // a stay may have begun before the window; it lasts into it
        assertTrue(diagnosis[data.eventCode(e)] || day >= windowStart || end >= windowStart, data.patientId(p));
        assertTrue(end >= day, data.patientId(p));
        // only a supply of drugs lasts past death or the end of the data
        assertTrue(end == PatientData.NO_DATE || prescription[data.eventCode(e)]
            || end <= Math.min(data.deathDay(p), YEAR_END_DAY), data.patientId(p));
      }
    }
  }

  // ---- the optional parts of events

  @Test
  void afewPatientsPerThousand_areRecordedWithSexOtherOrUnknown() {
    int other = 0;
    int unknown = 0;
    for (int p = 0; p < data.patientCount(); p++) {
      other += data.sex(p) == Sex.OTHER ? 1 : 0;
      unknown += data.sex(p) == Sex.UNKNOWN ? 1 : 0;
    }
    double n = data.patientCount();
    assertTrue(other / n > 0.001 && other / n < 0.004, "O: " + other);
    assertTrue(unknown / n > 0.002 && unknown / n < 0.005, "U: " + unknown);
  }

  @Test
  void redemptions_lastTheirSupply_andAFewPrescriptionsWrittenAreThereToo() {
    boolean[] prescription = codes(e -> e.type() == EventType.PRESCRIPTION);
    int redeemed = 0;
    int ordered = 0;
    for (int e = 0; e < data.eventCount(); e++) {
      if (!prescription[data.eventCode(e)]) {
        continue;
      }
      EventStatus status = data.eventStatus(e).orElseThrow();
      String atc = data.codes().entry(data.eventCode(e)).code().value();
      int day = data.eventDay(e);
      if (status == EventStatus.REDEEMED) {
        redeemed++;
        assertEquals(day + (int) data.eventQuantity(e) * SyntheticCodes.daysPerPackage(atc) - 1, data.eventEndDay(e), atc);
      } else {
        assertEquals(EventStatus.ORDERED, status);
        ordered++;
        assertEquals(day, data.eventEndDay(e), "a prescription written is a point");
      }
    }
    assertTrue(ordered > 0.01 * redeemed && ordered < 0.03 * redeemed, ordered + " ordered, " + redeemed + " redeemed");
    assertTrue(data.hasEventEnds() && data.hasStatuses());
  }

  @Test
  void labResults_areMostlyFinal_withSomePreliminaryAmendedCorrectedAndCancelled() {
    boolean[] lab = codes(e -> e.type() == EventType.LAB);
    Map<EventStatus, Integer> byStatus = new java.util.EnumMap<>(EventStatus.class);
    int labs = 0;
    for (int e = 0; e < data.eventCount(); e++) {
      if (lab[data.eventCode(e)]) {
        labs++;
        EventStatus status = data.eventStatus(e).orElseThrow();
        byStatus.merge(status, 1, Integer::sum);
        assertEquals(status != EventStatus.CANCELLED, !Double.isNaN(data.eventValue(e)), "only a cancelled test has no value");
      }
    }
    assertTrue(byStatus.get(EventStatus.FINAL) > 0.9 * labs, byStatus.toString());
    for (EventStatus s : List.of(EventStatus.PRELIMINARY, EventStatus.AMENDED, EventStatus.CORRECTED,
        EventStatus.CANCELLED)) {
      assertTrue(byStatus.getOrDefault(s, 0) > 0.002 * labs && byStatus.get(s) < 0.04 * labs, s + ": " + byStatus);
    }
    assertEquals(Set.of(EventStatus.FINAL, EventStatus.PRELIMINARY, EventStatus.AMENDED, EventStatus.CORRECTED,
        EventStatus.CANCELLED), byStatus.keySet());
  }

  @Test
  void smokingStatus_isASnomedFinding_recordedAtAnnualControls() {
    boolean[] smoking = codes(e -> e.type() == EventType.ANSWER && e.code().value().equals(SyntheticCodes.SMOKING_STATUS));
    boolean[] control = codes(e -> e.code().value().equals(SyntheticCodes.FEE_ANNUAL_CONTROL));
    Map<String, Integer> findings = new HashMap<>();
    for (int p = 0; p < data.patientCount(); p++) {
      Set<String> perPatient = new java.util.HashSet<>();
      for (int e = data.eventStart(p); e < data.eventEnd(p); e++) {
        if (smoking[data.eventCode(e)]) {
          CodeDictionary.Entry finding = data.valueCodes().entry(data.eventValueCode(e));
          assertEquals(CodeSystem.SNOMED, finding.code().system());
          perPatient.add(finding.code().value());
          findings.merge(finding.code().value(), 1, Integer::sum);
          assertTrue(has(p, control, data.eventDay(e), data.eventDay(e)), "recorded at a control");
        } else {
          assertEquals(-1, data.eventValueCode(e), "only smoking status has a coded result");
        }
      }
      assertTrue(perPatient.size() <= 1, "a patient's smoking status stays the same: " + perPatient);
    }
    assertEquals(Set.of(SyntheticCodes.SNOMED_SMOKER, SyntheticCodes.SNOMED_EX_SMOKER, SyntheticCodes.SNOMED_NEVER_SMOKED),
        findings.keySet());
    int all = findings.values().stream().mapToInt(Integer::intValue).sum();
    assertTrue(findings.get(SyntheticCodes.SNOMED_SMOKER) > 0.1 * all && findings.get(SyntheticCodes.SNOMED_SMOKER) < 0.35 * all,
        findings.toString());
  }

  @Test
  void hospitalStaysAndCarePeriods_haveAnEnd_andPalliativeCareEndsAtDeathOrIsOngoing() {
    Map<String, Integer> periods = new HashMap<>();
    int endsAtDeath = 0;
    int ongoing = 0;
    for (int p = 0; p < data.patientCount(); p++) {
      for (int e = data.eventStart(p); e < data.eventEnd(p); e++) {
        CodeDictionary.Entry entry = data.codes().entry(data.eventCode(e));
        String code = entry.code().value();
        int length = data.eventEndDay(e) - data.eventDay(e);
        switch (code) {
          case "KNFB20", "KNGB20" -> {
            assertEquals(CodeSystem.SKS, entry.code().system());
            assertEquals(EventType.SERVICE, entry.type());
            assertTrue(length <= 4, code + " lasts " + length);
          }
          case "DJ441" -> {
            assertEquals(CodeSystem.SKS, entry.code().system());
            assertEquals(EventType.DIAGNOSIS, entry.type());
            assertTrue(length <= 10, code + " lasts " + length);
          }
          case "160734000", "0170" -> assertEquals(EventType.EPISODE, entry.type());
          case "DZ515" -> {
            endsAtDeath += data.deathDay(p) != PatientData.NO_DATE && data.eventEndDay(e) == data.deathDay(p) ? 1 : 0;
            ongoing += data.eventEndDay(e) == PatientData.NO_DATE ? 1 : 0;
          }
          default -> {
            continue;
          }
        }
        periods.merge(code, 1, Integer::sum);
      }
    }
    assertEquals(Set.of("KNFB20", "KNGB20", "DJ441", "160734000", "0170", "DZ515"), periods.keySet(), periods.toString());
    assertTrue(periods.get("160734000") > 0.005 * data.patientCount() && periods.get("160734000") < 0.02 * data.patientCount(),
        "nursing home residents: " + periods);
    assertTrue(periods.get("0170") > periods.get("160734000"), "more patients have their drugs dose dispensed: " + periods);
    assertTrue(endsAtDeath > 0 && ongoing > 0 && endsAtDeath + ongoing == periods.get("DZ515"),
        endsAtDeath + " end at death, " + ongoing + " ongoing");
  }

  @Test
  void duplicates_aFewLabsAreSentTwice_andAFewRedemptionsAreTwoIdenticalRows() {
    Reconciliation r = extract.reconciliation();
    long labs = r.exactDuplicates().get("lab");
    long redemptions = r.exactDuplicates().get("prescription");
    assertEquals(labs, r.count(SyntheticNation.EVENTS_SOURCE, Outcome.EXCLUDED), "a lab result sent twice counts once");
    assertTrue(labs > 10 && labs < 0.01 * data.eventCount(), "labs sent twice: " + labs);
    int identical = 0;
    for (int p = 0; p < data.patientCount(); p++) {
      for (int e = data.eventStart(p) + 1; e < data.eventEnd(p); e++) {
        identical += data.eventCode(e) == data.eventCode(e - 1) && data.eventDay(e) == data.eventDay(e - 1)
            && data.eventEndDay(e) == data.eventEndDay(e - 1) && data.eventStatusCode(e) == data.eventStatusCode(e - 1)
            && Double.compare(data.eventQuantity(e), data.eventQuantity(e - 1)) == 0
            && Double.compare(data.eventValue(e), data.eventValue(e - 1)) == 0 ? 1 : 0;
      }
    }
    assertEquals(redemptions, identical, "two packages bought the same day are both used");
    assertTrue(redemptions > 10, "redemptions of two identical rows: " + redemptions);
  }

  @Test
  void writtenAsCsv_theFilesHoldTheNewColumns_andReadBackTheSame(@TempDir Path folder) throws IOException {
    Extract small = SyntheticNation.generate(new SyntheticNation.Settings(0.002, 7, YEAR));
    CsvExtractWriter.write(small, folder);
    try (var lines = Files.lines(folder.resolve("events.csv"))) {
      assertEquals("patient_id,type,system,code,date,value,unit,quantity,end_date,value_code,status",
          lines.findFirst().orElseThrow(), "no event_id: no two events would collapse on reading back");
    }
    Extract again = CsvExtractReader.strict().read(folder);
    assertEquals(small.patients().eventCount(), again.patients().eventCount());
    assertEquals(content(small.patients()), content(again.patients()));
    assertEquals(small.reconciliation().exactDuplicates().get("prescription"),
        again.reconciliation().exactDuplicates().get("prescription"), "two packages are two rows again");
  }

  // ---- reconciliation

  @Test
  void withoutBadRows_nothingIsRejected_andOnlyLabsSentTwiceAreExcluded() {
    Reconciliation r = extract.reconciliation();
    assertEquals(0, r.total(Outcome.REJECTED), r.summary());
    assertEquals(r.exactDuplicates().get("lab"), r.total(Outcome.EXCLUDED), r.summary());
    assertEquals(r.total(Outcome.EXCLUDED), r.count(SyntheticNation.EVENTS_SOURCE, Outcome.EXCLUDED), r.summary());
    assertEquals(data.eventCount(), r.count(SyntheticNation.EVENTS_SOURCE, Outcome.USED));
    assertEquals(data.patientCount(), r.count(SyntheticNation.PATIENTS_SOURCE, Outcome.USED));
  }

  @Test
  void withBadRows_everyKindIsRejectedOrExcluded() {
    Extract bad = SyntheticNation.generate(new SyntheticNation.Settings(0.002, 7, YEAR, true));
    Reconciliation r = bad.reconciliation();
    int k = SyntheticNation.BAD_ROWS_PER_KIND;
    Map<String, Long> rejected = new HashMap<>();
    r.counts().values().forEach(lines -> lines.forEach((line, n) -> {
      if (line.outcome() != Outcome.USED) {
        rejected.merge(line.toString(), n, Long::sum);
      }
    }));
    Extract good = SyntheticNation.generate(new SyntheticNation.Settings(0.002, 7, YEAR, false));
    long resent = good.reconciliation().exactDuplicates().getOrDefault("lab", 0L);
    assertEquals(Map.of(
        "rejected: unknown patient", (long) k,
        "rejected: negative quantity", (long) k,
        "rejected: event before birth", (long) k,
        "rejected: duplicate patient id", (long) k,
        "excluded: duplicate event", k + resent), rejected, r.summary());
    assertEquals(good.patients().eventCount(), bad.patients().eventCount() - k, "the kept copy of each duplicate");
  }

  @Test
  void describe_countsWhatWasGenerated() {
    SyntheticNation.Summary s = SyntheticNation.describe(extract);
    assertEquals(data.patientCount(), s.patients());
    assertEquals(data.eventCount(), s.events());
    assertEquals(data.eventCount(), s.eventsByType().values().stream().mapToInt(Integer::intValue).sum());
    assertEquals(114, s.clusters());
    assertEquals(extract.organisation().practitioners().size(), s.practitioners());
    assertTrue(s.clinicsOutsideClusters() > 0);
    assertTrue(s.toString().contains("clusters"));
  }

  @Test
  void settings_rejectANonPositiveScale() {
    assertThrows(IllegalArgumentException.class, () -> new SyntheticNation.Settings(0, 42, YEAR));
    assertEquals(new SyntheticNation.Settings(1.0, 42, 2024, false), SyntheticNation.Settings.defaults());
  }

  // ---- helpers

  private static boolean adultAtYearEnd(int p) {
    return YEAR_END_DAY - data.birthDay(p) >= 18 * 365.25 && data.deathDay(p) > YEAR_END_DAY;
  }

  private static boolean[] codes(Predicate<CodeDictionary.Entry> matches) {
    boolean[] out = new boolean[data.codes().size()];
    for (int c = 0; c < out.length; c++) {
      out[c] = matches.test(data.codes().entry(c));
    }
    return out;
  }

  private static boolean has(int p, boolean[] codes, int from, int to) {
    for (int e = data.eventStart(p); e < data.eventEnd(p); e++) {
      if (codes[data.eventCode(e)] && data.eventDay(e) >= from && data.eventDay(e) <= to) {
        return true;
      }
    }
    return false;
  }
}
