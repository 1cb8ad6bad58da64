package org.klynge.core.data;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Optional;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;
import org.klynge.core.model.Sex;

/**
 * Patients, listings and events in a columnar, patient-partitioned layout: one primitive array
 * per field, patient {@code p}'s listings at {@code [listingStart(p), listingEnd(p))} sorted by
 * start date, its events at {@code [eventStart(p), eventEnd(p))} sorted by date. Dates are days
 * since 1970-01-01; an open end is {@link Integer#MAX_VALUE}; a missing value is {@code NaN}.
 * Values and quantities are the {@code double} that was read; units are an index into
 * {@link #units()}, with no limit on their number. An event lasts from its day to
 * {@link #eventEndDay}: the day itself for a point, open for a diagnosis or an episode with no end. Coded
 * results are ids in {@link #valueCodes()}, statuses {@link EventStatus} ordinals. Immutable once
 * built; about 17 bytes per event, and nothing for the optional parts no event has.
 *
 * <p>Build one with {@link ExtractBuilder}, or read one with the sources in
 * {@code org.klynge.core.io}.
 */
public final class PatientData {

  /** The value of a date that is not set (alive, open-ended listing). */
  public static final int NO_DATE = Integer.MAX_VALUE;

  private static final Sex[] SEXES = Sex.values();
  private static final EventStatus[] STATUSES = EventStatus.values();

  private final String[] patientIds;
  private final byte[] sex;
  private final int[] birthDay;
  private final int[] deathDay;
  private final int[] listingOffsets;
  private final int[] listingClinic;
  private final int[] listingFrom;
  private final int[] listingTo;
  private final int[] eventOffsets;
  private final int[] eventDay;
  private final int[] eventCode;
  private final EventDetails eventDetails;
  private final byte[] eventSource;
  private final ImmutableList<String> sources;
  private final int singleEventSource;
  private final CodeDictionary codes;
  private final CodeDictionary valueCodes;
  /** Per code: whether an event with no end given is open (a diagnosis or an episode: ongoing). */
  private final boolean[] openByDefault;
  private final ImmutableList<String> units;
  private final ImmutableList<String> clinicIds;

  PatientData(String[] patientIds, byte[] sex, int[] birthDay, int[] deathDay,
      int[] listingOffsets, int[] listingClinic, int[] listingFrom, int[] listingTo,
      int[] eventOffsets, int[] eventDay, int[] eventCode, double[] eventValue, int[] eventUnit,
      double[] eventQuantity, int[] eventEnd, int[] eventValueCode, byte[] eventStatus, byte[] eventSource,
      ImmutableList<String> sources, CodeDictionary codes, CodeDictionary valueCodes, ImmutableList<String> units,
      ImmutableList<String> clinicIds) {
    this.patientIds = patientIds;
    this.sex = sex;
    this.birthDay = birthDay;
    this.deathDay = deathDay;
    this.listingOffsets = listingOffsets;
    this.listingClinic = listingClinic;
    this.listingFrom = listingFrom;
    this.listingTo = listingTo;
    this.eventOffsets = eventOffsets;
    this.eventDay = eventDay;
    this.eventCode = eventCode;
    this.eventSource = eventSource;
    this.sources = sources;
    int events = eventOffsets[patientIds.length];
    this.eventDetails = new EventDetails(eventValue, eventUnit, eventQuantity, eventEnd, eventValueCode, eventStatus,
        events);
    int single = events == 0 ? -1 : eventSource[0];
    for (int e = 0; e < events; e++) {
      if (eventSource[e] != single) {
        single = -1;
        break;
      }
    }
    this.singleEventSource = single;
    this.codes = codes;
    this.valueCodes = valueCodes;
    this.openByDefault = new boolean[codes.size()];
    for (int c = 0; c < codes.size(); c++) {
      openByDefault[c] = opensByDefault(codes.entry(c).type());
    }
    this.units = units;
    this.clinicIds = clinicIds;
  }

  /** The number of patients. */
  public int patientCount() {
    return patientIds.length;
  }

  /** The number of events. */
  public int eventCount() {
    return eventOffsets[patientIds.length];
  }

  /** The number of listings. */
  public int listingCount() {
    return listingClinic.length;
  }

  public String patientId(int p) {
    return patientIds[p];
  }

