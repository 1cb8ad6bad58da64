package org.klynge.core.audit;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One problem the attacker found.
 *
 * @param kind what is wrong
 * @param cells the count at fault (one cell) or, for {@link Kind#INCONSISTENT}, the published counts of the
 *     relations that contradict each other
 * @param range the range the attacker derives for the count; empty for {@link Kind#INCONSISTENT}
 */
public record AuditFinding(Kind kind, List<AuditCell> cells, Optional<CountRange> range) {

  /** The kinds of finding. */
  public enum Kind {
    /** A hidden count whose derivable range is narrower than the protection (including exact recovery). */
    RANGE_TOO_NARROW,
    /** A count from 1 to threshold − 1 shown on a row that is not the viewer's own clinic. */
    SMALL_COUNT_SHOWN,
    /** The files contradict each other: no counts satisfy all the relations. */
    INCONSISTENT
  }

  public AuditFinding {
    requireNonNull(kind, "kind");
    cells = List.copyOf(cells);
    requireNonNull(range, "range");
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("a finding names at least one cell");
    }
    if (kind != Kind.INCONSISTENT && (cells.size() != 1 || range.isEmpty())) {
      throw new IllegalArgumentException(kind + " names one cell and its range");
    }
  }

  /** A finding about one count. */
  public static AuditFinding of(Kind kind, AuditCell cell, CountRange range) {
    return new AuditFinding(kind, List.of(cell), Optional.of(range));
  }

  /** The (first) cell of the finding. */
  public AuditCell cell() {
    return cells.get(0);
  }

  /**
   * One line for people, e.g. {@code RANGE_TOO_NARROW results.csv:12 ind-a cluster k1 2024 numerator = 3}
   * or {@code INCONSISTENT a.csv:3 … numerator; b.csv:9 … numerator}.
   */
  @Override
  public String toString() {
    if (kind == Kind.INCONSISTENT) {
      return kind + " " + cells.stream().map(AuditCell::toString).collect(Collectors.joining("; "));
    }
    return kind + " " + cell() + " " + range.orElseThrow();
  }
}
