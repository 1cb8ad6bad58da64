package org.klynge.core.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.guava.GuavaModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.klynge.core.data.Reconciliation;
import org.klynge.core.disclosure.Status;
import org.klynge.core.stats.Fulfilment;
import org.klynge.core.stats.Interval;
import org.klynge.core.stats.OverdispersionEstimate;

/**
 * Writes result tables as CSV (one line per row, columns documented in
 * {@code docs/data-format.md}, section "Result files") or JSON (rows with provenance and
 * reconciliation): a {@link ResultTable} with all counts, for use inside the organisation that
 * holds the data, or a {@link PublishedTable} after disclosure control, with statistics.
 */
public final class ResultWriter {

  /** The CSV columns, in order. */
  public static final List<String> CSV_COLUMNS = List.of(
      "indicator_id", "indicator_version", "level", "unit_id", "parent_id", "period_start", "period_end",
      "period", "initial_population", "denominator", "denominator_exclusions", "denominator_exceptions",
      "numerator", "numerator_exclusions", "events", "person_days", "valued", "sum", "not_summed",
      "value");

  /** The CSV columns of a published table ({@link #writeCsv(PublishedTable, Writer)}), in order. */
  public static final List<String> PUBLISHED_CSV_COLUMNS = List.of(
      "indicator_id", "indicator_version", "level", "unit_id", "parent_id", "period_start", "period_end",
      "period", "status", "numerator", "denominator", "value", "ci_lower", "ci_upper",
      "standard_point", "standard_with_uncertainty", "funnel_parent_value", "funnel_95_lower", "funnel_95_upper",
      "funnel_998_lower", "funnel_998_upper", "funnel_phi", "funnel_overdispersed", "comparison", "vs_rest",
      "vs_rest_lower", "vs_rest_upper", "vs_nation", "vs_nation_lower", "vs_nation_upper",
      "numerator_population", "denominator_population", "numerator_kind", "own_clinic", "rounded_to",
      "data_incomplete", "clinics_ranked", "national_percentile", "clinic_deciles");