  /** The index of the patient with this id, by linear search (for explanations, not the hot path). */
  public Optional<Integer> patientIndex(String id) {
    for (int p = 0; p < patientIds.length; p++) {
      if (patientIds[p].equals(id)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Patient {@code p}'s sex. */
  public Sex sex(int p) {
    return SEXES[sex[p]];
  }

  /** The {@link Sex#ordinal()} of patient {@code p}'s sex: 0 female, 1 male, 2 other, 3 unknown. */
  public int sexCode(int p) {
    return sex[p];
  }

  public int birthDay(int p) {
    return birthDay[p];
  }

  /** The day of death, or {@link #NO_DATE}. */
  public int deathDay(int p) {
    return deathDay[p];
  }

  public int listingStart(int p) {
    return listingOffsets[p];
  }

  public int listingEnd(int p) {
    return listingOffsets[p + 1];
  }

  /** The clinic index of listing {@code l}; see {@link #clinicId(int)}. */
  public int listingClinic(int l) {
    return listingClinic[l];
  }

  public int listingFrom(int l) {
    return listingFrom[l];
  }

  /** The last day of listing {@code l}, or {@link #NO_DATE}. */
  public int listingTo(int l) {
    return listingTo[l];
  }

  public int eventStart(int p) {
    return eventOffsets[p];
  }

  public int eventEnd(int p) {
    return eventOffsets[p + 1];
  }

  public int eventDay(int e) {
    return eventDay[e];
  }

  /** The dictionary id of event {@code e}'s type and code. */
  public int eventCode(int e) {
    return eventCode[e];
  }

  /** The value, or {@code NaN} when missing. */
  public double eventValue(int e) {
    return eventDetails.value(e);
  }

  /** The unit index, or -1 when none; see {@link #units()}. */
  public int eventUnit(int e) {
    return eventDetails.unit(e);
  }

  /** The quantity, or {@code NaN} when missing. */
  public double eventQuantity(int e) {
    return eventDetails.quantity(e);
  }

  /**
   * The last day of event {@code e} (inclusive): the end the source gave, else the event's own day
   * (a point), or {@link #NO_DATE} for a diagnosis or an episode (ongoing until given an end).
   */
  public int eventEndDay(int e) {
    int end = eventDetails.end(e);
    if (end != EventDetails.DEFAULT_END) {
      return end;
    }
    return openByDefault[eventCode[e]] ? NO_DATE : eventDay[e];
  }

  /** Whether an event of {@code type} with no end given is open rather than a point: true for diagnoses and episodes. */
  public static boolean opensByDefault(EventType type) {
    return type == EventType.DIAGNOSIS || type == EventType.EPISODE;
  }

  /** The coded result of event {@code e} as an id in {@link #valueCodes()}, or -1 when it has none. */
  public int eventValueCode(int e) {
    return eventDetails.valueCode(e);
  }

  /** The {@link EventStatus#ordinal()} of event {@code e}'s status, or -1 when its source records none. */
  public int eventStatusCode(int e) {
    return eventDetails.status(e);
  }

  /** Event {@code e}'s status, when its source records one. */
  public Optional<EventStatus> eventStatus(int e) {
    int s = eventDetails.status(e);
    return s < 0 ? Optional.empty() : Optional.of(STATUSES[s]);
  }

  /** Whether some event has an end given that is not its default (the extract writer writes {@code end_date} then). */
  public boolean hasEventEnds() {
    return eventDetails.hasEnds();
  }

  /** Whether some event has a coded result. */
  public boolean hasValueCodes() {
    return eventDetails.hasValueCodes();
  }

  /** Whether some event has a status. */
  public boolean hasStatuses() {
    return eventDetails.hasStatuses();
  }

  /** The index of the source (file, table) event {@code e} was read from; see {@link #sources()}. */
  public int eventSource(int e) {
    return eventSource[e];
  }

  /** The source index of every event when they all come from one source, else -1 (lets scans skip per-event look-ups). */
  public int singleEventSource() {
    return singleEventSource;
  }

  /** The names of the sources rows were read from, by index. */
  public ImmutableList<String> sources() {
    return sources;
  }

  public CodeDictionary codes() {
    return codes;
  }

  /** The coded results of events, by id (the entry's type is the event's). */
  public CodeDictionary valueCodes() {
    return valueCodes;
  }

  /** The units values are recorded in, by index. */
  public ImmutableList<String> units() {
    return units;
  }

  /** The clinic ids, by clinic index. */
  public ImmutableList<String> clinicIds() {
    return clinicIds;
  }

  public String clinicId(int clinic) {
    return clinicIds.get(clinic);
  }

  /**
   * The clinic index the patient is listed with on {@code day}, or -1 when not listed (or dead).
   */
  public int clinicOn(int p, int day) {
    if (day > deathDay[p]) {
      return -1;
    }
    for (int l = listingOffsets[p]; l < listingOffsets[p + 1]; l++) {
      if (listingFrom[l] <= day && day <= listingTo[l]) {
        return listingClinic[l];
      }
    }
    return -1;
  }

  /** An estimate of the bytes held by the arrays (strings of ids not included). */
  public long estimatedBytes() {
    long events = (long) eventDay.length * (4 + 4 + 1) + eventDetails.estimatedBytes(); // with any room left at the end
    long listings = (long) listingClinic.length * 12;
    long patients = (long) patientIds.length * (1 + 4 + 4 + 4 + 4 + 8);
    return events + listings + patients;
  }

  /** The date of a day number, for people. */
  public static LocalDate date(int day) {
    return LocalDate.ofEpochDay(day);
  }
}
