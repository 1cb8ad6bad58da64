package org.klynge.core.data;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.CodeSystems;
import org.klynge.core.model.Code;
import org.klynge.core.model.Event;
import org.klynge.core.model.EventAttributes;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;
import org.klynge.core.model.Listing;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Patient;
import org.klynge.core.model.Sex;

/**
 * Builds an {@link Extract} from patients, listings and events, in memory or fed by a reader.
 * Add patients before their listings and events. Every row added is accounted for: used, or
 * rejected with a reason and location (unknown patient, duplicate patient id, unknown clinic,
 * unknown code system, negative quantity, date out of range, event before birth, ends before it
 * starts, overlapping listing, conflicting event id), or excluded (a row with the {@code event_id}
 * of an earlier one and the same data; an exact duplicate of another event of the same patient,
 * where the type's {@link DuplicatePolicy} counts it once).
 *
 * <pre>{@code
 * Extract extract = ExtractBuilder.create(organisation)
 *     .patient(Patient.of("p1", Sex.FEMALE, LocalDate.of(1950, 3, 1)))
 *     .listing(new Listing("p1", "c1", DateRange.startingAt(LocalDate.of(2010, 1, 1))))
 *     .event(new Diagnosis("p1", LocalDate.of(2015, 5, 2), new Code(CodeSystem.ICPC2, "T90")))
 *     .build();
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class ExtractBuilder {

  /** Source names used for rows added as objects. */
  public static final String MEMORY_PATIENTS = "memory:patients";
  public static final String MEMORY_LISTINGS = "memory:listings";
  public static final String MEMORY_EVENTS = "memory:events";

  /** The earliest date accepted in data. */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(1880, 1, 1);
  /** The latest date accepted in data. */
  public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);
  private static final int EARLIEST_DAY = (int) EARLIEST_DATE.toEpochDay();
  private static final int LATEST_DAY = (int) LATEST_DATE.toEpochDay();

  private final Organisation organisation;
  private final Map<String, Integer> clinicIndex = new HashMap<>();
  private final List<String> clinicIds = new ArrayList<>();
  private final ReconciliationBuilder reconciliation = new ReconciliationBuilder();
  private final Map<String, LocalDate> asOf = new TreeMap<>();
  private final List<String> sources = new ArrayList<>();
  private final Map<String, Integer> sourceIndex = new HashMap<>();
  // rows come in long runs from one source
  private String lastSourceName;
  private byte lastSource;
  // listings and events come in runs of one patient, usually in the order the patients came
  private String lastPatientId;
  private int lastPatient = -1;

  // patients
  private IdIndex patientIndex = new IdIndex();
  private byte[] sex = new byte[1024];
  private int[] birth = new int[1024];
  private int[] death = new int[1024];

  // listings
  private int listingCount;
  private int[] lPatient = new int[1024];
  private int[] lClinic = new int[1024];
  private int[] lFrom = new int[1024];
  private int[] lTo = new int[1024];
  private int[] lLine = new int[1024];
  private byte[] lSource = new byte[1024];

  // events
  private int eventCount;
  /** Event rows added, including those rejected or excluded: the line of the next in-memory row. */
  private long rowsAdded;
  private int[] ePatient = new int[1024];
  private int[] eDay = new int[1024];
  private int[] eCode = new int[1024];
  private double[] eValue = new double[1024];
  private int[] eUnit = new int[1024];
  private double[] eQuantity = new double[1024];
  private int[] eLine = new int[1024];
  private byte[] eSource = new byte[1024];
  // the optional parts, null until a row has one: no cost for extracts without them
  private int[] eEnd;
  private int[] eValueCode;
  private byte[] eStatus;
  /** Events with an {@code event_id}; exact-duplicate policies apply only to the others. */
  private java.util.BitSet eHasId;
  /** Event id → index of the first event with it. */
  private Map<String, Integer> idFirst;
  /** Events whose id was also given to a row with other data, with that row's line. */
  private Map<Integer, Long> conflicted;
  private final DuplicatePolicy[] duplicatePolicy = new DuplicatePolicy[EventType.values().length];
  private final CodeDictionary.Builder valueCodes;

  private final CodeSystems systems;
  private final CodeDictionary.Builder codes;
  // events come in runs of one system
  private CodeSystem lastSystem;
  private int lastSystemIndex = -1;
  private final Map<String, Integer> unitIndex = new HashMap<>();
  private final List<String> units = new ArrayList<>();
  private boolean built;

  private ExtractBuilder(Organisation organisation, CodeSystems systems) {
    this.organisation = requireNonNull(organisation, "organisation");
    this.systems = requireNonNull(systems, "systems");
    this.codes = new CodeDictionary.Builder(systems);
    this.valueCodes = new CodeDictionary.Builder(systems);
    for (EventType type : EventType.values()) {
      duplicatePolicy[type.ordinal()] = DuplicatePolicy.defaultFor(type);
    }
    organisation.clinics().keySet().forEach(id -> {
      clinicIndex.put(id, clinicIds.size());
      clinicIds.add(id);
    });
  }

  /** A builder for data about patients of {@code organisation}'s clinics, with events in the built-in code systems. */
  public static ExtractBuilder create(Organisation organisation) {
    return new ExtractBuilder(organisation, CodeSystems.builtIn());
  }

  /**
   * A builder for data about patients of {@code organisation}'s clinics, with events in
   * {@code systems} (for example {@link org.klynge.core.definition.DefinitionSet#declaredSystems()}
   * of the definitions to evaluate). An event in another system is rejected as {@code unknown code
   * system}; an event's system is matched by id, and takes the hierarchy {@code systems} give it.
   */
  public static ExtractBuilder create(Organisation organisation, CodeSystems systems) {
    return new ExtractBuilder(organisation, systems);
  }

  /**
   * Sets what an exact duplicate of an event of {@code type} is (an event without an
   * {@code event_id}); the defaults are {@link DuplicatePolicy#defaultFor}.
   */
  public ExtractBuilder duplicates(EventType type, DuplicatePolicy policy) {
    requireNotBuilt();
    duplicatePolicy[type.ordinal()] = requireNonNull(policy, "policy");
    return this;
  }

  /** The duplicate policy of each event type. */
  public Map<EventType, DuplicatePolicy> duplicatePolicies() {
    Map<EventType, DuplicatePolicy> out = new java.util.EnumMap<>(EventType.class);
    for (EventType type : EventType.values()) {
      out.put(type, duplicatePolicy[type.ordinal()]);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /** The code systems events may be recorded in. */
  public CodeSystems codeSystems() {
    return systems;
  }

  /**
   * Reserves room for the given numbers of rows, so large extracts are built without repeated
   * array growth (optional; a hint, not a limit).
   */
  public ExtractBuilder expect(int patients, int listings, int events) {
    requireNotBuilt();
    if (patients > sex.length) {
      resizePatients(patients);
      if (patientIndex.size() == 0) {
        patientIndex = new IdIndex(patients);
      }
    }
    if (listings > lPatient.length) {
      resizeListings(listings);
    }
    if (events > ePatient.length) {
      resizeEvents(events);
    }
    return this;
  }

  private void resizePatients(int capacity) {
    sex = Arrays.copyOf(sex, capacity);
    birth = Arrays.copyOf(birth, capacity);
    death = Arrays.copyOf(death, capacity);
  }

  private void resizeListings(int capacity) {
    lPatient = Arrays.copyOf(lPatient, capacity);
    lClinic = Arrays.copyOf(lClinic, capacity);
    lFrom = Arrays.copyOf(lFrom, capacity);
    lTo = Arrays.copyOf(lTo, capacity);
    lLine = Arrays.copyOf(lLine, capacity);
    lSource = Arrays.copyOf(lSource, capacity);
  }

  private void resizeEvents(int capacity) {
    ePatient = Arrays.copyOf(ePatient, capacity);
    eDay = Arrays.copyOf(eDay, capacity);
    eCode = Arrays.copyOf(eCode, capacity);
    eValue = Arrays.copyOf(eValue, capacity);
    eUnit = Arrays.copyOf(eUnit, capacity);
    eQuantity = Arrays.copyOf(eQuantity, capacity);
    eLine = Arrays.copyOf(eLine, capacity);
    eSource = Arrays.copyOf(eSource, capacity);
    if (eEnd != null) {
      eEnd = Arrays.copyOf(eEnd, capacity);
    }
    if (eValueCode != null) {
      eValueCode = Arrays.copyOf(eValueCode, capacity);
    }
    if (eStatus != null) {
      eStatus = Arrays.copyOf(eStatus, capacity);
    }
  }

  /** Records that {@code source}'s data is complete to {@code date}. */
  public ExtractBuilder asOf(String source, LocalDate date) {
    asOf.put(source, date);
    return this;
  }

  /** The account so far, for readers that count their own rejections (e.g. unparseable rows). */
  public ReconciliationBuilder reconciliation() {
    return reconciliation;
  }

  // ---- patients

  /** Adds a patient (as a row of {@link #MEMORY_PATIENTS}). */
  public ExtractBuilder patient(Patient patient) {
    patient(patient.id(), patient.sex(), patient.birthDate(), patient.deathDate(),
        RowLocation.of(MEMORY_PATIENTS, patientIndex.size() + 1L));
    return this;
  }

  /** Adds a patient read at {@code where}; returns whether it was used. */
  public boolean patient(String id, Sex patientSex, LocalDate birthDate, Optional<LocalDate> deathDate, RowLocation where) {
    requireNotBuilt();
    if (patientIndex.get(id) != IdIndex.ABSENT) {
      reconciliation.rejected("duplicate patient id", where.at("patient_id"), id);
      return false;
    }
    if (outOfRange(birthDate)) {
      reconciliation.rejected("date out of range", where.at("birth_date"), birthDate.toString());
      return false;
    }
    if (deathDate.isPresent() && (outOfRange(deathDate.get()) || deathDate.get().isBefore(birthDate))) {
      reconciliation.rejected(deathDate.get().isBefore(birthDate) ? "death before birth" : "date out of range",
          where.at("death_date"), deathDate.get().toString());
      return false;
    }
    int p = patientIndex.size();
    if (p == sex.length) {
      resizePatients(grow(p));
    }
    patientIndex.add(id);
    sex[p] = (byte) patientSex.ordinal();
    birth[p] = (int) birthDate.toEpochDay();
    death[p] = deathDate.map(d -> (int) d.toEpochDay()).orElse(PatientData.NO_DATE);
    reconciliation.used(where.source());
    return true;
  }

  // ---- listings

  /** Adds a listing (as a row of {@link #MEMORY_LISTINGS}). */
  public ExtractBuilder listing(Listing listing) {
    listing(listing.patientId(), listing.clinicId(), listing.validity().from(), listing.validity().to(),
        RowLocation.of(MEMORY_LISTINGS, listingCount + 1L));
    return this;
  }

  /** Adds a listing read at {@code where}; overlap with another listing is checked at {@link #build()}. */
  public boolean listing(String patientId, String clinicId, LocalDate from, Optional<LocalDate> to, RowLocation where) {
    requireNotBuilt();
    int p = patientIndexOf(patientId);
    if (p == IdIndex.ABSENT) {
      reconciliation.rejected("unknown patient", where.at("patient_id"), patientId);
      return false;
    }
    Integer clinic = clinicIndex.get(clinicId);
    if (clinic == null) {
      reconciliation.rejected("unknown clinic", where.at("clinic_id"), clinicId);
      return false;
    }
    if (outOfRange(from)) {
      reconciliation.rejected("date out of range", where.at("valid_from"), from.toString());
      return false;
    }
    if (to.isPresent() && (outOfRange(to.get()) || to.get().isBefore(from))) {
      reconciliation.rejected(to.get().isBefore(from) ? "ends before it starts" : "date out of range",
          where.at("valid_to"), to.get().toString());
      return false;
    }
    int l = listingCount;
    if (l == lPatient.length) {
      resizeListings(grow(l));
    }
    lPatient[l] = p;
    lClinic[l] = clinic;
    lFrom[l] = (int) from.toEpochDay();
    lTo[l] = to.map(d -> (int) d.toEpochDay()).orElse(PatientData.NO_DATE);
    lLine[l] = (int) Math.min(Integer.MAX_VALUE, where.line());
    lSource[l] = source(where.source());
    listingCount++;
    reconciliation.used(where.source());
    return true;
  }

  // ---- events

  /** Adds an event (as a row of {@link #MEMORY_EVENTS}). */
  public ExtractBuilder event(Event event) {
    return event(event, EventAttributes.NONE);
  }

  /** Adds an event with an end, coded result, status or id (as a row of {@link #MEMORY_EVENTS}). */
  public ExtractBuilder event(Event event, EventAttributes attributes) {
    event(event.patientId(), event.type(), event.code().system(), event.code().value(), event.date(),
        event.value().orElse(Double.NaN), event.unit().orElse(""), event.quantity().orElse(Double.NaN),
        attributes, RowLocation.of(MEMORY_EVENTS, rowsAdded + 1L));
    return this;
  }

  /**
   * Adds an event read at {@code where}; returns whether it was accepted (an exact duplicate is
   * found, and excluded, only at {@link #build()}).
   *
   * @param value the value, {@code NaN} when missing
   * @param unit the unit, empty when none
   * @param quantity the quantity, {@code NaN} when missing
   */
  public boolean event(String patientId, EventType type, CodeSystem codeSystem, String code, LocalDate date,
      double value, String unit, double quantity, RowLocation where) {
    return event(patientId, type, codeSystem, code, date, value, unit, quantity, EventAttributes.NONE, where);
  }

  /**
   * Adds an event read at {@code where}, with its end, coded result, status and id; returns
   * whether it was accepted. An end before the date is rejected ({@code ends before it starts}, at
   * {@code end_date}), a coded result in an unknown system too ({@code unknown code system}, at
   * {@code value_code}). A row with the id of an earlier row is excluded when its data are the
   * same, and rejected with the earlier row when they are not ({@code conflicting event id}).
   *
   * @param value the value, {@code NaN} when missing
   * @param unit the unit, empty when none
   * @param quantity the quantity, {@code NaN} when missing
   */
  public boolean event(String patientId, EventType type, CodeSystem codeSystem, String code, LocalDate date,
      double value, String unit, double quantity, EventAttributes attributes, RowLocation where) {
    requireNotBuilt();
    rowsAdded++;
    requireNonNull(patientId, "patientId");
    int p = patientIndexOf(patientId);
    if (p == IdIndex.ABSENT) {
      reconciliation.rejected("unknown patient", where.at("patient_id"), patientId);
      return false;
    }
    int system = systemIndex(codeSystem);
    if (system < 0) {
      reconciliation.rejected("unknown code system", where.at("system"), codeSystem.id() + " (known: "
          + systems.ids() + ")");
      return false;
    }
    if (code.isBlank()) {
      reconciliation.rejected("missing code", where.at("code"), "");
      return false;
    }
    long epochDay = date.toEpochDay(); // once: LocalDate computes it afresh on every call
    if (outOfRange(epochDay)) {
      reconciliation.rejected("date out of range", where.at("date"), date.toString());
      return false;
    }
    int day = (int) epochDay;
    if (day < birth[p]) {
      reconciliation.rejected("event before birth", where.at("date"), date + " < " + LocalDate.ofEpochDay(birth[p]));
      return false;
    }
    if (quantity < 0) {
      reconciliation.rejected("negative quantity", where.at("quantity"), Double.toString(quantity));
      return false;
    }
    if (Double.isInfinite(value)) {
      reconciliation.rejected("value not finite", where.at("value"), Double.toString(value));
      return false;
    }
    if (Double.isInfinite(quantity)) {
      reconciliation.rejected("value not finite", where.at("quantity"), Double.toString(quantity));
      return false;
    }
    int end = EventDetails.DEFAULT_END;
    if (attributes.endDate().isPresent()) {
      LocalDate last = attributes.endDate().get();
      long lastDay = last.toEpochDay();
      if (lastDay < epochDay || outOfRange(lastDay)) {
        reconciliation.rejected(lastDay < epochDay ? "ends before it starts" : "date out of range",
            where.at("end_date"), last + (lastDay < epochDay ? " < " + date : ""));
        return false;
      }
      boolean isDefault = !PatientData.opensByDefault(type) && lastDay == epochDay;
      end = isDefault ? EventDetails.DEFAULT_END : (int) lastDay;
    }
    int valueCode = -1;
    if (attributes.valueCode().isPresent()) {
      Code coded = attributes.valueCode().get();
      int valueSystem = systems.indexOf(coded.system().id());
      if (valueSystem < 0) {
        reconciliation.rejected("unknown code system", where.at("value_code"), coded.system().id() + " (known: "
            + systems.ids() + ")");
        return false;
      }
      valueCode = valueCodes.idOf(type, valueSystem, coded.value());
    }
    int e = eventCount;
    if (e == ePatient.length) {
      resizeEvents(grow(e));
    }
    ePatient[e] = p;
    eDay[e] = day;
    eCode[e] = codes.idOf(type, system, code);
    eValue[e] = value;
    eUnit[e] = unit.isEmpty() ? -1 : unitIndex.computeIfAbsent(unit, u -> {
      units.add(u);
      return units.size() - 1;
    });
    eQuantity[e] = quantity;
    eLine[e] = (int) Math.min(Integer.MAX_VALUE, where.line());
    eSource[e] = source(where.source());
    if (end != EventDetails.DEFAULT_END || eEnd != null) {
      ensureEnds()[e] = end;
    }
    if (valueCode >= 0 || eValueCode != null) {
      ensureValueCodes()[e] = valueCode;
    }
    if (attributes.status().isPresent() || eStatus != null) {
      ensureStatuses()[e] = (byte) attributes.status().map(EventStatus::ordinal).orElse(-1).intValue();
    }
    if (attributes.id().isPresent() && !firstWithId(attributes.id().get(), e, where)) {
      return false;
    }
    eventCount++;
    reconciliation.used(where.source());
    return true;
  }

  /**
   * Records that event {@code e} (in its slot, not yet counted) has {@code id}; returns whether it
   * is the first with it. A later row with the same data is excluded; one with other data is
   * rejected, and so is the first (at {@link #build()}).
   */
  private boolean firstWithId(String id, int e, RowLocation where) {
    if (idFirst == null) {
      idFirst = new HashMap<>();
      eHasId = new java.util.BitSet();
      conflicted = new HashMap<>();
    }
    Integer first = idFirst.putIfAbsent(id, e);
    if (first == null) {
      eHasId.set(e);
      return true;
    }
    String firstLine = "line " + eLine[first] + (eSource[first] == eSource[e] ? "" : " of " + sources.get(eSource[first]));
    if (!conflicted.containsKey(first) && ePatient[first] == ePatient[e] && sameEvent(first, e)) {
      reconciliation.excluded("duplicate event id", where.at("event_id"), "event_id " + id + " with the same data as "
          + firstLine);
      reconciliation.exactDuplicate(codes.type(eCode[e]).code());
      return false;
    }
    reconciliation.rejected("conflicting event id", where.at("event_id"), "event_id " + id + " is also on " + firstLine
        + (conflicted.containsKey(first) ? "" : " with other data"));
    conflicted.putIfAbsent(first, where.line());
    return false;
  }

  private int[] ensureEnds() {
    if (eEnd == null) {
      eEnd = new int[ePatient.length];
      Arrays.fill(eEnd, EventDetails.DEFAULT_END);
    }
    return eEnd;
  }

  private int[] ensureValueCodes() {
    if (eValueCode == null) {
      eValueCode = new int[ePatient.length];
      Arrays.fill(eValueCode, -1);
    }
    return eValueCode;
  }

  private byte[] ensureStatuses() {
    if (eStatus == null) {
      eStatus = new byte[ePatient.length];
      Arrays.fill(eStatus, (byte) -1);
    }
    return eStatus;
  }

  /**
   * The index of patient {@code id}, or {@link IdIndex#ABSENT}. Listings and events usually come
   * patient by patient, in the order the patients came, so the patient of the last row and the
   * one after it are tried before the index (whose look-ups land anywhere in memory).
   */
  private int patientIndexOf(String id) {
    if (id == lastPatientId || id.equals(lastPatientId)) {
      return lastPatient;
    }
    int next = lastPatient + 1;
    int p = next < patientIndex.size() && patientIndex.id(next).equals(id) ? next : patientIndex.get(id);
    if (p != IdIndex.ABSENT) {
      lastPatientId = id;
      lastPatient = p;
    }
    return p;
  }

  /** The index of {@code system} in {@link #systems}, by id, or -1 when it is not there. */
  private int systemIndex(CodeSystem system) {
    if (system != lastSystem) {
      lastSystemIndex = systems.indexOf(system.id());
      lastSystem = system;
    }
    return lastSystemIndex;
  }

  private byte source(String name) {
    if (name == lastSourceName) {
      return lastSource;
    }
    lastSourceName = name;
    lastSource = sourceIndexOf(name);
    return lastSource;
  }

  private byte sourceIndexOf(String name) {
    Integer i = sourceIndex.get(name);
    if (i == null) {
      if (sources.size() == Byte.MAX_VALUE) {
        throw new IllegalStateException("more than " + Byte.MAX_VALUE + " sources in one extract");
      }
      i = sources.size();
      sources.add(name);
      sourceIndex.put(name, i);
    }
    return (byte) (int) i;
  }

  private static int grow(int size) {
    return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1024L, size + (size >> 1)));
  }

  private static boolean outOfRange(LocalDate date) {
    return outOfRange(date.toEpochDay());
  }

  private static boolean outOfRange(long epochDay) {
    return epochDay < EARLIEST_DAY || epochDay > LATEST_DAY;
  }

  // ---- build

  /** Sorts and checks what was added and returns the extract; no row can be added after. */
  public Extract build() {
    if (built) {
      throw new IllegalStateException("build() was already called");
    }
    built = true;
    int n = patientIndex.size();
    ListingColumns listings = buildListings(n);
    EventColumns events = buildEvents(n);
    PatientData data = new PatientData(patientIndex.ids(), Arrays.copyOf(sex, n),
        Arrays.copyOf(birth, n), Arrays.copyOf(death, n), listings.offsets, listings.clinic, listings.from,
        listings.to, events.offsets, events.day, events.code, events.value, events.unit, events.quantity,
        events.end, events.valueCode, events.status, events.source, ImmutableList.copyOf(sources), codes.build(),
        valueCodes.build(), ImmutableList.copyOf(units), ImmutableList.copyOf(clinicIds));
    release();
    return new Extract(organisation, data, reconciliation.build(), ImmutableSortedMap.copyOf(asOf));
  }

  /**
   * Lets go of the working columns: some now belong to the extract, and the rest are garbage.
   * Rows added after this fail, so the extract's columns cannot change.
   */
  private void release() {
    patientIndex = new IdIndex();
    lastPatientId = null;
    sex = new byte[0];
    birth = new int[0];
    death = new int[0];
    lPatient = new int[0];
    lClinic = new int[0];
    lFrom = new int[0];
    lTo = new int[0];
    lLine = new int[0];
    lSource = new byte[0];
    ePatient = new int[0];
    eDay = new int[0];
    eCode = new int[0];
    eValue = new double[0];
    eUnit = new int[0];
    eQuantity = new double[0];
    eLine = new int[0];
    eSource = new byte[0];
    eEnd = null;
    eValueCode = null;
    eStatus = null;
    eHasId = null;
    idFirst = null;
    conflicted = null;
  }

  private void requireNotBuilt() {
    if (built) {
      throw new IllegalStateException("build() was already called; rows cannot be added after");
    }
  }

  private record ListingColumns(int[] offsets, int[] clinic, int[] from, int[] to) {}

  /** The event columns of the extract; {@code end}, {@code valueCode} and {@code status} null when no event has one. */
  private record EventColumns(int[] offsets, int[] day, int[] code, double[] value, int[] unit, double[] quantity,
      int[] end, int[] valueCode, byte[] status, byte[] source) {}

  private ListingColumns buildListings(int n) {
    int[] order = countingSortByPatient(lPatient, listingCount, n);
    int[] offsets = patientOffsets(lPatient, listingCount, n);
    // sort each patient's listings by start, drop those overlapping an earlier one
    boolean[] drop = new boolean[listingCount];
    int kept = 0;
    for (int p = 0; p < n; p++) {
      int s = offsets[p];
      int e = offsets[p + 1];
      insertionSort(order, s, e, (a, b) -> lFrom[a] != lFrom[b] ? Integer.compare(lFrom[a], lFrom[b]) : Integer.compare(a, b));
      int lastTo = Integer.MIN_VALUE;
      for (int i = s; i < e; i++) {
        int l = order[i];
        if (lFrom[l] <= lastTo) {
          drop[i] = true;
          reconciliation.unuse(sources.get(lSource[l]), 1);
          reconciliation.rejected("overlapping listing",
              RowLocation.of(sources.get(lSource[l]), lLine[l]).at("valid_from"),
              "patient " + patientIndex.id(p) + " is already listed on " + LocalDate.ofEpochDay(lFrom[l]));
        } else {
          lastTo = lTo[l];
          kept++;
        }
      }
    }
    int[] outOffsets = new int[n + 1];
    int[] clinic = new int[kept];
    int[] from = new int[kept];
    int[] to = new int[kept];
    int k = 0;
    for (int p = 0; p < n; p++) {
      outOffsets[p] = k;
      for (int i = offsets[p]; i < offsets[p + 1]; i++) {
        if (!drop[i]) {
          int l = order[i];
          clinic[k] = lClinic[l];
          from[k] = lFrom[l];
          to[k] = lTo[l];
          k++;
        }
      }
    }
    outOffsets[n] = k;
    return new ListingColumns(outOffsets, clinic, from, to);
  }

  private EventColumns buildEvents(int n) {
    if (conflicted != null && !conflicted.isEmpty()) {
      rejectConflicted();
    }
    if (eventsInPatientAndDayOrder() && sortSameDayRuns()) {
      return buildOrderedEvents(n);
    }
    int[] order = countingSortByPatient(ePatient, eventCount, n);
    int[] offsets = patientOffsets(ePatient, eventCount, n);
    int[] outOffsets = new int[n + 1];
    int kept = 0; // order[0, kept) becomes the events kept, in output order
    for (int p = 0; p < n; p++) {
      int s = offsets[p];
      int e = offsets[p + 1];
      insertionSort(order, s, e, this::compareEvents);
      outOffsets[p] = kept;
      for (int i = s; i < e; i++) {
        if (i > s && countDuplicate(order[i - 1], order[i])) {
          excludeDuplicate(order[i], order[i - 1]);
        } else {
          order[kept++] = order[i];
        }
      }
    }
    outOffsets[n] = kept;
    return gather(outOffsets, order, kept);
  }

  /**
   * Whether the events came ordered by patient and date, as extracts usually are; the events of
   * one patient on one day may come in any order.
   */
  private boolean eventsInPatientAndDayOrder() {
    for (int e = 1; e < eventCount; e++) {
      if (ePatient[e - 1] > ePatient[e] || (ePatient[e - 1] == ePatient[e] && eDay[e - 1] > eDay[e])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Puts each run of one patient's events on one day in {@link #compareEvents} order, in place
   * and stably (events that compare equal keep their input order, as the sort by input index
   * gives). Returns false, leaving the rest as it is, at a run too long to sort this way.
   */
  private boolean sortSameDayRuns() {
    int start = 0;
    for (int e = 1; e <= eventCount; e++) {
      if (e < eventCount && ePatient[e] == ePatient[start] && eDay[e] == eDay[start]) {
        continue;
      }
      for (int i = start + 1; i < e; i++) {
        if (compareEvents(i - 1, i) > 0) {
          if (e - start > 64) {
            return false;
          }
          sortRun(start, e);
          break;
        }
      }
      start = e;
    }
    return true;
  }

  /** Insertion sort of events {@code [from, to)}, one patient's on one day, moving every column. */
  private void sortRun(int from, int to) {
    for (int i = from + 1; i < to; i++) {
      // compareEvents breaks ties by position, so equal events never pass each other
      for (int j = i; j > from && compareEvents(j - 1, j) > 0; j--) {
        swapEvents(j - 1, j);
      }
    }
  }

  private void swapEvents(int a, int b) {
    int code = eCode[a];
    eCode[a] = eCode[b];
    eCode[b] = code;
    double value = eValue[a];
    eValue[a] = eValue[b];
    eValue[b] = value;
    int unit = eUnit[a];
    eUnit[a] = eUnit[b];
    eUnit[b] = unit;
    double quantity = eQuantity[a];
    eQuantity[a] = eQuantity[b];
    eQuantity[b] = quantity;
    int line = eLine[a];
    eLine[a] = eLine[b];
    eLine[b] = line;
    byte source = eSource[a];
    eSource[a] = eSource[b];
    eSource[b] = source;
    if (eEnd != null) {
      int end = eEnd[a];
      eEnd[a] = eEnd[b];
      eEnd[b] = end;
    }
    if (eValueCode != null) {
      int coded = eValueCode[a];
      eValueCode[a] = eValueCode[b];
      eValueCode[b] = coded;
    }
    if (eStatus != null) {
      byte status = eStatus[a];
      eStatus[a] = eStatus[b];
      eStatus[b] = status;
    }
    if (eHasId != null) {
      boolean id = eHasId.get(a);
      eHasId.set(a, eHasId.get(b));
      eHasId.set(b, id);
    }
  }

  /** Whether event {@code e} is an exact duplicate of the event before it that counts once (events in order). */
  private boolean duplicateOfPrevious(int e) {
    return e > 0 && ePatient[e - 1] == ePatient[e] && countedOnce(e - 1, e);
  }

  /** Whether event {@code b}, next after {@code a} in order, is an exact duplicate of it (neither has an id). */
  private boolean exactDuplicate(int a, int b) {
    return sameEvent(a, b) && (eHasId == null || !(eHasId.get(a) || eHasId.get(b)));
  }

  /** Whether event {@code b}, next after {@code a} in order, is an exact duplicate of it that its type counts once. */
  private boolean countedOnce(int a, int b) {
    return exactDuplicate(a, b) && duplicatePolicy[codes.type(eCode[b]).ordinal()] == DuplicatePolicy.COUNT_ONCE;
  }

  /**
   * For event {@code b}, next after {@code a} in order: when it is an exact duplicate, counts it
   * for the reconciliation's account per type, and returns whether its type counts it once (so it
   * is excluded). Each pair of neighbours is asked once.
   */
  private boolean countDuplicate(int a, int b) {
    if (!exactDuplicate(a, b)) {
      return false;
    }
    EventType type = codes.type(eCode[b]);
    reconciliation.exactDuplicate(type.code());
    return duplicatePolicy[type.ordinal()] == DuplicatePolicy.COUNT_ONCE;
  }

  /**
   * Takes out the events whose id a later row gave to other data: rejected, naming that row. The
   * rest keep their order.
   */
  private void rejectConflicted() {
    int k = 0;
    for (int e = 0; e < eventCount; e++) {
      Long other = conflicted.get(e);
      if (other != null) {
        String source = sources.get(eSource[e]);
        reconciliation.unuse(source, 1);
        reconciliation.rejected("conflicting event id", RowLocation.of(source, eLine[e]).at("event_id"),
            "the event_id is also on line " + other + " with other data");
        continue;
      }
      if (k != e) {
        moveEvent(e, k);
      }
      k++;
    }
    eventCount = k;
    conflicted.clear();
  }

  private void moveEvent(int from, int to) {
    ePatient[to] = ePatient[from];
    eDay[to] = eDay[from];
    eCode[to] = eCode[from];
    eValue[to] = eValue[from];
    eUnit[to] = eUnit[from];
    eQuantity[to] = eQuantity[from];
    eLine[to] = eLine[from];
    eSource[to] = eSource[from];
    if (eEnd != null) {
      eEnd[to] = eEnd[from];
    }
    if (eValueCode != null) {
      eValueCode[to] = eValueCode[from];
    }
    if (eStatus != null) {
      eStatus[to] = eStatus[from];
    }
    if (eHasId != null) {
      eHasId.set(to, eHasId.get(from));
    }
  }

  /**
   * {@link #buildEvents} for events in {@link #compareEvents} order by patient: the same result,
   * in sequential passes without sorting.
   */
  private EventColumns buildOrderedEvents(int n) {
    int[] offsets = new int[n + 1];
    int kept = 0;
    for (int e = 0; e < eventCount; e++) {
      if (e > 0 && ePatient[e - 1] == ePatient[e] && countDuplicate(e - 1, e)) {
        excludeDuplicate(e, e - 1);
      } else {
        offsets[ePatient[e] + 1]++;
        kept++;
      }
    }
    for (int p = 0; p < n; p++) {
      offsets[p + 1] += offsets[p];
    }
    if (kept == eventCount) {
      if (eDay.length - kept <= kept / 16 + 1024) {
        // the columns themselves, with the little room left at their end: no second copy to make
        return new EventColumns(offsets, eDay, eCode, eValue, eUnit, eQuantity, eEnd, eValueCode, eStatus, eSource);
      }
      // the optional parts are packed by the extract's EventDetails, so need no copy here
      return new EventColumns(offsets, Arrays.copyOf(eDay, kept), Arrays.copyOf(eCode, kept), eValue, eUnit,
          eQuantity, eEnd, eValueCode, eStatus, Arrays.copyOf(eSource, kept));
    }
    int[] keptEvents = new int[kept];
    int k = 0;
    for (int e = 0; e < eventCount; e++) {
      if (!duplicateOfPrevious(e)) {
        keptEvents[k++] = e;
      }
    }
    return gather(offsets, keptEvents, kept);
  }

  /** Counts event {@code e}, an exact duplicate of event {@code previous}, as excluded. */
  private void excludeDuplicate(int e, int previous) {
    reconciliation.unuse(sources.get(eSource[e]), 1);
    reconciliation.excluded("duplicate event", RowLocation.of(sources.get(eSource[e]), eLine[e]),
        "same patient, type, code, dates, value, unit, quantity, coded result and status as line " + eLine[previous]);
  }

  /** The columns of events {@code events[0, kept)}, in that order. */
  private EventColumns gather(int[] offsets, int[] events, int kept) {
    int[] day = new int[kept];
    int[] code = new int[kept];
    double[] value = new double[kept];
    int[] unit = new int[kept];
    double[] quantity = new double[kept];
    byte[] source = new byte[kept];
    int[] end = eEnd == null ? null : new int[kept];
    int[] valueCode = eValueCode == null ? null : new int[kept];
    byte[] status = eStatus == null ? null : new byte[kept];
    for (int k = 0; k < kept; k++) {
      int e = events[k];
      day[k] = eDay[e];
      code[k] = eCode[e];
      value[k] = eValue[e];
      unit[k] = eUnit[e];
      quantity[k] = eQuantity[e];
      source[k] = eSource[e];
      if (end != null) {
        end[k] = eEnd[e];
      }
      if (valueCode != null) {
        valueCode[k] = eValueCode[e];
      }
      if (status != null) {
        status[k] = eStatus[e];
      }
    }
    return new EventColumns(offsets, day, code, value, unit, quantity, end, valueCode, status, source);
  }

  /** Orders a patient's events by date, then code, value, unit, quantity, end, coded result, status and input order. */
  private int compareEvents(int a, int b) {
    if (eDay[a] != eDay[b]) {
      return Integer.compare(eDay[a], eDay[b]);
    }
    if (eCode[a] != eCode[b]) {
      return Integer.compare(eCode[a], eCode[b]);
    }
    int c = Double.compare(eValue[a], eValue[b]);
    if (c != 0) {
      return c;
    }
    if (eUnit[a] != eUnit[b]) {
      return Integer.compare(eUnit[a], eUnit[b]);
    }
    c = Double.compare(eQuantity[a], eQuantity[b]);
    if (c != 0) {
      return c;
    }
    if (eEnd != null && eEnd[a] != eEnd[b]) {
      return Integer.compare(eEnd[a], eEnd[b]);
    }
    if (eValueCode != null && eValueCode[a] != eValueCode[b]) {
      return Integer.compare(eValueCode[a], eValueCode[b]);
    }
    if (eStatus != null && eStatus[a] != eStatus[b]) {
      return Integer.compare(eStatus[a], eStatus[b]);
    }
    return Integer.compare(a, b);
  }

  private boolean sameEvent(int a, int b) {
    return eDay[a] == eDay[b] && eCode[a] == eCode[b] && Double.compare(eValue[a], eValue[b]) == 0
        && eUnit[a] == eUnit[b] && Double.compare(eQuantity[a], eQuantity[b]) == 0
        && (eEnd == null || eEnd[a] == eEnd[b]) && (eValueCode == null || eValueCode[a] == eValueCode[b])
        && (eStatus == null || eStatus[a] == eStatus[b]);
  }

  private interface IntComparator {
    int compare(int a, int b);
  }

  private static void insertionSort(int[] a, int from, int to, IntComparator cmp) {
    if (to - from > 64) {
      Integer[] boxed = new Integer[to - from];
      for (int i = from; i < to; i++) {
        boxed[i - from] = a[i];
      }
      Arrays.sort(boxed, cmp::compare);
      for (int i = from; i < to; i++) {
        a[i] = boxed[i - from];
      }
      return;
    }
    for (int i = from + 1; i < to; i++) {
      int x = a[i];
      int j = i - 1;
      while (j >= from && cmp.compare(a[j], x) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = x;
    }
  }

  /** Where each patient's rows start once ordered by patient; entry {@code patients} is {@code count}. */
  private static int[] patientOffsets(int[] patientOf, int count, int patients) {
    int[] offsets = new int[patients + 1];
    for (int i = 0; i < count; i++) {
      offsets[patientOf[i] + 1]++;
    }
    for (int p = 0; p < patients; p++) {
      offsets[p + 1] += offsets[p];
    }
    return offsets;
  }

  /** Row indices ordered by patient, stable within a patient. */
  private static int[] countingSortByPatient(int[] patientOf, int count, int patients) {
    int[] next = patientOffsets(patientOf, count, patients);
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[next[patientOf[i]]++] = i;
    }
    return order;
  }
}
