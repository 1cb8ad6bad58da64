package org.klynge.core.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.klynge.core.data.DuplicatePolicy;
import org.klynge.core.data.Extract;
import org.klynge.core.data.ExtractBuilder;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.Rejection;
import org.klynge.core.data.RowLocation;
import org.klynge.core.model.Clinic;
import org.klynge.core.model.Cluster;
import org.klynge.core.model.Code;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.CodeSystems;
import org.klynge.core.model.DateRange;
import org.klynge.core.model.EventAttributes;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;
import org.klynge.core.model.Municipality;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Practitioner;
import org.klynge.core.model.Region;
import org.klynge.core.model.Sex;

/**
 * Turns rows of text into an {@link Extract}, with the rules both readers share. A reader calls
 * {@link #start} for each table it has, in {@link ExtractTable} order, feeds every row to the
 * handler it gets, calls {@link #finish} after the table's last row, and {@link #build} at the
 * end. Rows arrive as an array of fields that the reader reuses for the next row.
 *
 * <p>Organisation rows are collected and checked together (ids, references, overlapping
 * memberships) before the first patient-data table; any problem there is fatal. Patient-data
 * rows are parsed here and passed to {@link ExtractBuilder}, which applies the rules that do not
 * depend on the text (unknown patient, date range, duplicates...).
 */
final class ExtractAssembler {

  /** In strict mode, reading stops after this many rejected rows. */
  static final int STRICT_LIMIT = ExtractException.PROBLEMS_IN_MESSAGE;

  /** Receives the rows of one table. */
  interface RowHandler {
    /** One row; the view is only valid during the call. */
    void row(Row row);

    /** The fields a reader may read ahead for this handler, on its own thread. */
    default ReadAhead readAhead() {
      return ReadAhead.NONE;
    }
  }

  private record Membership(String member, String parent, DateRange validity, RowLocation where) {}

  private record Reference(ExtractTable kind, String id, RowLocation where) {}

  private static final EventType[] EVENT_TYPES = EventType.values();
  private static final Sex[] SEXES = Sex.values();

  private final boolean strict;
  private final CodeSystems systems;
  private final CodeSystem[] codeSystems;
  private final Map<EventType, DuplicatePolicy> duplicates;

  // organisation, until it is built
  private final Organisation.Builder organisation = Organisation.builder();
  private final List<Rejection> problems = new ArrayList<>();
  private final Map<ExtractTable, Map<String, RowLocation>> defined = new EnumMap<>(ExtractTable.class);
  private final List<Reference> references = new ArrayList<>();
  private final List<Membership> clusterMemberships = new ArrayList<>();
  private final List<Membership> regionMemberships = new ArrayList<>();
  private final Map<String, LocalDate> asOf = new LinkedHashMap<>();
  private final Map<String, RowLocation> asOfAt = new HashMap<>();
  private final Map<String, Long> organisationRows = new LinkedHashMap<>();

  // patient data, once the organisation is built
  private ExtractBuilder data;
  private CodeSystem lastSystem;
  private long rejections;

  ExtractAssembler(boolean strict, CodeSystems systems, Map<EventType, DuplicatePolicy> duplicates) {
    this.strict = strict;
    this.systems = systems;
    this.duplicates = duplicates;
    this.codeSystems = systems.all().toArray(CodeSystem[]::new);
  }

  /**
   * An assembler of patient data alone, for patients of {@code organisation}'s clinics: the
   * organisation is given, not read, so only patient-data tables may be started.
   */
  ExtractAssembler(Organisation organisation, CodeSystems systems, Map<EventType, DuplicatePolicy> duplicates) {
    this(false, systems, duplicates);
    data = ExtractBuilder.create(organisation, systems);
    duplicates.forEach(data::duplicates);
  }

