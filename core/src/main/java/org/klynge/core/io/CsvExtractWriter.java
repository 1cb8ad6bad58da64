package org.klynge.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.klynge.core.data.CodeDictionary;
import org.klynge.core.data.DuplicatePolicy;
import org.klynge.core.data.Extract;
import org.klynge.core.data.PatientData;
import org.klynge.core.model.Clinic;
import org.klynge.core.model.Cluster;
import org.klynge.core.model.DateRange;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.Membership;
import org.klynge.core.model.Municipality;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Practitioner;
import org.klynge.core.model.Region;

/**
 * Writes an extract as a folder of CSV files in the layout {@link CsvExtractReader} reads: the
 * organisation, the as-of dates, and the patients, listings and events that were used (rejected
 * and excluded rows are not in an {@link Extract}, so they are not written). Columns are written
 * in {@link ExtractTable#columns()} order; {@code municipalities.csv}, {@code practitioners.csv}
 * and {@code asof.csv} only when they have rows, and {@code clusters.csv}'s {@code
 * municipality_id} only when a cluster has one. Existing files are replaced. Spaces at either end
 * of a value are not kept, since the readers ignore them.
 *
 * <pre>{@code
 * CsvExtractWriter.write(extract, Path.of("out"));
 * Extract same = CsvExtractReader.create().read(Path.of("out"));
 * }</pre>
 */
public final class CsvExtractWriter {

  private static final CsvFactory FACTORY = CsvFactory.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .build();

  private CsvExtractWriter() {}

  /** Writes the organisation, the as-of dates and the patient data to {@code folder}, creating it if needed. */
  public static void write(Extract extract, Path folder) throws IOException {
    writeOrganisation(extract.organisation(), folder);
    writeAsOf(extract.asOf(), folder);
    writePatientData(extract.patients(), folder);
  }

  /** Writes the organisation files to {@code folder}, creating it if needed. */
  public static void writeOrganisation(Organisation organisation, Path folder) throws IOException {
    Files.createDirectories(folder);
    try (Table t = new Table(folder, ExtractTable.REGIONS)) {
      for (Region r : organisation.regions().values()) {
        t.row(r.id(), r.name());
      }
    }
    if (!organisation.municipalities().isEmpty()) {
      try (Table t = new Table(folder, ExtractTable.MUNICIPALITIES)) {
        for (Municipality m : organisation.municipalities().values()) {
          t.row(m.id(), m.name(), m.regionId());
        }
      }
    }
    boolean municipalities = organisation.clusters().values().stream().anyMatch(c -> c.municipalityId().isPresent());
    try (Table t = new Table(folder, ExtractTable.CLUSTERS, municipalities ? 3 : 2)) {
      for (Cluster c : organisation.clusters().values()) {
        if (municipalities) {
          t.row(c.id(), c.name(), c.municipalityId().orElse(""));
        } else {
          t.row(c.id(), c.name());
        }
      }
    }
    try (Table t = new Table(folder, ExtractTable.CLINICS)) {
      for (Clinic c : organisation.clinics().values()) {
        t.row(c.id(), c.name(), c.providerNumber());
      }
    }
    if (!organisation.practitioners().isEmpty()) {
      try (Table t = new Table(folder, ExtractTable.PRACTITIONERS)) {
        for (Practitioner p : organisation.practitioners().values()) {
          t.row(p.id(), p.name(), p.clinicId());
        }
      }
    }
    try (Table t = new Table(folder, ExtractTable.CLUSTER_MEMBERSHIPS)) {
      for (Membership m : organisation.clusterMemberships()) {
        t.row(m.memberId(), m.parentId(), m.validity().from().toString(), to(m.validity()));
      }
    }
    try (Table t = new Table(folder, ExtractTable.CLUSTER_REGIONS)) {
      for (Membership m : organisation.regionMemberships()) {
        t.row(m.memberId(), m.parentId(), m.validity().from().toString(), to(m.validity()));
      }
    }
  }

  /** Writes {@code asof.csv} to {@code folder} when there are dates, creating the folder if needed. */
  public static void writeAsOf(Map<String, LocalDate> asOf, Path folder) throws IOException {
    if (asOf.isEmpty()) {
      return;
    }
    Files.createDirectories(folder);
    try (Table t = new Table(folder, ExtractTable.AS_OF)) {
      for (Map.Entry<String, LocalDate> e : asOf.entrySet()) {
        t.row(e.getKey(), e.getValue().toString());
      }
    }
  }

