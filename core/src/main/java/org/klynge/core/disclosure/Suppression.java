package org.klynge.core.disclosure;

import java.util.Optional;

/**
 * Which cells of a {@link DisclosureModel} are hidden, and why, as decided by {@link
 * Suppressor#suppress}. Immutable.
 */
public final class Suppression {
  private final DisclosureModel model;
  private final boolean[] hidden;
  private final SuppressionReason[] reasons;
  private final Range[] ranges;
  private final long linearPrograms;
  private final int unprotected;
  private final int unverified;

  Suppression(DisclosureModel model, boolean[] hidden, SuppressionReason[] reasons, Range[] ranges,
      long linearPrograms, int unprotected, int unverified) {
    this.model = model;
    this.hidden = hidden;
    this.reasons = reasons;
    this.ranges = ranges;
    this.linearPrograms = linearPrograms;
    this.unprotected = unprotected;
    this.unverified = unverified;
  }

  /** The model decided on. */
  public DisclosureModel model() {
    return model;
  }

  /** Whether cell {@code cell} is hidden. */
  public boolean hidden(int cell) {
    return hidden[cell];
  }

  /** Why cell {@code cell} is hidden; empty when it is shown. */
  public Optional<SuppressionReason> reason(int cell) {
    return hidden[cell] ? Optional.of(reasons[cell]) : Optional.empty();
  }

  /**
   * For a primary cell, a range an outsider can derive for it, as last checked: by a linear program
   * over the nearest hidden cells, or by the kept points of earlier ones. The outsider cannot narrow
   * it; the whole derivable range may be wider.
   */
  public Optional<Range> range(int cell) {
    return Optional.ofNullable(ranges[cell]);
  }

  /** The number of hidden cells. */
  public int hiddenCells() {
    int n = 0;
    for (boolean h : hidden) {
      n += h ? 1 : 0;
    }
    return n;
  }

  /** The number of hidden cells for {@code reason}. */
  public int hiddenCells(SuppressionReason reason) {
    int n = 0;
    for (int c = 0; c < hidden.length; c++) {
      n += hidden[c] && reasons[c] == reason ? 1 : 0;
    }
    return n;
  }

  /** The number of linear programs solved to decide. */
  public long linearPrograms() {
    return linearPrograms;
  }

  /**
   * The number of targets that stayed below their protection with nothing left to hide next to
   * them; 0 unless the relations themselves give a count away.
   */
  public int unprotected() {
    return unprotected;
  }

  /**
   * The complements whose own width was not checked because their component was too large to
   * solve exactly; they are no small counts, and the audit of the published files checks them.
   */
  public int unverified() {
    return unverified;
  }
}
