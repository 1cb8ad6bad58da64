package org.klynge.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md invariant 11: the audit is written apart from the suppressor it checks. */
class AuditIndependenceTest {

  @Test
  void auditSources_useNothingFromDisclosureOrResults() throws IOException {
    Path sources = Path.of("src/main/java/org/klynge/core/audit");
    List<String> offending;
    try (Stream<Path> files = Files.list(sources)) {
      List<Path> java = files.filter(f -> f.toString().endsWith(".java")).toList();
      assertTrue(java.size() > 5, java.toString());
      offending = java.stream().filter(f -> {
        try {
          String text = Files.readString(f);
          return text.contains("org.klynge.core.disclosure") || text.contains("org.klynge.core.result");
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).map(f -> f.getFileName().toString()).toList();
    }
    assertEquals(List.of(), offending);
  }
}
