package org.klynge.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --duplicates TYPE=once|each} on the commands that read an extract. */
class DuplicatesOptionTest {

  private static final Path CASE = Path.of("../docs/conformance/values/latest-value");
  private static final String DEFS = CASE.resolve("definitions.yaml").toString();

  @TempDir
  Path data;

  /** The 'latest value' case with a lab row sent twice (lines 14, 15) and two identical redemptions (16, 17). */
  @BeforeEach
  void extract() throws IOException {
    CommandRun.copyExtract(CASE, data);
    Files.writeString(data.resolve("events.csv"), """
        equal,lab,npu,NPU27300,2024-04-01,58,mmol/mol,
        tie,prescription,atc,C10AA05,2024-03-01,,,1
        tie,prescription,atc,C10AA05,2024-03-01,,,1
        """, StandardOpenOption.APPEND);
  }

  private CommandRun evaluate(String... more) {
    List<String> args = new ArrayList<>(List.of("evaluate", "--definitions", DEFS, "--data", data.toString(),
        "--period", "2024", "--out", data.resolve("results.csv").toString()));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  @Test
  void byDefault_theRepeatedLabIsExcluded_andBothRedemptionsAreUsed() {
    CommandRun run = evaluate();
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("  excluded: duplicate event: 1\n"), run.out());
    assertTrue(run.out().contains("events.csv:15: excluded: duplicate event"), run.out());
    assertTrue(run.out().contains("exact duplicates, prescription: 1"), run.out());
  }

  @Test
  void chosenPolicies_replaceTheDefaults() {
    CommandRun run = evaluate("--duplicates", "lab=each", "--duplicates", "prescription=once");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("  excluded: duplicate event: 1\n"), run.out());
    assertTrue(run.out().contains("events.csv:17: excluded: duplicate event"), run.out());
    assertTrue(!run.out().contains("events.csv:15: excluded"), run.out());

    CommandRun commaSeparated = evaluate("--force", "--duplicates", "lab=once,prescription=ONCE");
    assertEquals(0, commaSeparated.exitCode(), commaSeparated.err());
    assertTrue(commaSeparated.out().contains("  excluded: duplicate event: 2\n"), commaSeparated.out());
  }

  @Test
  void explainAndPatients_takeTheOptionToo() {
    CommandRun explain = CommandRun.of("explain", "--definitions", DEFS, "--data", data.toString(), "--period", "2024",
        "--patient", "equal", "--indicator", "above-58", "--duplicates", "lab=each");
    assertEquals(0, explain.exitCode(), explain.err());
    CommandRun patients = CommandRun.of("patients", "--definitions", DEFS, "--data", data.toString(), "--period", "2024",
        "--clinic", "c1", "--indicator", "above-58", "--duplicates", "prescription=once");
    assertEquals(0, patients.exitCode(), patients.err());
    assertTrue(CommandRun.of("evaluate", "--help").out().contains("--duplicates=TYPE=once|each"));
  }

  @Test
  void badValues_areUsageErrors_beforeAnythingIsRead() {
    CommandRun policy = evaluate("--duplicates", "lab=twice");
    assertEquals(2, policy.exitCode(), policy.err());
    assertTrue(policy.err().contains("--duplicates lab=twice: unknown policy 'twice', expected once or each"),
        policy.err());
    CommandRun type = evaluate("--duplicates", "labs=once");
    assertEquals(2, type.exitCode(), type.err());
    assertTrue(type.err().contains("unknown event type 'labs', expected one of diagnosis, lab, prescription, service,"
        + " answer"), type.err());
    CommandRun shape = evaluate("--duplicates", "lab");
    assertEquals(2, shape.exitCode(), shape.err());
    assertTrue(shape.err().contains("expected TYPE=once or TYPE=each"), shape.err());
    CommandRun twice = evaluate("--duplicates", "lab=once", "--duplicates", "lab=each");
    assertEquals(2, twice.exitCode(), twice.err());
    assertTrue(twice.err().contains("lab is given both once and each"), twice.err());
    assertTrue(!Files.exists(data.resolve("results.csv")), "nothing was written");
  }
}
