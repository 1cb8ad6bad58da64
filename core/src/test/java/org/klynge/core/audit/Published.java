package org.klynge.core.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Builds a published table in memory for tests, row by row, so a test reads like the file:
 * {@code Published.file("a.csv").indicator("a", "aa01", "dd01").cluster("k1", "r1", 18, 40)
 * .clinic("P03", "k1", null, null).table()}; {@code null} is a hidden count.
 */
final class Published {

  private final String source;
  private final List<AuditRow> rows = new ArrayList<>();
  private String indicator = "a";
  private String numeratorPopulation = "aa01";
  private String denominatorPopulation = "dd01";
  private NumeratorKind kind = NumeratorKind.PERSONS_IN_DENOMINATOR;
  private LocalDate start = LocalDate.of(2024, 1, 1);
  private LocalDate end = LocalDate.of(2024, 12, 31);
  private String period = "2024";
  private OptionalInt roundedTo = OptionalInt.empty();

  private Published(String source) {
    this.source = source;
  }

  static Published file(String source) {
    return new Published(source);
  }

  /** The indicator and populations of the rows that follow, of kind persons-in-denominator. */
  Published indicator(String id, String numeratorPopulation, String denominatorPopulation) {
    return indicator(id, numeratorPopulation, denominatorPopulation, NumeratorKind.PERSONS_IN_DENOMINATOR);
  }

  Published indicator(String id, String numeratorPopulation, String denominatorPopulation, NumeratorKind kind) {
    this.indicator = id;
    this.numeratorPopulation = numeratorPopulation;
    this.denominatorPopulation = denominatorPopulation;
    this.kind = kind;
    return this;
  }

  /** The period of the rows that follow. */
  Published period(LocalDate start, LocalDate end, String label) {
    this.start = start;
    this.end = end;
    this.period = label;
    return this;
  }

  /** The calendar month {@code month} of 2024. */
  Published month(int month) {
    LocalDate s = LocalDate.of(2024, month, 1);
    return period(s, s.withDayOfMonth(s.lengthOfMonth()), String.format("2024-%02d", month));
  }

  /** The calendar quarter {@code quarter} of 2024. */
  Published quarter(int quarter) {
    LocalDate s = LocalDate.of(2024, 3 * quarter - 2, 1);
    return period(s, s.plusMonths(3).minusDays(1), "2024-Q" + quarter);
  }

  /** The year 2024. */
  Published year() {
    return period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "2024");
  }

  /** The rounding base of the rows that follow. */
  Published roundedTo(int base) {
    this.roundedTo = OptionalInt.of(base);
    return this;
  }

  Published clinic(String unit, String cluster, Integer numerator, Integer denominator) {
    return row(UnitLevel.CLINIC, unit, cluster, numerator, denominator, false);
  }

  Published ownClinic(String unit, String cluster, Integer numerator, Integer denominator) {
    return row(UnitLevel.CLINIC, unit, cluster, numerator, denominator, true);
  }

  Published rest(String unit, String cluster, Integer numerator, Integer denominator, boolean own) {
    return row(UnitLevel.REST_OF_CLUSTER, unit, cluster, numerator, denominator, own);
  }

  Published cluster(String unit, String region, Integer numerator, Integer denominator) {
    return row(UnitLevel.CLUSTER, unit, region, numerator, denominator, false);
  }

  Published region(String unit, Integer numerator, Integer denominator) {
    return row(UnitLevel.REGION, unit, "", numerator, denominator, false);
  }

  Published nation(Integer numerator, Integer denominator) {
    return row(UnitLevel.NATION, "DK", "", numerator, denominator, false);
  }

  Published unattributed(Integer numerator, Integer denominator) {
    return row(UnitLevel.UNATTRIBUTED, "unattributed", "", numerator, denominator, false);
  }

  Published row(UnitLevel level, String unit, String parent, Integer numerator, Integer denominator, boolean own) {
    rows.add(new AuditRow(rows.size() + 2, indicator, level, unit, parent, start, end, period,
        numerator == null || denominator == null, count(numerator), count(denominator), numeratorPopulation,
        denominatorPopulation, kind, own, roundedTo));
    return this;
  }

  private static OptionalLong count(Integer c) {
    return c == null ? OptionalLong.empty() : OptionalLong.of(c);
  }

  AuditTable table() {
    return new AuditTable(source, rows);
  }

  /** Audits this table alone. */
  AuditReport audit(AuditSettings settings) {
    return Audit.runTables(List.of(table()), settings);
  }
}