  /** Writes {@code patients.csv}, {@code listings.csv} and {@code events.csv} to {@code folder}. */
  public static void writePatientData(PatientData data, Path folder) throws IOException {
    Files.createDirectories(folder);
    try (Table t = new Table(folder, ExtractTable.PATIENTS)) {
      for (int p = 0; p < data.patientCount(); p++) {
        t.row(data.patientId(p), data.sex(p).code(), Dates.format(data.birthDay(p)), day(data.deathDay(p)));
      }
    }
    try (Table t = new Table(folder, ExtractTable.LISTINGS)) {
      for (int p = 0; p < data.patientCount(); p++) {
        for (int l = data.listingStart(p); l < data.listingEnd(p); l++) {
          t.row(data.patientId(p), data.clinicId(data.listingClinic(l)), Dates.format(data.listingFrom(l)),
              day(data.listingTo(l)));
        }
      }
    }
    CodeDictionary codes = data.codes();
    boolean ids = needsEventIds(data);
    boolean attributes = ids || data.hasEventEnds() || data.hasValueCodes() || data.hasStatuses();
    int columns = ExtractTable.EVENTS.columns().size() - (ids ? 0 : 1) - (attributes ? 0 : 3);
    try (Table t = new Table(folder, ExtractTable.EVENTS, columns)) {
      String[] fields = new String[columns];
      for (int p = 0; p < data.patientCount(); p++) {
        String id = data.patientId(p);
        for (int e = data.eventStart(p); e < data.eventEnd(p); e++) {
          CodeDictionary.Entry entry = codes.entry(data.eventCode(e));
          int unit = data.eventUnit(e);
          fields[0] = id;
          fields[1] = entry.type().code();
          fields[2] = entry.code().system().id();
          fields[3] = entry.code().value();
          fields[4] = Dates.format(data.eventDay(e));
          fields[5] = number(data.eventValue(e));
          fields[6] = unit < 0 ? "" : data.units().get(unit);
          fields[7] = number(data.eventQuantity(e));
          if (attributes) {
            int end = data.eventEndDay(e);
            boolean isDefault = end == (PatientData.opensByDefault(entry.type()) ? PatientData.NO_DATE : data.eventDay(e));
            fields[8] = isDefault ? "" : Dates.format(end);
            int coded = data.eventValueCode(e);
            fields[9] = coded < 0 ? "" : data.valueCodes().entry(coded).code().toString();
            fields[10] = data.eventStatus(e).map(EventStatus::code).orElse("");
          }
          if (ids) {
            // only the events an exact twin would merge with on reading back need an id
            boolean twin = (e > data.eventStart(p) && collapses(data, e - 1, e))
                || (e + 1 < data.eventEnd(p) && collapses(data, e, e + 1));
            fields[11] = twin ? Integer.toString(e + 1) : "";
          }
          t.row(fields);
        }
      }
    }
  }

  /**
   * Whether two events of one patient are exact duplicates where their type counts them once by
   * default: only ids (one per event) keep them apart when the files are read back.
   */
  private static boolean needsEventIds(PatientData data) {
    for (int p = 0; p < data.patientCount(); p++) {
      for (int e = data.eventStart(p) + 1; e < data.eventEnd(p); e++) {
        if (collapses(data, e - 1, e)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether events {@code a} and {@code b} (next to each other, of one patient) are exact
   * duplicates of a type that counts them once by default: read back without ids, they would be one.
   */
  private static boolean collapses(PatientData data, int a, int b) {
    return data.eventDay(b) == data.eventDay(a) && data.eventCode(b) == data.eventCode(a)
        && Double.compare(data.eventValue(b), data.eventValue(a)) == 0 && data.eventUnit(b) == data.eventUnit(a)
        && Double.compare(data.eventQuantity(b), data.eventQuantity(a)) == 0
        && data.eventEndDay(b) == data.eventEndDay(a) && data.eventValueCode(b) == data.eventValueCode(a)
        && data.eventStatusCode(b) == data.eventStatusCode(a)
        && DuplicatePolicy.defaultFor(data.codes().entry(data.eventCode(b)).type()) == DuplicatePolicy.COUNT_ONCE;
  }


  private static String to(DateRange range) {
    return range.to().map(LocalDate::toString).orElse("");
  }

  private static String day(int day) {
    return day == PatientData.NO_DATE ? "" : Dates.format(day);
  }

  /** A value as the shortest text that reads back as the same double; whole numbers without {@code .0}. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15 && !isNegativeZero(value)) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  private static boolean isNegativeZero(double value) {
    return value == 0 && Double.doubleToRawLongBits(value) != 0;
  }

  /** One CSV file with a header, written row by row. */
  private static final class Table implements AutoCloseable {
    private final CsvGenerator out;

    Table(Path folder, ExtractTable table) throws IOException {
      this(folder, table, table.columns().size());
    }

    /** A file with the first {@code columns} of the table's columns. */
    Table(Path folder, ExtractTable table, int columns) throws IOException {
      Writer writer = Files.newBufferedWriter(folder.resolve(table.fileName()), StandardCharsets.UTF_8);
      CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
      table.columns().subList(0, columns).forEach(schema::addColumn);
      out = FACTORY.createGenerator(writer);
      out.setSchema(schema.build());
      out.enable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    void row(String... fields) throws IOException {
      out.writeStartArray();
      for (String f : fields) {
        out.writeString(f);
      }
      out.writeEndArray();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
