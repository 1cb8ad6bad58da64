package org.klynge.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading published CSV and JSON files, and the errors that name file, line and column. */
class PublishedFileReaderTest {

  /** The full published header, as {@code ResultWriter} writes it. */
  static final String HEADER = "indicator_id,indicator_version,level,unit_id,parent_id,period_start,period_end,"
      + "period,status,numerator,denominator,value,ci_lower,ci_upper,standard_point,standard_with_uncertainty,"
      + "funnel_parent_value,funnel_95_lower,funnel_95_upper,funnel_998_lower,funnel_998_upper,funnel_phi,"
      + "funnel_overdispersed,comparison,vs_rest,vs_rest_lower,vs_rest_upper,vs_nation,vs_nation_lower,"
      + "vs_nation_upper,numerator_population,denominator_population,numerator_kind,own_clinic,rounded_to";

  private static final String SHOWN = "a,1,clinic,k001-P03,k1,2024-01-01,2024-12-31,2024,shown,12,40,0.3,0.17,0.46,"
      + "0.5,below,0.4,0.2,0.6,0.1,0.7,1.2,false,\"within, expected\",-0.1,-0.3,0.1,0.0,-0.2,0.2,"
      + "9f1c,77ab,persons-in-denominator,false,5";
  private static final String HIDDEN = "a,1,cluster,k1,r1,2024-01-01,2024-12-31,2024,suppressed,,,,,,,,,,,,,,,,,,,,,,"
      + "9f1c,77ab,events,true,";

  @TempDir
  Path dir;

  @Test
  void readCsv_fullHeader_readsTheColumnsTheAuditNeeds() throws IOException {
    AuditTable t = PublishedFileReader.readCsv("r.csv", new StringReader(HEADER + "\n" + SHOWN + "\r\n" + HIDDEN + "\n"));
    assertEquals(2, t.rows().size());
    AuditRow shown = t.rows().get(0);
    assertEquals(new AuditRow(2, "a", UnitLevel.CLINIC, "k001-P03", "k1", LocalDate.of(2024, 1, 1),
        LocalDate.of(2024, 12, 31), "2024", false, OptionalLong.of(12), OptionalLong.of(40), "9f1c", "77ab",
        NumeratorKind.PERSONS_IN_DENOMINATOR, false, OptionalInt.of(5)), shown);
    AuditRow hidden = t.rows().get(1);
    assertEquals(3, hidden.line());
    assertTrue(hidden.suppressed());
    assertTrue(hidden.numerator().isEmpty() && hidden.denominator().isEmpty());
    assertEquals(NumeratorKind.EVENTS, hidden.numeratorKind());
    assertTrue(hidden.ownClinic());
    assertEquals(OptionalInt.empty(), hidden.roundedTo());
  }

  @Test
  void readCsv_missingColumn_isAnErrorNamingIt() {
    String header = HEADER.replace(",numerator_population", "");
    var e = assertThrows(AuditInputException.class,
        () -> PublishedFileReader.readCsv("r.csv", new StringReader(header + "\n")));
    assertEquals("r.csv:1 [numerator_population]: missing column numerator_population", e.getMessage());
    assertEquals(Optional.of("numerator_population"), e.column());
  }

  @Test
  void readCsv_badNumber_namesFileLineAndColumn() {
    String bad = SHOWN.replace("shown,12,40", "shown,12,4x");
    var e = assertThrows(AuditInputException.class,
        () -> PublishedFileReader.readCsv("r.csv", new StringReader(HEADER + "\n" + HIDDEN + "\n" + bad + "\n")));
    assertEquals("r.csv:3 [denominator]: not a count (a whole number, at least 0): '4x'", e.getMessage());
    assertEquals(3, e.line());
  }

  @Test
  void readCsv_negativeCountUnknownLevelAndBadDate_areErrors() {
    assertEquals("r.csv:2 [numerator]: not a count (a whole number, at least 0): '-1'", csvError(
        SHOWN.replace("shown,12,40", "shown,-1,40")));
    assertEquals("r.csv:2 [level]: unknown level 'practice': use clinic, rest_of_cluster, cluster, region, nation,"
        + " unattributed", csvError(SHOWN.replace(",clinic,", ",practice,")));
    assertEquals("r.csv:2 [period_start]: not a date (YYYY-MM-DD): '2024-13-01'", csvError(
        SHOWN.replace("2024-01-01", "2024-13-01")));
    assertEquals("r.csv:2 [status]: unknown status 'hidden': use shown or suppressed", csvError(
        SHOWN.replace(",shown,", ",hidden,")));
    assertEquals("r.csv:2 [rounded_to]: not a rounding base (a whole number, at least 1): '0'", csvError(
        SHOWN.substring(0, SHOWN.length() - 1) + "0"));
  }

