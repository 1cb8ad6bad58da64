package org.klynge.core.disclosure;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The table as published to one viewer.
 *
 * @param viewer who it is for
 * @param threshold the threshold applied
 * @param cells the cells: visible input rows in input order, each clinic followed by its
 *     rest-of-parent row when requested
 */
public record DisclosedTable(Viewer viewer, int threshold, List<Cell> cells) {
  public DisclosedTable {
    cells = ImmutableList.copyOf(cells);
  }
}
