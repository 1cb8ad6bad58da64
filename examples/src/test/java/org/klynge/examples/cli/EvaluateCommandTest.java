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

/** The evaluate, explain and patients commands on the 'latest value' conformance case. */
class EvaluateCommandTest {

  private static final Path CASE = Path.of("../docs/conformance/values/latest-value");
  private static final String DEFS = CASE.resolve("definitions.yaml").toString();

  @TempDir
  Path data;

  @BeforeEach
  void extract() throws IOException {
    CommandRun.copyExtract(CASE, data);
  }

  private CommandRun evaluate(Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("evaluate", "--definitions", DEFS, "--data", data.toString(),
        "--period", "2024", "--out", out.toString()));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  @Test
  void evaluate_default_isPublicWithoutClinicsAndHidesSmallCells() throws IOException {
    Path out = data.resolve("results.csv");
    CommandRun run = evaluate(out);
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = Files.readAllLines(out);
    assertTrue(lines.get(0).startsWith("indicator_id,indicator_version,level,unit_id,parent_id,period_start,period_end,"
        + "period,status,numerator,denominator,value,ci_lower,ci_upper"), lines.get(0));
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("above-58,1,clinic,") || l.contains(",rest_of_cluster,")),
        lines.toString());
    // The whole cluster has 3 of 5: below the threshold, so suppressed, with empty cells, never 0.
    String cluster = lines.stream().filter(l -> l.startsWith("above-58,1,cluster,k1,")).findFirst().orElseThrow();
    assertTrue(cluster.matches("above-58,1,cluster,k1,r1,2024-01-01,2024-12-31,2024,suppressed,,.*"), cluster);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("above-58,1,nation,DK,")), lines.toString());
    assertTrue(run.out().contains("events.csv: read 13 = used 13 + excluded 0 + rejected 0"), run.out());
    assertTrue(run.out().contains("suppressed, threshold 5"), run.out());
  }

  @Test
  void evaluate_clusterAudience_hidesAnotherClinicsSmallCell() throws IOException {
    Path out = data.resolve("results.csv");
    CommandRun run = evaluate(out, "--audience", "cluster", "--viewer-clinic", "c2");
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = Files.readAllLines(out);
    // c1 (3 of 5) appears only under a pseudonym, suppressed; the viewer's own c2 is shown.
    assertTrue(lines.stream().noneMatch(l -> l.contains(",c1,")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.matches("above-58,1,clinic,k1-P0\\d,k1,2024-01-01,2024-12-31,2024,"
        + "suppressed,.*")), lines.toString());
    assertTrue(lines.stream().noneMatch(l -> l.contains("small_count")), "published files give no reasons");
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("above-58,1,clinic,c2,k1,2024-01-01,2024-12-31,2024,shown,0,0,")),
        lines.toString());
  }

  @Test
  void evaluate_clusterAudienceThresholdOne_showsSmallCellsWithStatistics() throws IOException {
    Path out = data.resolve("results.csv");
    CommandRun run = evaluate(out, "--audience", "cluster", "--viewer-clinic", "c1", "--threshold", "1");
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = Files.readAllLines(out);
    // 3 of 5 = 60 %, Wilson 23.07 to 88.24.
    String c1 = lines.stream().filter(l -> l.startsWith("above-58,1,clinic,c1,")).findFirst().orElseThrow();
    assertTrue(c1.startsWith("above-58,1,clinic,c1,k1,2024-01-01,2024-12-31,2024,shown,3,5,60.0,23.07"), c1);
    assertTrue(lines.stream().noneMatch(l -> l.contains(",suppressed,")), lines.toString());
  }

  @Test
  void evaluate_clusterAudienceWithoutViewerClinic_isAUsageError() {
    CommandRun run = evaluate(data.resolve("results.csv"), "--audience", "cluster");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--viewer-clinic is required for the cluster audience"), run.err());
  }

  @Test
  void evaluate_unknownAudience_isAUsageError() {
    CommandRun run = evaluate(data.resolve("results.csv"), "--audience", "everyone");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("unknown audience 'everyone'"), run.err());
  }

  @Test
  void evaluate_json_holdsDisclosureProvenanceAndRows() throws IOException {
    Path out = data.resolve("results.json");
    CommandRun run = evaluate(out, "--round-to", "5");
    assertEquals(0, run.exitCode(), run.err());
    String json = Files.readString(out);
    assertTrue(json.contains("\"audience\" : \"public\""), json);
    assertTrue(json.contains("\"round_to\" : 5"), json);
    assertTrue(json.contains("\"definitionHashes\""), json);
    assertTrue(json.contains("\"above-58@1\""), json);
    assertTrue(json.contains("\"status\" : \"suppressed\""), json);
  }

  @Test
  void explain_showsTheDecidingValue() {
    CommandRun run = CommandRun.of("explain", "--definitions", DEFS, "--data", data.toString(), "--period", "2024",
        "--patient", "percent", "--indicator", "above-58");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("in populations: initial, denominator, numerator"), run.out());
    assertTrue(run.out().contains("lab npu:NPU27300 2024-05-01 7.6 %"), run.out());
  }

  @Test
  void patients_gap_listsCountedPatientsOutsideTheNumerator() {
    CommandRun run = CommandRun.of("patients", "--definitions", DEFS, "--data", data.toString(), "--period", "2024",
        "--clinic", "c1", "--indicator", "above-58", "--population", "gap");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("2 patient(s) of clinic c1 in gap"), run.out());
    assertTrue(run.out().contains("equal  [initial, denominator]"), run.out());
    assertTrue(run.out().contains("mgdl  [initial, denominator]"), run.out());
  }

  @Test
  void explain_unknownPatient_isAClearErrorNotAStackTrace() {
    CommandRun run = CommandRun.of("explain", "--definitions", DEFS, "--data", data.toString(), "--period", "2024",
        "--patient", "nobody", "--indicator", "above-58");
    assertEquals(1, run.exitCode());
    assertEquals("error: no patient 'nobody' in the data", run.err().strip());
  }

  @Test
  void evaluate_badPeriod_isAUsageError() {
    CommandRun run = CommandRun.of("evaluate", "--data", data.toString(), "--period", "2024x", "--out", "x.csv");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("cannot read period '2024x'"), run.err());
  }
}