  private static final CsvMapper CSV = CsvMapper.builder()
      .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
  private static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new Jdk8Module()).addModule(new JavaTimeModule()).addModule(new GuavaModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .build();

  private ResultWriter() {}

  /** Writes to {@code file} as CSV or JSON, chosen by its extension ({@code .csv} or {@code .json}). */
  public static void write(ResultTable table, Path file) throws IOException {
    write(file, out -> writeCsv(table, out), out -> writeJson(table, out));
  }

  /**
   * Writes a published table to {@code file} as CSV or JSON, chosen by its extension ({@code .csv}
   * or {@code .json}).
   */
  public static void write(PublishedTable table, Path file) throws IOException {
    write(file, out -> writeCsv(table, out), out -> writeJson(table, out));
  }

  /** Writing to an open writer. */
  private interface Body {
    void writeTo(Writer out) throws IOException;
  }

  private static void write(Path file, Body csv, Body json) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Body body = name.endsWith(".json") ? json : name.endsWith(".csv") ? csv : null;
    if (body == null) {
      throw new IllegalArgumentException("cannot tell the format of " + file + ": use a .csv or .json file name");
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      body.writeTo(out);
    }
  }

  /**
   * Writes a published table as CSV with a header line ({@link #PUBLISHED_CSV_COLUMNS}). A
   * suppressed row has status {@code suppressed} and empty counts, value and statistics; an empty
   * cell in a shown row means there is no number (zero denominator, or not applicable).
   */
  public static void writeCsv(PublishedTable table, Writer out) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    PUBLISHED_CSV_COLUMNS.forEach(schema::addColumn);
    var writer = CSV.writer(schema.build()).writeValues(out);
    for (PublishedRow r : table.rows()) {
      Map<String, Object> fields = fields(r, roundedTo(table));
      writer.write(PUBLISHED_CSV_COLUMNS.stream().map(c -> {
        Object v = fields.get(c);
        return v == null ? "" : v.toString();
      }).toArray());
    }
    writer.flush();
  }

  /**
   * Writes a published table as one JSON document: the disclosure settings, provenance,
   * reconciliation and the rows, each with the fields of the CSV columns ({@code null} where the CSV
   * cell is empty).
   */
  public static void writeJson(PublishedTable table, Writer out) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    Map<String, Object> disclosure = new LinkedHashMap<>();
    disclosure.put("audience", table.viewer().audience().code());
    disclosure.put("threshold", table.threshold());
    disclosure.put("protection", table.protection());
    disclosure.put("round_to", table.policy().roundingBase().isPresent() ? table.policy().roundingBase().getAsInt() : null);
    doc.put("disclosure", disclosure);
    doc.put("provenance", table.provenance());
    doc.put("reconciliation", reconciliation(table.reconciliation()));
    doc.put("rows", table.rows().stream().map(r -> fields(r, roundedTo(table))).toList());
    JSON.writeValue(out, doc);
  }

  /** The fields of a published row by column name; absent numbers are {@code null}. */
  static Map<String, Object> fields(PublishedRow r, Integer roundedTo) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("indicator_id", r.indicatorId());
    f.put("indicator_version", r.indicatorVersion());
    f.put("level", r.level().code());
    f.put("unit_id", r.unitId());
    f.put("parent_id", r.parentId());
    f.put("period_start", r.period().start().toString());
    f.put("period_end", r.period().end().toString());
    f.put("period", r.period().label());
    f.put("status", r.status());
    f.put("numerator", r.numerator().count().isPresent() ? r.numerator().count().getAsLong() : null);
    f.put("denominator", r.denominator().count().isPresent() ? r.denominator().count().getAsLong() : null);
    f.put("value", r.value().value().isPresent() ? r.value().value().getAsDouble() : null);
    RowStatistics s = r.statistics();
    f.put("ci_lower", s.interval().map(Interval::lower).orElse(null));
    f.put("ci_upper", s.interval().map(Interval::upper).orElse(null));
    f.put("standard_point", s.standard().map(a -> code(a.point())).orElse(null));
    f.put("standard_with_uncertainty", s.standard().map(a -> code(a.withUncertainty())).orElse(null));
    f.put("funnel_parent_value", s.funnel().map(Funnel::parentValue).orElse(null));
    f.put("funnel_95_lower", s.funnel().map(x -> x.inner().lower()).orElse(null));
    f.put("funnel_95_upper", s.funnel().map(x -> x.inner().upper()).orElse(null));
    f.put("funnel_998_lower", s.funnel().map(x -> x.outer().lower()).orElse(null));
    f.put("funnel_998_upper", s.funnel().map(x -> x.outer().upper()).orElse(null));
    f.put("funnel_phi", s.funnel().flatMap(Funnel::overdispersion).map(OverdispersionEstimate::phi).orElse(null));
    f.put("funnel_overdispersed",
        s.funnel().flatMap(Funnel::overdispersion).map(OverdispersionEstimate::overdispersed).orElse(null));
    f.put("comparison", s.vsRest().or(s::vsNation).map(c -> c.kind().code()).orElse(null));
    f.put("vs_rest", s.vsRest().map(c -> c.estimate().value()).orElse(null));
    f.put("vs_rest_lower", s.vsRest().map(c -> c.estimate().interval().lower()).orElse(null));
    f.put("vs_rest_upper", s.vsRest().map(c -> c.estimate().interval().upper()).orElse(null));
    f.put("vs_nation", s.vsNation().map(c -> c.estimate().value()).orElse(null));
    f.put("vs_nation_lower", s.vsNation().map(c -> c.estimate().interval().lower()).orElse(null));
    f.put("vs_nation_upper", s.vsNation().map(c -> c.estimate().interval().upper()).orElse(null));
    f.put("numerator_population", r.counted().numerator());
    f.put("denominator_population", r.counted().denominator());
    f.put("numerator_kind", r.counted().kind().code());
    f.put("own_clinic", r.ownClinic());
    f.put("rounded_to", roundedTo);
    f.put("data_incomplete", r.value().status() == Status.DATA_INCOMPLETE);
    f.put("clinics_ranked", s.standing().map(NationalStanding::clinicsRanked).orElse(null));
    f.put("national_percentile", s.standing().flatMap(n -> n.percentile().isPresent()
        ? java.util.Optional.of(n.percentile().getAsDouble()) : java.util.Optional.empty()).orElse(null));
    f.put("clinic_deciles", s.standing().filter(n -> !n.deciles().isEmpty())
        .map(n -> n.deciles().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(";")))
        .orElse(null));
    return f;
  }

  static Integer roundedTo(PublishedTable table) {
    return table.policy().roundingBase().isPresent() ? table.policy().roundingBase().getAsInt() : null;
  }

  private static String code(Fulfilment f) {
    return f.name().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> reconciliation(Reconciliation rec) {
    Map<String, Object> reconciliation = new LinkedHashMap<>();
    rec.counts().forEach((source, lines) -> {
      Map<String, Long> l = new LinkedHashMap<>();
      lines.forEach((line, n) -> l.put(line.toString(), n));
      reconciliation.put(source, l);
    });
    return reconciliation;
  }

  /** Writes the rows as CSV with a header line. */
  public static void writeCsv(ResultTable table, Writer out) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    CSV_COLUMNS.forEach(schema::addColumn);
    var writer = CSV.writer(schema.build()).writeValues(out);
    for (ResultRow r : table.rows()) {
      Map<String, Object> fields = fields(r);
      writer.write(CSV_COLUMNS.stream().map(c -> {
        Object v = fields.get(c);
        return v == null ? "" : v.toString();
      }).toArray());
    }
    writer.flush();
  }

  /** The fields of an unpublished row by column name ({@link #CSV_COLUMNS}); an empty value is {@code null}. */
  static Map<String, Object> fields(ResultRow r) {
    Map<String, Object> f = new LinkedHashMap<>();
    PopulationCounts c = r.counts();
    f.put("indicator_id", r.indicatorId());
    f.put("indicator_version", r.indicatorVersion());
    f.put("level", r.level().code());
    f.put("unit_id", r.unitId());
    f.put("parent_id", r.parentId());
    f.put("period_start", r.period().start().toString());
    f.put("period_end", r.period().end().toString());
    f.put("period", r.period().label());
    f.put("initial_population", c.initialPopulation());
    f.put("denominator", c.denominator());
    f.put("denominator_exclusions", c.denominatorExclusions());
    f.put("denominator_exceptions", c.denominatorExceptions());
    f.put("numerator", c.numerator());
    f.put("numerator_exclusions", c.numeratorExclusions());
    f.put("events", c.events());
    f.put("person_days", c.personDays());
    f.put("valued", c.valued());
    f.put("sum", c.sum());
    f.put("not_summed", c.notSummed());
    f.put("value", r.value().isPresent() ? r.value().getAsDouble() : null);
    return f;
  }

  /** Writes provenance, reconciliation and rows as one JSON document. */
  public static void writeJson(ResultTable table, Writer out) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("provenance", table.provenance());
    doc.put("reconciliation", reconciliation(table.reconciliation()));
    doc.put("rows", table.rows());
    JSON.writeValue(out, doc);
  }
}
