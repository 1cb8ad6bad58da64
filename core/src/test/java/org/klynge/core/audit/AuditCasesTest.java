package org.klynge.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attack cases under {@code src/test/resources/audit/}: each folder holds the published files of one real
 * attack ({@code leaks/}, with the findings expected in {@code leaks/expected.txt}) and its counterpart with
 * enough complements ({@code protected/}, which must pass). The folders' README says what each one shows.
 */
class AuditCasesTest {

  static final Path CASES = Path.of("src/test/resources/audit");
  static final AuditSettings SETTINGS = AuditSettings.of(5);

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  /** Reads every published file of a folder, each named by its file name only. */
  static List<AuditTable> tables(Path dir) throws IOException {
    List<AuditTable> tables = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".json"))
          .sorted().toList()) {
        tables.add(new AuditTable(f.getFileName().toString(), PublishedFileReader.read(f).rows()));
      }
    }
    return tables;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void leaks_areCaught(String name) throws IOException {
    Path dir = CASES.resolve(name).resolve("leaks");
    AuditReport report = Audit.runTables(tables(dir), SETTINGS);
    List<String> expected = Files.readAllLines(dir.resolve("expected.txt")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertFalse(report.passed());
    assertEquals(String.join("\n", expected), String.join("\n", report.findings().stream()
        .map(AuditFinding::toString).toList()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void protectedCounterparts_pass(String name) throws IOException {
    AuditReport report = Audit.runTables(tables(CASES.resolve(name).resolve("protected")), SETTINGS);
    assertTrue(report.passed(), report.findings().toString());
    assertTrue(report.hiddenCells() > 0);
  }
}
