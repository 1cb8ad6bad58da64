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

/**
 * Writes result tables as CSV (one line per row, columns documented in
 * {@code docs/data-format.md}) or JSON (rows with provenance and reconciliation).
 */
public final class ResultWriter {

  /** The CSV columns, in order. */
  public static final List<String> CSV_COLUMNS = List.of(
      "indicator_id", "indicator_version", "level", "unit_id", "parent_id", "period_start", "period_end",
      "period", "initial_population", "denominator", "denominator_exclusions", "denominator_exceptions",
      "numerator", "numerator_exclusions", "events", "person_days", "valued", "value");

  private static final CsvMapper CSV = new CsvMapper();
  private static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new Jdk8Module()).addModule(new JavaTimeModule()).addModule(new GuavaModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .build();

  private ResultWriter() {}

  /** Writes to {@code file} as CSV or JSON, chosen by its extension ({@code .csv} or {@code .json}). */
  public static void write(ResultTable table, Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      if (name.endsWith(".json")) {
        writeJson(table, out);
      } else if (name.endsWith(".csv")) {
        writeCsv(table, out);
      } else {
        throw new IllegalArgumentException("cannot tell the format of " + file + ": use a .csv or .json file name");
      }
    }
  }

  /** Writes the rows as CSV with a header line. */
  public static void writeCsv(ResultTable table, Writer out) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    CSV_COLUMNS.forEach(schema::addColumn);
    var writer = CSV.writer(schema.build()).writeValues(out);
    for (ResultRow r : table.rows()) {
      PopulationCounts c = r.counts();
      writer.write(new Object[] {
          r.indicatorId(), r.indicatorVersion(), r.level().code(), r.unitId(), r.parentId(),
          r.period().start().toString(), r.period().end().toString(), r.period().label(),
          c.initialPopulation(), c.denominator(), c.denominatorExclusions(), c.denominatorExceptions(),
          c.numerator(), c.numeratorExclusions(), c.events(), c.personDays(), c.valued(),
          r.value().isPresent() ? Double.toString(r.value().getAsDouble()) : ""});
    }
    writer.flush();
  }

  /** Writes provenance, reconciliation and rows as one JSON document. */
  public static void writeJson(ResultTable table, Writer out) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("provenance", table.provenance());
    Map<String, Object> reconciliation = new LinkedHashMap<>();
    table.reconciliation().counts().forEach((source, lines) -> {
      Map<String, Long> l = new LinkedHashMap<>();
      lines.forEach((line, n) -> l.put(line.toString(), n));
      reconciliation.put(source, l);
    });
    doc.put("reconciliation", reconciliation);
    doc.put("rows", table.rows());
    JSON.writeValue(out, doc);
  }
}
