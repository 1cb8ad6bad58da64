package org.klynge.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code klynge audit}: exit codes and output lines. */
class AuditCommandTest {

  private static final String HEADER = "indicator_id,level,unit_id,parent_id,period_start,period_end,period,status,"
      + "numerator,denominator,numerator_population,denominator_population,numerator_kind,own_clinic,rounded_to";
  private static final String YEAR = "2024-01-01,2024-12-31,2024";
  private static final String KIND = "aa01,dd01,persons-in-denominator,false,";

  @TempDir
  Path dir;
  Path leaks;
  Path safe;

  private static String row(String level, String unit, String parent, String status, String num, String den) {
    return String.join(",", "a", level, unit, parent, YEAR, status, num, den, KIND);
  }

  @BeforeEach
  void files() throws IOException {
    // a cluster and two of its three clinics shown: the third is recovered exactly
    leaks = dir.resolve("leaks.csv");
    Files.write(leaks, List.of(HEADER, row("cluster", "k1", "r1", "shown", "18", "40"),
        row("clinic", "k001-P01", "k1", "shown", "9", "15"), row("clinic", "k001-P02", "k1", "shown", "6", "14"),
        row("clinic", "k001-P03", "k1", "suppressed", "", "")));
    safe = dir.resolve("safe.csv");
    Files.write(safe, List.of(HEADER, row("cluster", "k1", "r1", "shown", "18", "40"),
        row("clinic", "k001-P01", "k1", "shown", "9", "15"), row("clinic", "k001-P02", "k1", "suppressed", "", ""),
        row("clinic", "k001-P03", "k1", "suppressed", "", "")));
  }

  @Test
  void audit_leakingFile_exitsOneAndPrintsEachFinding() {
    CommandRun run = CommandRun.of("audit", "--threshold", "5", leaks.toString());
    assertEquals(1, run.exitCode(), run.err());
    List<String> lines = run.lines();
    assertTrue(lines.get(0).matches("audited 1 file: 4 rows, 2 hidden cells, \\d+ components?, \\d+ linear"
        + " programs? in \\d+\\.\\d\\d s"), lines.get(0));
    assertEquals(List.of("RANGE_TOO_NARROW " + leaks + ":5 a clinic k001-P03 2024 numerator = 3",
        "RANGE_TOO_NARROW " + leaks + ":5 a clinic k001-P03 2024 denominator = 11",
        "failed: 2 findings (2 RANGE_TOO_NARROW; threshold 5, protection 5)"), lines.subList(1, lines.size()));
  }

  @Test
  void audit_protectedFile_exitsZero() {
    CommandRun run = CommandRun.of("audit", "--threshold", "5", safe.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertEquals("passed: no findings (threshold 5, protection 5)", run.lines().get(run.lines().size() - 1));
  }

  @Test
  void audit_widerProtection_findsTheComplementsTooNarrow() {
    // P02 + P03 = 9 of 25: the numerators are in [0, 9], narrower than a protection of 10
    CommandRun run = CommandRun.of("audit", "--threshold", "5", "--protection", "10", safe.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.out().contains("RANGE_TOO_NARROW " + safe + ":4 a clinic k001-P02 2024 numerator [0, 9]"),
        run.out());
  }

  @Test
  void audit_filesTogether_areOneAudit() {
    // the pseudonyms are local to each file: two P02s and two P03s
    CommandRun run = CommandRun.of("audit", "--threshold", "5", safe.toString(), leaks.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.lines().get(0).startsWith("audited 2 files: 8 rows, 6 hidden cells"), run.out());
  }

  @Test
  void audit_usageErrors_exitTwo() {
    CommandRun missing = CommandRun.of("audit", leaks.toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("Missing required option: '--threshold=N'"), missing.err());
    CommandRun zero = CommandRun.of("audit", "--threshold", "0", leaks.toString());
    assertEquals(2, zero.exitCode());
    assertTrue(zero.err().contains("--threshold must be at least 1, got 0"), zero.err());
    CommandRun protection = CommandRun.of("audit", "--threshold", "5", "--protection", "0", leaks.toString());
    assertEquals(2, protection.exitCode());
    assertTrue(protection.err().contains("--protection must be at least 1, got 0"), protection.err());
    assertEquals(2, CommandRun.of("audit", "--threshold", "5").exitCode());
  }

  @Test
  void audit_inputErrors_exitTwoNamingFileLineAndColumn() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.write(bad, List.of(HEADER, row("cluster", "k1", "r1", "shown", "18", "forty")));
    CommandRun run = CommandRun.of("audit", "--threshold", "5", bad.toString());
    assertEquals(2, run.exitCode());
    assertEquals("error: " + bad + ":2 [denominator]: not a count (a whole number, at least 0): 'forty'",
        run.err().strip());
    CommandRun missing = CommandRun.of("audit", "--threshold", "5", dir.resolve("none.csv").toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().startsWith("error: no such file: "), missing.err());
  }

  @Test
  void audit_help_exitsZero() {
    CommandRun run = CommandRun.of("audit", "--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("--protection=P"), run.out());
  }
}