  /** The handler for the rows of {@code columns.table()}. */
  RowHandler start(Columns columns) {
    ExtractTable table = columns.table();
    if (table.fatal()) {
      if (data != null) {
        throw new IllegalStateException(table + " read after the patient data");
      }
      organisationRows.putIfAbsent(columns.source(), 0L);
      return new OrganisationRows(columns);
    }
    buildOrganisation();
    switch (table) {
      case PATIENTS:
        return new PatientRows(columns);
      case LISTINGS:
        return new ListingRows(columns);
      case EVENTS:
        return new EventRows(columns);
      default:
        throw new IllegalStateException("no rows for " + table);
    }
  }

  /** Records that {@code source}'s data is complete to {@code date}, for an assembler of patient data alone. */
  void asOf(String source, LocalDate date) {
    data.asOf(source, date);
  }

  /** A hint that {@code table} will have about {@code rows} rows, so room is made at once. */
  void expect(ExtractTable table, long rows) {
    int n = (int) Math.min(Integer.MAX_VALUE - 8, rows);
    switch (table) {
      case PATIENTS:
        data.expect(n, 0, 0);
        break;
      case LISTINGS:
        data.expect(0, n, 0);
        break;
      case EVENTS:
        data.expect(0, 0, n);
        break;
      default:
        break; // organisation tables are small
    }
  }

  /** Called after a table's last row; in strict mode, fails if any row was rejected. */
  void finish(ExtractTable table) {
    if (!table.fatal() && strict && rejections > 0) {
      throw strictFailure();
    }
  }

  /** The extract; in strict mode, fails if any row was rejected. */
  Extract build() {
    buildOrganisation();
    Extract extract = data.build();
    if (strict && extract.reconciliation().hasRejections()) {
      throw strictFailure(extract.reconciliation().examples());
    }
    return extract;
  }

  private ExtractException strictFailure() {
    return strictFailure(data.reconciliation().build().examples());
  }

  private static ExtractException strictFailure(List<Rejection> examples) {
    List<Rejection> rejected = examples.stream().filter(r -> r.outcome() == Outcome.REJECTED)
        .collect(Collectors.toList());
    return new ExtractException("rows rejected in strict mode", rejected);
  }

  // ---- organisation

  private void buildOrganisation() {
    if (data != null) {
      return;
    }
    for (Reference r : references) {
      if (!defined.getOrDefault(r.kind(), Map.of()).containsKey(r.id())) {
        problem(Reasons.UNKNOWN_REFERENCE, r.where(), "no " + kindName(r.kind()) + " " + r.id() + " in "
            + r.kind().tableName());
      }
    }
    checkOverlaps(clusterMemberships, "clinic", "cluster");
    checkOverlaps(regionMemberships, "cluster", "region");
    if (!problems.isEmpty()) {
      throw new ExtractException("invalid organisation", problems);
    }
    clusterMemberships.forEach(m -> organisation.clinicInCluster(m.member(), m.parent(), m.validity()));
    regionMemberships.forEach(m -> organisation.clusterInRegion(m.member(), m.parent(), m.validity()));
    Organisation built;
    try {
      built = organisation.build();
    } catch (IllegalArgumentException e) {
      throw new ExtractException("invalid organisation",
          List.of(new Rejection(Outcome.REJECTED, "inconsistent organisation", RowLocation.of("organisation", 0),
              e.getMessage())));
    }
    data = ExtractBuilder.create(built, systems);
    duplicates.forEach(data::duplicates);
    organisationRows.forEach((source, n) -> data.reconciliation().used(source, n));
    asOf.forEach(data::asOf);
  }

  private void checkOverlaps(List<Membership> memberships, String memberKind, String parentKind) {
    Map<String, List<Membership>> byMember = memberships.stream()
        .collect(Collectors.groupingBy(Membership::member, LinkedHashMap::new, Collectors.toList()));
    for (List<Membership> list : byMember.values()) {
      list.sort(Comparator.comparing(m -> m.validity().from()));
      for (int i = 1; i < list.size(); i++) {
        Membership before = list.get(i - 1);
        Membership m = list.get(i);
        if (before.validity().overlaps(m.validity())) {
          problem(Reasons.OVERLAPPING_MEMBERSHIP, m.where().at("valid_from"),
              memberKind + " " + m.member() + " is in " + parentKind + " " + before.parent() + " during "
                  + before.validity() + " (line " + before.where().line() + ")");
        }
      }
    }
  }

