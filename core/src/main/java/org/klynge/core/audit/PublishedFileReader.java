package org.klynge.core.audit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads published result files, CSV or JSON by the file's extension, into {@link AuditTable}s.
 *
 * <p>CSV: a header row naming the columns, then one row per line (RFC 4180 quoting). JSON:
 * {@code {"rows": [ {column: value, …}, … ]}} with the same names and {@code null} for empty; other top-level
 * fields ({@code disclosure}, {@code provenance}, {@code reconciliation}) are skipped. Columns the audit does
 * not need are ignored; a missing one it needs is an error naming it. Every error names the file, the line
 * and the column (field): {@code results.csv:7 [numerator]: not a count: 'x'}.
 */
public final class PublishedFileReader {

  /** The columns the audit reads. */
  public static final List<String> REQUIRED_COLUMNS = List.of("indicator_id", "level", "unit_id", "parent_id",
      "period_start", "period_end", "period", "status", "numerator", "denominator", "numerator_population",
      "denominator_population", "numerator_kind", "own_clinic", "rounded_to");

  private static final ObjectMapper JSON = new ObjectMapper();

  private PublishedFileReader() {}

  /**
   * Reads one file, CSV or JSON by its extension.
   *
   * @throws AuditInputException when the file is not a readable published table
   * @throws IOException when the file cannot be read
   */
  public static AuditTable read(Path file) throws IOException {
    String source = file.toString();
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder())) {
        return readCsv(source, in);
      } catch (CharacterCodingException e) {
        throw new AuditInputException(source, 0, Optional.empty(), "not UTF-8 text");
      }
    }
    if (name.endsWith(".json")) {
      try (InputStream in = Files.newInputStream(file)) {
        return readJson(source, in);
      }
    }
    throw new AuditInputException(source, 0, Optional.empty(), "not a published file: the name must end in .csv or .json");
  }

  /** Reads a CSV table named {@code source}. */
  public static AuditTable readCsv(String source, Reader in) throws IOException {
    CsvRecords lines = new CsvRecords(in);
    List<String> header = lines.next();
    if (header == null) {
      throw new AuditInputException(source, 1, Optional.empty(), "empty file: no header row");
    }
    if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
      header.set(0, header.get(0).substring(1));
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(header.get(i).trim(), i);
    }
    for (String c : REQUIRED_COLUMNS) {
      if (!index.containsKey(c)) {
        throw new AuditInputException(source, 1, Optional.of(c), "missing column " + c);
      }
    }
    List<AuditRow> rows = new ArrayList<>();
    Map<String, LocalDate> dates = new HashMap<>();
    while (true) {
      long line = lines.nextLine();
      List<String> fields = lines.next();
      if (fields == null) {
        break;
      }
      if (fields.size() == 1 && fields.get(0).isEmpty()) {
        continue;
      }
      if (fields.size() != header.size()) {
        throw new AuditInputException(source, line, Optional.empty(),
            "expected " + header.size() + " fields as in the header, got " + fields.size());
      }
      rows.add(row(source, line, column -> {
        Integer i = index.get(column);
        return i == null ? Optional.empty() : Optional.of(fields.get(i));
      }, dates));
    }
    if (lines.unterminatedQuoteAt() > 0) {
      throw new AuditInputException(source, lines.unterminatedQuoteAt(), Optional.empty(), "unterminated quoted field");
    }
    return new AuditTable(source, rows);
  }

  /** Reads a JSON table named {@code source}. */
  public static AuditTable readJson(String source, InputStream in) throws IOException {
    List<AuditRow> rows = new ArrayList<>();
    Map<String, LocalDate> dates = new HashMap<>();
    boolean sawRows = false;
    try (JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw jsonError(source, p.currentLocation(), "expected an object with a rows field");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (!field.equals("rows")) {
          p.skipChildren();
          continue;
        }
        sawRows = true;
        if (value != JsonToken.START_ARRAY) {
          throw jsonError(source, p.currentLocation(), "rows must be an array");
        }
        int number = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          number++;
          long line = p.currentLocation().getLineNr();
          if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new AuditInputException(source, line, Optional.empty(), "row " + number + " is not an object");
          }
          JsonNode node = p.readValueAsTree();
          rows.add(row(source, line, column -> text(node, column), dates));
        }
      }
    } catch (JsonProcessingException e) {
      throw jsonError(source, e.getLocation(), "malformed JSON: " + e.getOriginalMessage());
    }
    if (!sawRows) {
      throw new AuditInputException(source, 0, Optional.of("rows"), "missing field rows");
    }
    return new AuditTable(source, rows);
  }

  private static AuditInputException jsonError(String source, JsonLocation at, String problem) {
    return new AuditInputException(source, at == null ? 0 : Math.max(0, at.getLineNr()), Optional.empty(), problem);
  }

  /** A JSON field as CSV would have it: {@code ""} for null, numbers and booleans as text; empty when missing. */
  private static Optional<String> text(JsonNode row, String field) {
    JsonNode v = row.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (v.isNull()) {
      return Optional.of("");
    }
    if (v.isFloatingPointNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 1e15) {
      return Optional.of(Long.toString((long) v.asDouble()));
    }
    if (v.isValueNode()) {
      return Optional.of(v.asText());
    }
    return Optional.of(v.toString());
  }

  /** One field of the row being read: empty when the column or field is missing. */
  private interface Fields {
    Optional<String> get(String column);
  }

  private static AuditRow row(String source, long line, Fields fields, Map<String, LocalDate> dates) {
    RowReader r = new RowReader(source, line, fields, dates);
    String indicator = r.required("indicator_id");
    UnitLevel level = UnitLevel.fromCode(r.text("level")).orElseThrow(
        () -> r.error("level", "unknown level '" + r.text("level") + "': use " + UnitLevel.codes()));
    String unit = r.required("unit_id");
    String parent = r.text("parent_id");
    LocalDate start = r.date("period_start");
    LocalDate end = r.date("period_end");
    if (end.isBefore(start)) {
      throw r.error("period_end", "period ends (" + end + ") before it starts (" + start + ")");
    }
    String period = r.text("period");
    boolean suppressed = switch (r.text("status")) {
      case "shown" -> false;
      case "suppressed" -> true;
      default -> throw r.error("status", "unknown status '" + r.text("status") + "': use shown or suppressed");
    };
    OptionalLong numerator = r.count("numerator");
    OptionalLong denominator = r.count("denominator");
    String kindCode = r.text("numerator_kind");
    NumeratorKind kind = kindCode.isEmpty() ? NumeratorKind.PERSONS : NumeratorKind.fromCode(kindCode).orElseThrow(
        () -> r.error("numerator_kind", "unknown numerator kind '" + kindCode + "': use " + NumeratorKind.codes()));
    boolean own = switch (r.text("own_clinic").toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false", "" -> false;
      default -> throw r.error("own_clinic", "not true or false: '" + r.text("own_clinic") + "'");
    };
    OptionalInt roundedTo = r.base("rounded_to");
    return new AuditRow(line, indicator, level, unit, parent, start, end,
        period.isEmpty() ? start + ".." + end : period, suppressed, numerator, denominator,
        r.text("numerator_population"), r.text("denominator_population"), kind, own, roundedTo);
  }

  /** Reads and checks the fields of one row; every error names the file, line and column. */
  private record RowReader(String source, long line, Fields fields, Map<String, LocalDate> dates) {

    String text(String column) {
      return fields.get(column).orElseThrow(() -> error(column, "missing field " + column)).trim();
    }

    String required(String column) {
      String v = text(column);
      if (v.isEmpty()) {
        throw error(column, column + " is empty");
      }
      return v;
    }

    LocalDate date(String column) {
      String v = required(column);
      LocalDate known = dates.get(v);
      if (known != null) {
        return known;
      }
      try {
        LocalDate d = LocalDate.parse(v);
        dates.put(v, d);
        return d;
      } catch (DateTimeParseException e) {
        throw error(column, "not a date (YYYY-MM-DD): '" + v + "'");
      }
    }

    OptionalLong count(String column) {
      String v = text(column);
      if (v.isEmpty()) {
        return OptionalLong.empty();
      }
      try {
        long n = Long.parseLong(v);
        if (n >= 0) {
          return OptionalLong.of(n);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw error(column, "not a count (a whole number, at least 0): '" + v + "'");
    }

    OptionalInt base(String column) {
      String v = text(column);
      if (v.isEmpty()) {
        return OptionalInt.empty();
      }
      try {
        int n = Integer.parseInt(v);
        if (n >= 1) {
          return OptionalInt.of(n);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw error(column, "not a rounding base (a whole number, at least 1): '" + v + "'");
    }

    AuditInputException error(String column, String problem) {
      return new AuditInputException(source, line, Optional.of(column), problem);
    }
  }
}
