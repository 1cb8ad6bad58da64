package org.klynge.core.disclosure;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One unit's unrounded result, before disclosure control. A parent row (a cluster) must carry the
 * totals of its child rows (its clinics).
 *
 * @param unitId the unit (clinic, cluster, region, nation)
 * @param parentId the unit it rolls up into, if that unit is in the table
 * @param level the unit's level
 * @param numerator the numerator count
 * @param denominator the denominator count
 * @param value the indicator value computed from the unrounded counts, empty when undefined
 */
public record InputRow(
    String unitId, Optional<String> parentId, Level level, long numerator, long denominator, OptionalDouble value) {
  public InputRow {
    if (unitId == null || level == null) {
      throw new IllegalArgumentException("unit id and level are required");
    }
    parentId = parentId == null ? Optional.empty() : parentId;
    value = value == null ? OptionalDouble.empty() : value;
    if (numerator < 0 || denominator < 0) {
      throw new IllegalArgumentException(
          "unit " + unitId + ": counts must be non-negative, got " + numerator + "/" + denominator);
    }
  }
}
