package org.klynge.core.audit;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One row of a published result file, reduced to what the audit needs.
 *
 * @param line the 1-based line the row starts on in its file (0 when it has none, e.g. built in memory)
 * @param indicator the indicator id
 * @param level the row's level
 * @param unit the unit id or, for another clinic, its file-local pseudonym
 * @param parent the cluster of a clinic or rest-of-cluster row, the region of a cluster row, else {@code ""}
 * @param periodStart the first day of the period
 * @param periodEnd the last day of the period
 * @param period the period's label, e.g. {@code 2024-Q1}
 * @param suppressed whether the row's status is {@code suppressed}
 * @param numerator the published numerator, empty when hidden
 * @param denominator the published denominator, empty when hidden
 * @param numeratorPopulation the identity of what the numerator counts (may be {@code ""})
 * @param denominatorPopulation the identity of what the denominator counts (may be {@code ""})
 * @param numeratorKind what the numerator counts
 * @param ownClinic whether the row is the viewer's own clinic (or its rest of cluster)
 * @param roundedTo the rounding base of the shown counts, if they are rounded
 */
public record AuditRow(
    long line,
    String indicator,
    UnitLevel level,
    String unit,
    String parent,
    LocalDate periodStart,
    LocalDate periodEnd,
    String period,
    boolean suppressed,
    OptionalLong numerator,
    OptionalLong denominator,
    String numeratorPopulation,
    String denominatorPopulation,
    NumeratorKind numeratorKind,
    boolean ownClinic,
    OptionalInt roundedTo) {

  public AuditRow {
    requireNonNull(indicator, "indicator");
    requireNonNull(level, "level");
    requireNonNull(unit, "unit");
    requireNonNull(parent, "parent");
    requireNonNull(periodStart, "periodStart");
    requireNonNull(periodEnd, "periodEnd");
    requireNonNull(period, "period");
    requireNonNull(numerator, "numerator");
    requireNonNull(denominator, "denominator");
    requireNonNull(numeratorPopulation, "numeratorPopulation");
    requireNonNull(denominatorPopulation, "denominatorPopulation");
    requireNonNull(numeratorKind, "numeratorKind");
    requireNonNull(roundedTo, "roundedTo");
    if (periodEnd.isBefore(periodStart)) {
      throw new IllegalArgumentException("period ends (" + periodEnd + ") before it starts (" + periodStart + ")");
    }
    if (numerator.isPresent() && numerator.getAsLong() < 0 || denominator.isPresent() && denominator.getAsLong() < 0) {
      throw new IllegalArgumentException("counts are at least 0");
    }
    if (roundedTo.isPresent() && roundedTo.getAsInt() < 1) {
      throw new IllegalArgumentException("rounded_to is at least 1, got " + roundedTo.getAsInt());
    }
  }

  /** This row marked as the viewer's own. */
  AuditRow asOwn() {
    return new AuditRow(line, indicator, level, unit, parent, periodStart, periodEnd, period, suppressed, numerator,
        denominator, numeratorPopulation, denominatorPopulation, numeratorKind, true, roundedTo);
  }

  /** The published value of one of the two counts, empty when hidden. */
  public OptionalLong count(AuditCell.Count which) {
    return which == AuditCell.Count.NUMERATOR ? numerator : denominator;
  }

  /** The population identity of one of the two counts, empty when the file gives none. */
  public Optional<String> population(AuditCell.Count which) {
    String p = which == AuditCell.Count.NUMERATOR ? numeratorPopulation : denominatorPopulation;
    return p.isEmpty() ? Optional.empty() : Optional.of(p);
  }
}