  @Test
  void readCsv_wrongNumberOfFields_namesTheLine() {
    assertEquals("r.csv:2: expected 35 fields as in the header, got 34", csvError(SHOWN.substring(0,
        SHOWN.lastIndexOf(','))));
  }

  @Test
  void readCsv_quotedNewline_countsLines() throws IOException {
    String quoted = SHOWN.replace("\"within, expected\"", "\"within\nexpected\"");
    AuditTable t = PublishedFileReader.readCsv("r.csv", new StringReader(HEADER + "\n" + quoted + "\n" + HIDDEN));
    assertEquals(2, t.rows().get(0).line());
    assertEquals(4, t.rows().get(1).line());
  }

  private static String csvError(String row) {
    return assertThrows(AuditInputException.class,
        () -> PublishedFileReader.readCsv("r.csv", new StringReader(HEADER + "\n" + row + "\n"))).getMessage();
  }

  private static final String JSON = """
      {"disclosure": {"audience": "cluster", "threshold": 5}, "provenance": {"engine": "klynge"},
       "reconciliation": [],
       "rows": [
        {"indicator_id": "a", "indicator_version": 1, "level": "cluster", "unit_id": "k1", "parent_id": "r1",
         "period_start": "2024-01-01", "period_end": "2024-12-31", "period": "2024", "status": "suppressed",
         "numerator": null, "denominator": 40, "value": null, "numerator_population": "9f1c",
         "denominator_population": "77ab", "numerator_kind": "persons-in-denominator", "own_clinic": false,
         "rounded_to": null},
        {"indicator_id": "a", "indicator_version": 1, "level": "region", "unit_id": "r1", "parent_id": null,
         "period_start": "2024-01-01", "period_end": "2024-12-31", "period": "2024", "status": "shown",
         "numerator": 30, "denominator": 90.0, "numerator_population": "9f1c", "denominator_population": "77ab",
         "numerator_kind": "persons-in-denominator", "own_clinic": false, "rounded_to": 5}
       ]}
      """;

  @Test
  void readJson_rows_nullIsEmptyAndNumbersAreCounts() throws IOException {
    AuditTable t = PublishedFileReader.readJson("r.json", new ByteArrayInputStream(JSON.getBytes(StandardCharsets.UTF_8)));
    assertEquals(2, t.rows().size());
    AuditRow cluster = t.rows().get(0);
    assertEquals(4, cluster.line());
    assertTrue(cluster.numerator().isEmpty());
    assertEquals(OptionalLong.of(40), cluster.denominator());
    AuditRow region = t.rows().get(1);
    assertEquals("", region.parent());
    assertEquals(OptionalLong.of(90), region.denominator());
    assertEquals(OptionalInt.of(5), region.roundedTo());
  }

  @Test
  void readJson_missingField_namesItAndTheRowsLine() {
    String missing = JSON.replace("\"numerator_population\": \"9f1c\", \"denominator_population\": \"77ab\",\n",
        "\"numerator_population\": \"9f1c\",\n");
    assertFalse(missing.equals(JSON));
    var e = assertThrows(AuditInputException.class, () -> PublishedFileReader.readJson("r.json",
        new ByteArrayInputStream(missing.getBytes(StandardCharsets.UTF_8))));
    assertEquals("r.json:9 [denominator_population]: missing field denominator_population", e.getMessage());
  }

  @Test
  void readJson_malformed_namesTheLine() {
    String broken = JSON.replace("\"numerator\": 30,", "\"numerator\": 30");
    var e = assertThrows(AuditInputException.class, () -> PublishedFileReader.readJson("r.json",
        new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))));
    assertTrue(e.getMessage().startsWith("r.json:11: malformed JSON: "), e.getMessage());
  }

  @Test
  void read_byExtension_csvJsonOrError() throws IOException {
    Path csv = dir.resolve("r.csv");
    Files.writeString(csv, "\uFEFF" + HEADER + "\n" + SHOWN + "\n");
    assertEquals(1, PublishedFileReader.read(csv).rows().size());
    assertEquals(csv.toString(), PublishedFileReader.read(csv).source());
    Path json = dir.resolve("r.JSON");
    Files.writeString(json, JSON);
    assertEquals(2, PublishedFileReader.read(json).rows().size());
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, (HEADER + "\n" + SHOWN.replace("k001-P03", "kl\u00f8ft") + "\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(latin1 + ": not UTF-8 text",
        assertThrows(AuditInputException.class, () -> PublishedFileReader.read(latin1)).getMessage());
    Path other = dir.resolve("r.txt");
    Files.writeString(other, HEADER);
    var e = assertThrows(AuditInputException.class, () -> PublishedFileReader.read(other));
    assertTrue(e.getMessage().endsWith(": not a published file: the name must end in .csv or .json"), e.getMessage());
  }
}
