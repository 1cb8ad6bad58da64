package org.klynge.report.view;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.klynge.core.result.PublishedRow;

/**
 * One row of an indicator's table: a unit and what was published for it over the package period.
 *
 * @param unit which unit
 * @param name the unit's name (the clinic's or cluster's name; empty for the rest of the cluster and the nation)
 * @param row the published row, empty when none was published for the period
 * @param compare whether the row's comparisons with the rest of the cluster and of the nation are shown
 */
public record LevelRow(Unit unit, String name, Optional<PublishedRow> row, boolean compare) {
  public LevelRow {
    requireNonNull(unit, "unit");
    requireNonNull(name, "name");
    requireNonNull(row, "row");
  }
}
