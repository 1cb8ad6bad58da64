package org.klynge.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The evaluate, explain and patients commands on the 'latest value' conformance case. */
class EvaluateCommandTest {

  private static final Path CASE = Path.of("../docs/conformance/values/latest-value");
  private static final String DEFS = CASE.resolve("definitions.yaml").toString();

  @TempDir
  Path data;

  private record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void extract() throws IOException {
    try (Stream<Path> org = Files.list(Path.of("../docs/conformance/organisation"))) {
      for (Path f : org.toList()) {
        Files.copy(f, data.resolve(f.getFileName()));
      }
    }
    for (String f : List.of("patients.csv", "listings.csv", "events.csv")) {
      Files.copy(CASE.resolve(f), data.resolve(f));
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = KlyngeCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void evaluate_writesCsvWithRollUpAndPrintsReconciliation() throws IOException {
    Path out = data.resolve("results.csv");
    Run run = run("evaluate", "--definitions", DEFS, "--data", data.toString(), "--period", "2024", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = Files.readAllLines(out);
    assertTrue(lines.get(0).startsWith("indicator_id,indicator_version,level,unit_id"), lines.get(0));
    assertTrue(lines.contains("above-58,1,clinic,c1,k1,2024-01-01,2024-12-31,2024,5,5,0,0,3,0,0,0,0,60.0"), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("above-58,1,nation,DK,")), lines.toString());
    assertTrue(run.out().contains("events.csv: read 13 = used 13 + excluded 0 + rejected 0"), run.out());
  }

  @Test
  void evaluate_json_holdsProvenanceAndRows() throws IOException {
    Path out = data.resolve("results.json");
    Run run = run("evaluate", "--definitions", DEFS, "--data", data.toString(), "--period", "2024", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    String json = Files.readString(out);
    assertTrue(json.contains("\"definitionHashes\""), json);
    assertTrue(json.contains("\"above-58@1\""), json);
    assertTrue(json.contains("\"rows\""), json);
  }

  @Test
  void explain_showsTheDecidingValue() {
    Run run = run("explain", "--definitions", DEFS, "--data", data.toString(), "--period", "2024",
        "--patient", "percent", "--indicator", "above-58");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("in populations: initial, denominator, numerator"), run.out());
    assertTrue(run.out().contains("lab npu:NPU27300 2024-05-01 7.6 %"), run.out());
  }

  @Test
  void patients_gap_listsCountedPatientsOutsideTheNumerator() {
    Run run = run("patients", "--definitions", DEFS, "--data", data.toString(), "--period", "2024",
        "--clinic", "c1", "--indicator", "above-58", "--population", "gap");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("2 patient(s) of clinic c1 in gap"), run.out());
    assertTrue(run.out().contains("equal  [initial, denominator]"), run.out());
    assertTrue(run.out().contains("mgdl  [initial, denominator]"), run.out());
  }

  @Test
  void explain_unknownPatient_isAClearErrorNotAStackTrace() {
    Run run = run("explain", "--definitions", DEFS, "--data", data.toString(), "--period", "2024",
        "--patient", "nobody", "--indicator", "above-58");
    assertEquals(1, run.exitCode());
    assertEquals("error: no patient 'nobody' in the data", run.err().strip());
  }

  @Test
  void evaluate_badPeriod_isAUsageError() {
    Run run = run("evaluate", "--data", data.toString(), "--period", "2024x", "--out", "x.csv");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("cannot read period '2024x'"), run.err());
  }
}