  private static String kindName(ExtractTable kind) {
    switch (kind) {
      case REGIONS:
        return "region";
      case MUNICIPALITIES:
        return "municipality";
      case CLUSTERS:
        return "cluster";
      case CLINICS:
        return "clinic";
      default:
        return kind.tableName();
    }
  }

  private void problem(String reason, RowLocation where, String detail) {
    problems.add(new Rejection(Outcome.REJECTED, reason, where, detail));
  }

  /** Rows of an organisation table (or the as-of dates): collected, every problem noted. */
  private final class OrganisationRows implements RowHandler {
    private final Columns columns;
    private final ExtractTable table;
    private final String[] names;
    private final int[] index;

    OrganisationRows(Columns columns) {
      this.columns = columns;
      this.table = columns.table();
      this.names = table.columns().toArray(String[]::new);
      this.index = new int[names.length];
      for (int i = 0; i < names.length; i++) {
        index[i] = columns.index(names[i]);
      }
    }

    @Override
    public void row(Row row) {
      RowLocation where = RowLocation.of(columns.source(), row.line());
      organisationRows.merge(columns.source(), 1L, Long::sum);
      if (row.count() != columns.width()) {
        problem(Reasons.WRONG_NUMBER_OF_FIELDS, where, "expected " + columns.width() + ", found " + row.count());
        return;
      }
      int before = problems.size();
      String[] v = new String[names.length];
      for (int i = 0; i < names.length; i++) {
        v[i] = index[i] < 0 ? "" : row.text(index[i]);
        if (v[i].isEmpty() && i < table.requiredColumns().size()) {
          problem(Reasons.MISSING_VALUE, where.at(names[i]), "");
        }
      }
      if (problems.size() > before) {
        return;
      }
      switch (table) {
        case REGIONS:
          define(table, v[0], where.at(names[0]));
          organisation.region(new Region(v[0], v[1]));
          break;
        case MUNICIPALITIES:
          define(table, v[0], where.at(names[0]));
          references.add(new Reference(ExtractTable.REGIONS, v[2], where.at(names[2])));
          organisation.municipality(new Municipality(v[0], v[1], v[2]));
          break;
        case CLUSTERS:
          define(table, v[0], where.at(names[0]));
          organisation.cluster(new Cluster(v[0], v[1], v[2].isEmpty() ? Optional.empty() : Optional.of(v[2])));
          break;
        case CLINICS:
          define(table, v[0], where.at(names[0]));
          organisation.clinic(new Clinic(v[0], v[1], v[2]));
          break;
        case PRACTITIONERS:
          define(table, v[0], where.at(names[0]));
          references.add(new Reference(ExtractTable.CLINICS, v[2], where.at(names[2])));
          organisation.practitioner(new Practitioner(v[0], v[1], v[2]));
          break;
        case CLUSTER_MEMBERSHIPS:
          membership(v, where, ExtractTable.CLINICS, ExtractTable.CLUSTERS, clusterMemberships);
          break;
        case CLUSTER_REGIONS:
          membership(v, where, ExtractTable.CLUSTERS, ExtractTable.REGIONS, regionMemberships);
          break;
        case AS_OF:
          LocalDate date = date(v[1], where.at(names[1]));
          if (date != null) {
            RowLocation first = asOfAt.putIfAbsent(v[0], where);
            if (first != null) {
              problem(Reasons.DUPLICATE_ID, where.at(names[0]), v[0] + " is also on line " + first.line());
            } else {
              asOf.put(v[0], date);
            }
          }
          break;
        default:
          throw new IllegalStateException("not an organisation table: " + table);
      }
    }

