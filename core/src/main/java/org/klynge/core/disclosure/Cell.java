package org.klynge.core.disclosure;

import java.util.Optional;

/**
 * One published cell.
 *
 * @param kind a unit's row or a rest-of-parent row
 * @param label what to print: the unit id, or a pseudonym such as {@code "C01-P03"} for another
 *     clinic, or {@code "rest of C01 excluding C01-P03"}
 * @param unitId the real unit id, present only when the unit is identifiable to this viewer
 * @param parentId the parent's id
 * @param level the level of the unit (for a rest row, the level of the child it complements)
 * @param numerator the published numerator
 * @param denominator the published denominator
 * @param value the published value
 * @param reason why the cell is suppressed, {@code NONE} if it is not
 */
public record Cell(
    CellKind kind,
    String label,
    Optional<String> unitId,
    Optional<String> parentId,
    Level level,
    PublishedCount numerator,
    PublishedCount denominator,
    PublishedValue value,
    SuppressionReason reason) {
  /** Whether the cell's counts and value are hidden. */
  public boolean suppressed() {
    return reason != SuppressionReason.NONE;
  }
}
