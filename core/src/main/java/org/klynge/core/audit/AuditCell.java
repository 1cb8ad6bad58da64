package org.klynge.core.audit;

import static java.util.Objects.requireNonNull;

/**
 * Where a count of a finding is published: one row that holds it (the first one read) and which of the
 * row's two counts it is.
 *
 * @param file the file's name
 * @param line the row's line in the file
 * @param indicator the row's indicator
 * @param level the row's level
 * @param unit the row's unit (id or pseudonym)
 * @param period the row's period label
 * @param count numerator or denominator
 */
public record AuditCell(String file, long line, String indicator, UnitLevel level, String unit, String period,
    Count count) {

  /** One of the two counts of a row. */
  public enum Count {
    NUMERATOR("numerator"),
    DENOMINATOR("denominator");

    private final String code;

    Count(String code) {
      this.code = code;
    }

    /** The column name: {@code numerator} or {@code denominator}. */
    public String code() {
      return code;
    }
  }

  public AuditCell {
    requireNonNull(file, "file");
    requireNonNull(indicator, "indicator");
    requireNonNull(level, "level");
    requireNonNull(unit, "unit");
    requireNonNull(period, "period");
    requireNonNull(count, "count");
  }

  /** {@code results.csv:12 ind-a cluster k1 2024 numerator}. */
  @Override
  public String toString() {
    return file + ":" + line + " " + indicator + " " + level.code() + " " + unit + " " + period + " " + count.code();
  }
}