    private void membership(String[] v, RowLocation where, ExtractTable memberKind, ExtractTable parentKind,
        List<Membership> into) {
      LocalDate from = date(v[2], where.at(names[2]));
      LocalDate to = v[3].isEmpty() ? null : date(v[3], where.at(names[3]));
      references.add(new Reference(memberKind, v[0], where.at(names[0])));
      references.add(new Reference(parentKind, v[1], where.at(names[1])));
      if (from == null || (!v[3].isEmpty() && to == null)) {
        return;
      }
      if (to != null && to.isBefore(from)) {
        problem(Reasons.ENDS_BEFORE_IT_STARTS, where.at(names[3]), to + " < " + from);
        return;
      }
      into.add(new Membership(v[0], v[1], new DateRange(from, Optional.ofNullable(to)), where));
    }

    private LocalDate date(String text, RowLocation where) {
      LocalDate date = Dates.parse(text);
      if (date == null) {
        problem(Reasons.UNPARSEABLE_DATE, where, text);
      }
      return date;
    }

    private void define(ExtractTable kind, String id, RowLocation where) {
      RowLocation first = defined.computeIfAbsent(kind, k -> new HashMap<>()).putIfAbsent(id, where);
      if (first != null) {
        problem(Reasons.DUPLICATE_ID, where, id + " is also on line " + first.line());
      }
    }
  }

  // ---- patient data

  private void reject(String reason, RowLocation where, String detail) {
    data.reconciliation().rejected(reason, where, detail);
    counted();
  }

  private void counted() {
    rejections++;
    if (strict && rejections >= STRICT_LIMIT) {
      throw strictFailure();
    }
  }

  /** Whether the row has as many fields as the header; rejects it if not. */
  private boolean widthOk(Columns columns, Row row, RowLocation where) {
    if (row.count() == columns.width()) {
      return true;
    }
    reject(Reasons.WRONG_NUMBER_OF_FIELDS, where, "expected " + columns.width() + ", found " + row.count());
    return false;
  }

  /** Whether the columns that need a value have one; rejects the row at the first that has not. */
  private boolean present(Row row, int[] indices, String[] columns, RowLocation where) {
    for (int i = 0; i < indices.length; i++) {
      if (row.isEmpty(indices[i])) {
        reject(Reasons.MISSING_VALUE, where.at(columns[i]), "");
        return false;
      }
    }
    return true;
  }

  /** The date in field {@code index}, or null (and the row rejected) when it is not one. */
  private LocalDate date(Row row, int index, String column, RowLocation where) {
    int day = row.day(index);
    if (day == Dates.INVALID) {
      reject(Reasons.UNPARSEABLE_DATE, where.at(column), row.text(index));
      return null;
    }
    return Dates.date(day);
  }

  private final class PatientRows implements RowHandler {
    private static final String[] REQUIRED = {"patient_id", "birth_date"};
    private final Columns columns;
    private final int[] required;
    private final int id;
    private final int sex;
    private final int birth;
    private final int death;

    PatientRows(Columns columns) {
      this.columns = columns;
      id = columns.index("patient_id");
      sex = columns.index("sex");
      birth = columns.index("birth_date");
      death = columns.index("death_date");
      required = new int[] {id, birth};
    }

    @Override
    public ReadAhead readAhead() {
      return new ReadAhead(new int[] {birth, death}, new int[0], new int[0], new int[] {id});
    }

    /** The sex in the row ({@code U} when empty), or null when it is not one of the codes. */
    private Sex sex(Row row) {
      if (row.isEmpty(sex)) {
        return Sex.UNKNOWN;
      }
      for (Sex s : SEXES) {
        if (row.is(sex, s.code())) {
          return s;
        }
      }
      return null;
    }

