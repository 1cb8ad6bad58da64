package org.klynge.core.audit;

import java.util.List;

/**
 * What an audit read, how much work it did and what it found.
 *
 * @param files the files (tables) read
 * @param rows the rows read
 * @param hiddenCells the distinct hidden counts (unknowns that some row leaves empty)
 * @param components the independent groups of related unknowns, each solved on its own (by one linear
 *     program, or by propagation alone when its relations form a tree)
 * @param linearPrograms the linear programs solved (at most a minimum and a maximum per hidden count, plus
 *     feasibility checks)
 * @param periodRelationsDropped period relations left out because their component was infeasible with them
 * @param findings the findings, sorted by file and line
 */
public record AuditReport(int files, long rows, int hiddenCells, int components, long linearPrograms,
    int periodRelationsDropped, List<AuditFinding> findings) {

  public AuditReport {
    findings = List.copyOf(findings);
  }

  /** Whether the publication passed: no findings. */
  public boolean passed() {
    return findings.isEmpty();
  }

  /** The findings of one kind. */
  public List<AuditFinding> findings(AuditFinding.Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }
}
