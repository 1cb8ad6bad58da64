package org.klynge.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audit of a synthetic publication of about 100,000 rows finishes in seconds. The publication is
 * consistent, so nothing is inconsistent; its suppression ignores the months that add up to quarters and
 * years, so the audit finds plenty to report.
 */
class AuditScaleTest {

  @Test
  void run_hundredThousandRows_takesSeconds() {
    AuditTable table = SyntheticPublication.generate(20, 5, 20, 7, 4);
    long start = System.nanoTime();
    AuditReport report = Audit.runTables(List.of(table), new AuditSettings(5, 1));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("audit of %d rows: %d hidden cells, %d components, %d LPs, %d period relations dropped,"
        + " %d findings in %.2f s%n", report.rows(), report.hiddenCells(), report.components(),
        report.linearPrograms(), report.periodRelationsDropped(), report.findings().size(), seconds);
    assertTrue(report.rows() > 100_000, "rows " + report.rows());
    assertTrue(report.findings(AuditFinding.Kind.INCONSISTENT).isEmpty(),
        report.findings(AuditFinding.Kind.INCONSISTENT).stream().limit(5).toList().toString());
    assertEquals(0, report.periodRelationsDropped(), "the synthetic events add up over time");
    assertTrue(seconds < 60, seconds + " s");
  }
}