    @Override
    public void row(Row row) {
      RowLocation where = RowLocation.of(columns.source(), row.line());
      if (!widthOk(columns, row, where) || !present(row, required, REQUIRED, where)) {
        return;
      }
      Sex s = sex(row);
      if (s == null) {
        reject(Reasons.UNRECOGNISED_SEX, where.at("sex"), row.text(sex) + " (expected " + Sex.validCodes()
            + ", or empty for unknown)");
        return;
      }
      LocalDate birthDate = date(row, birth, "birth_date", where);
      if (birthDate == null) {
        return;
      }
      Optional<LocalDate> deathDate = optionalDate(row, death, "death_date", where);
      if (deathDate == null) {
        return;
      }
      if (!data.patient(row.text(id), s, birthDate, deathDate, where)) {
        counted();
      }
    }
  }

  /**
   * The optional date in field {@code index}: empty when blank; {@code null} when it cannot be
   * read, in which case the row has been rejected already.
   */
  private Optional<LocalDate> optionalDate(Row row, int index, String column, RowLocation where) {
    if (index < 0 || row.isEmpty(index)) {
      return Optional.empty();
    }
    LocalDate d = date(row, index, column, where);
    return d == null ? null : Optional.of(d);
  }

  private final class ListingRows implements RowHandler {
    private static final String[] REQUIRED = {"patient_id", "clinic_id", "valid_from"};
    private final Columns columns;
    private final int[] required;
    private final int patient;
    private final int clinic;
    private final int from;
    private final int to;

    ListingRows(Columns columns) {
      this.columns = columns;
      patient = columns.index("patient_id");
      clinic = columns.index("clinic_id");
      from = columns.index("valid_from");
      to = columns.index("valid_to");
      required = new int[] {patient, clinic, from};
    }

    @Override
    public ReadAhead readAhead() {
      return new ReadAhead(new int[] {from, to}, new int[0], new int[] {clinic}, new int[] {patient});
    }

    @Override
    public void row(Row row) {
      RowLocation where = RowLocation.of(columns.source(), row.line());
      if (!widthOk(columns, row, where) || !present(row, required, REQUIRED, where)) {
        return;
      }
      LocalDate fromDate = date(row, from, "valid_from", where);
      if (fromDate == null) {
        return;
      }
      Optional<LocalDate> toDate = optionalDate(row, to, "valid_to", where);
      if (toDate == null) {
        return;
      }
      if (!data.listing(row.text(patient), row.text(clinic), fromDate, toDate, where)) {
        counted();
      }
    }
  }

  private final class EventRows implements RowHandler {
    private static final String[] REQUIRED = {"patient_id", "type", "system", "code", "date"};
    private final Columns columns;
    private final int[] required;
    private final int patient;
    private final int type;
    private final int system;
    private final int code;
    private final int date;
    private final int value;
    private final int unit;
    private final int quantity;
    private final int endDate;
    private final int valueCode;
    private final int status;
    private final int eventId;
    /** Whether the table has any of the columns beyond {@code value, unit, quantity}. */
    private final boolean attributed;

    EventRows(Columns columns) {
      this.columns = columns;
      patient = columns.index("patient_id");
      type = columns.index("type");
      system = columns.index("system");
      code = columns.index("code");
      date = columns.index("date");
      value = columns.index("value");
      unit = columns.index("unit");
      quantity = columns.index("quantity");
      endDate = columns.index("end_date");
      valueCode = columns.index("value_code");
      status = columns.index("status");
      eventId = columns.index("event_id");
      attributed = endDate >= 0 || valueCode >= 0 || status >= 0 || eventId >= 0;
      required = new int[] {patient, type, system, code, date};
    }

    @Override
    public ReadAhead readAhead() {
      return new ReadAhead(new int[] {date, endDate}, new int[] {value, quantity}, new int[] {code, unit, valueCode,
          status}, new int[] {patient});
    }

