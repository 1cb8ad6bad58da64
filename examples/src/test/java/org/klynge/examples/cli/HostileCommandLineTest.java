package org.klynge.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.klynge.core.engine.Evaluator;
import picocli.CommandLine;

/**
 * The command line as a careless or hostile user meets it: help on every command, the version
 * from the build, the output checked before any work, nothing overwritten without --force, an
 * unknown viewer clinic, extract files that cannot be read, out of memory, and JSON answers.
 */
class HostileCommandLineTest {

  private static final Path CASE = Path.of("../docs/conformance/values/latest-value");
  private static final String DEFS = CASE.resolve("definitions.yaml").toString();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path temp;

  Path data;

  @BeforeEach
  void extract() throws IOException {
    data = Files.createDirectory(temp.resolve("data"));
    CommandRun.copyExtract(CASE, data);
  }

  private CommandRun evaluate(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("evaluate", "--definitions", DEFS, "--data", data.toString(),
        "--period", "2024", "--out", out.toString()));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(textBlock = """
      demo, --help
      validate, -h
      bench, --help
      evaluate, --help
      explain, -h
      patients, --help
      """)
  void subcommand_help_printsUsageAndExitsZero(String command, String option) {
    CommandRun run = CommandRun.of(command, option);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("Usage: klynge " + command), run.out());
    assertEquals("", run.err());
  }

  @Test
  void version_comesFromTheBuild() {
    CommandRun run = CommandRun.of("--version");
    assertEquals(0, run.exitCode());
    assertEquals("klynge " + Evaluator.ENGINE_VERSION, run.out().strip());
    assertTrue(Evaluator.ENGINE_VERSION.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), Evaluator.ENGINE_VERSION);
    assertEquals(run.out(), CommandRun.of("evaluate", "-V").out());
  }

  @Test
  void evaluate_unknownOutputFormat_failsBeforeReadingAnything() {
    CommandRun run = CommandRun.of("evaluate", "--data", temp.resolve("no-such-folder").toString(), "--period", "2024",
        "--out", temp.resolve("x.parquet").toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("--out " + temp.resolve("x.parquet") + ": cannot tell the format from the name;"
        + " use a file name ending in .csv or .json"), run.err());
  }

  @Test
  void evaluate_outIsAnInputFile_refused() throws IOException {
    String before = Files.readString(data.resolve("events.csv"));
    CommandRun run = evaluate(data.resolve("events.csv"));
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("--out " + data.resolve("events.csv") + " is an input file"), run.err());
    assertEquals(before, Files.readString(data.resolve("events.csv")));
    CommandRun viaDots = evaluate(data.resolve("../data/patients.csv"));
    assertTrue(viaDots.err().contains("is an input file"), viaDots.err());
  }

  @Test
  void evaluate_outExists_refusedUnlessForce() throws IOException {
    Path out = Files.writeString(temp.resolve("results.csv"), "precious\n");
    CommandRun refused = evaluate(out);
    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().startsWith("--out " + out + " exists; use --force to replace it"), refused.err());
    assertEquals("precious\n", Files.readString(out));
    CommandRun forced = evaluate(out, "--force");
    assertEquals(0, forced.exitCode(), forced.err());
    assertTrue(Files.readString(out).startsWith("indicator_id,"));
  }

  @Test
  void evaluate_outFolderMissing_refusedBeforeWork() {
    Path out = temp.resolve("nowhere").resolve("results.csv");
    CommandRun run = evaluate(out);
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("the folder " + temp.resolve("nowhere") + " does not exist"), run.err());
  }

  @Test
  void evaluate_outFolderReadOnly_refusedBeforeWork() throws IOException {
    Path folder = Files.createDirectory(temp.resolve("read-only"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
    assumeTrue(!Files.isWritable(folder),
        "the tests run as a user who may write anywhere (root)");
    CommandRun run = evaluate(folder.resolve("results.csv"));
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("is not writable (permission denied)"), run.err());
  }

  @Test
  void evaluate_unknownViewerClinic_isAnError() {
    CommandRun run = evaluate(temp.resolve("results.csv"), "--audience", "clinic", "--viewer-clinic", "c9");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("error: --viewer-clinic c9: no such clinic in " + data), run.err());
    assertFalse(Files.exists(temp.resolve("results.csv")));
  }

  @Test
  void evaluate_eventsIsAFolder_namedWithTheReason() throws IOException {
    Files.delete(data.resolve("events.csv"));
    Files.createDirectory(data.resolve("events.csv"));
    CommandRun run = evaluate(temp.resolve("results.csv"));
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("events.csv: unreadable file (" + data.toAbsolutePath().resolve("events.csv")
        + ": is a folder, not a file)"), run.err());
  }

  @Test
  void evaluate_eventsNotUtf8_namesLineAndByte() throws IOException {
    Files.write(data.resolve("events.csv"), "patient_id,type,system,code,date,value,unit\nK\u00f8,x\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    CommandRun run = evaluate(temp.resolve("results.csv"));
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("events.csv:2: malformed file (not UTF-8 at line 2, byte 2"), run.err());
  }

  @Test
  void evaluate_formatJson_printsTheReconciliationAsJsonAlone() throws IOException {
    CommandRun run = evaluate(temp.resolve("results.csv"), "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = JSON.readTree(run.out());
    assertEquals(13, json.path("sources").path("events.csv").path("read").asLong());
    assertEquals(13, json.path("sources").path("events.csv").path("used").asLong());
    assertTrue(json.path("exactDuplicates").isObject(), run.out());
    assertTrue(run.err().contains("reading "), run.err());
  }

  @Test
  void explain_formatJson_holdsPopulationsAndTraces() throws IOException {
    CommandRun run = CommandRun.of("explain", "--definitions", DEFS, "--data", data.toString(), "--period", "2024",
        "--patient", "percent", "--indicator", "above-58", "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = JSON.readTree(run.out());
    assertEquals("percent", json.path("patient").asText());
    assertEquals(List.of("initial", "denominator", "numerator"),
        JSON.convertValue(json.path("populations"), List.class));
    assertTrue(json.path("traces").path("numerator").path("result").asBoolean(), run.out());
  }

  @Test
  void patients_formatJson_listsTheGap() throws IOException {
    CommandRun run = CommandRun.of("patients", "--definitions", DEFS, "--data", data.toString(), "--period", "2024",
        "--clinic", "c1", "--indicator", "above-58", "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = JSON.readTree(run.out());
    assertEquals(2, json.path("patients").size(), run.out());
    assertEquals("gap", json.path("selection").asText());
  }

  @Test
  void demo_outIsAFile_refused() throws IOException {
    Path file = Files.writeString(temp.resolve("klynge-demo"), "x");
    CommandRun run = CommandRun.of("demo", "--out", file.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("--out " + file + " exists and is not a folder"), run.err());
  }

  @Test
  void demo_unknownLanguage_refusedWithTheChoices() {
    CommandRun run = CommandRun.of("demo", "--out", temp.resolve("demo-lang").toString(), "--lang", "sv");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--lang") && run.err().contains("da, en"), run.err());
  }

  @Test
  void demo_outHoldsFiles_refusedUnlessForce() throws IOException {
    Path folder = Files.createDirectory(temp.resolve("demo"));
    Files.writeString(folder.resolve("results.csv"), "earlier results\n");
    CommandRun run = CommandRun.of("demo", "--out", folder.toString(), "--scale", "0.001");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("--out " + folder + " is not empty (it holds results.csv); use --force"), run.err());
    assertEquals("earlier results\n", Files.readString(folder.resolve("results.csv")));
  }

  @Test
  void validateAndEvaluate_deepAndLongDefinitions_oneDiagnosticNoStackTrace() throws IOException {
    StringBuilder chain = new StringBuilder("schemaVersion: 1\npopulations:\n");
    for (int i = 0; i < 1_900; i++) {
      chain.append("  - id: p").append(i).append("\n    criterion: ")
          .append(i == 1_899 ? "{type: listed}" : "{type: population, id: p" + (i + 1) + "}").append('\n');
    }
    chain.append("indicators:\n  - id: i\n    version: 1.0.0\n    title: t\n    scoring: {type: proportion}\n"
        + "    populations:\n      initial: {type: population, id: p0}\n      numerator: {type: listed}\n"
        + "    direction: higher\n    unit: \"%\"\n");
    Path chainFile = Files.writeString(temp.resolve("chain.yaml"), chain);
    Path deepFile = Files.writeString(temp.resolve("deep.yaml"), "schemaVersion: 1\npopulations:\n  - id: p\n"
        + "    criterion: " + "{type: not, criterion: ".repeat(535) + "{type: listed}" + "}".repeat(535) + "\n");
    for (Path file : List.of(chainFile, deepFile)) {
      CommandRun validate = CommandRun.of("validate", file.toString());
      assertEquals(1, validate.exitCode(), validate.out() + validate.err());
      assertTrue(validate.out().contains("invalid: 1 error(s)"), validate.out());
      assertFalse(validate.err().contains("Exception") || validate.err().contains("Error"), validate.err());
      CommandRun evaluate = CommandRun.of("evaluate", "--definitions", file.toString(), "--data", data.toString(), "--period", "2024",
          "--out", temp.resolve("r.csv").toString());
      assertEquals(1, evaluate.exitCode(), evaluate.err());
      assertTrue(evaluate.err().startsWith("error: 1 problem in definitions:"), evaluate.err());
    }
  }

  @Test
  void evaluate_diskFull_namesTheFile() throws IOException {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.exists(full), "no /dev/full on this machine");
    Path out = Files.createSymbolicLink(temp.resolve("results.csv"), full);
    CommandRun run = evaluate(out, "--force");
    assertEquals(1, run.exitCode());
    assertEquals("error: " + out + ": no space left on device", run.err().strip());
  }

  @Test
  void outOfMemory_oneLineAndExitCodeThree() {
    @CommandLine.Command(name = "hungry")
    class Hungry implements Callable<Integer> {
      @Override
      public Integer call() {
        throw new OutOfMemoryError("Java heap space");
      }
    }
    CommandRun run = CommandRun.of(new CommandLine(new Hungry()));
    assertEquals(KlyngeCommand.OUT_OF_MEMORY, run.exitCode());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().startsWith("error: out of memory: the Java heap (at most "), run.err());
    assertEquals("error: out of memory: the Java heap (at most 128 MB) is too small for this input; give Java more,"
        + " e.g. java -Xmx2g -jar klynge.jar ...", KlyngeCommand.outOfMemory(128L << 20));
  }
}