    @Override
    public void row(Row row) {
      RowLocation where = RowLocation.of(columns.source(), row.line());
      if (!widthOk(columns, row, where) || !present(row, required, REQUIRED, where)) {
        return;
      }
      EventType eventType = eventType(row, type);
      if (eventType == null) {
        reject(Reasons.UNKNOWN_EVENT_TYPE, where.at("type"), row.text(type));
        return;
      }
      CodeSystem codeSystem = codeSystem(row, system);
      if (codeSystem == null) {
        reject(Reasons.UNKNOWN_CODE_SYSTEM, where.at("system"), row.text(system) + " (known: " + systems.ids() + ")");
        return;
      }
      LocalDate day = date(row, date, "date", where);
      if (day == null) {
        return;
      }
      double v = number(row, value, "value", where);
      double q = v == Numbers.INVALID ? v : number(row, quantity, "quantity", where);
      if (q == Numbers.INVALID) {
        return;
      }
      String unitText = unit < 0 ? "" : row.text(unit);
      EventAttributes attributes = attributed ? attributes(row, where) : EventAttributes.NONE;
      if (attributes == null) {
        return;
      }
      if (!data.event(row.text(patient), eventType, codeSystem, row.text(code), day, v, unitText, q, attributes,
          where)) {
        counted();
      }
    }

    /** The row's end, coded result, status and id; null (and the row rejected) when one cannot be read. */
    private EventAttributes attributes(Row row, RowLocation where) {
      Optional<LocalDate> end = optionalDate(row, endDate, "end_date", where);
      if (end == null) {
        return null;
      }
      Optional<Code> coded = Optional.empty();
      if (valueCode >= 0 && !row.isEmpty(valueCode)) {
        String text = row.text(valueCode);
        int colon = text.indexOf(':');
        CodeSystem valueSystem = colon <= 0 ? null : systemNamed(text.substring(0, colon));
        if (colon <= 0 || colon == text.length() - 1) {
          reject(Reasons.UNREADABLE_VALUE_CODE, where.at("value_code"), text + " (expected system:code, e.g. "
              + "snomed:77176002)");
          return null;
        }
        if (valueSystem == null) {
          reject(Reasons.UNKNOWN_CODE_SYSTEM, where.at("value_code"), text + " (known: " + systems.ids() + ")");
          return null;
        }
        coded = Optional.of(new Code(valueSystem, text.substring(colon + 1)));
      }
      Optional<EventStatus> recorded = Optional.empty();
      if (status >= 0 && !row.isEmpty(status)) {
        recorded = EventStatus.fromCode(row.text(status));
        if (recorded.isEmpty()) {
          reject(Reasons.UNKNOWN_STATUS, where.at("status"), row.text(status) + " (expected one of "
              + EventStatus.validCodes() + ", or empty)");
          return null;
        }
      }
      Optional<String> id = eventId < 0 || row.isEmpty(eventId) ? Optional.empty() : Optional.of(row.text(eventId));
      return new EventAttributes(end, coded, recorded, id);
    }

    /** NaN for an empty field; {@link Numbers#INVALID} (and the row rejected) when unparseable. */
    private double number(Row row, int index, String column, RowLocation where) {
      if (index < 0 || row.isEmpty(index)) {
        return Double.NaN;
      }
      double n = row.number(index);
      if (n == Numbers.INVALID) {
        reject(Reasons.UNPARSEABLE_NUMBER, where.at(column), row.text(index));
        return Numbers.INVALID;
      }
      return n;
    }
  }

  private static EventType eventType(Row row, int index) {
    for (EventType t : EVENT_TYPES) {
      if (row.is(index, t.code())) {
        return t;
      }
    }
    return null;
  }

  /** The system with id {@code id} (ignoring case), or null when it is not known. */
  private CodeSystem systemNamed(String id) {
    for (CodeSystem s : codeSystems) {
      if (s.id().equalsIgnoreCase(id)) {
        return s;
      }
    }
    return null;
  }

  /** The system the row names, the one of the previous row tried first; null when it is not known. */
  private CodeSystem codeSystem(Row row, int index) {
    if (lastSystem != null && row.isIgnoringCase(index, lastSystem.id())) {
      return lastSystem;
    }
    for (CodeSystem s : codeSystems) {
      if (row.isIgnoringCase(index, s.id())) {
        lastSystem = s;
        return s;
      }
    }
    return null;
  }
}
