package org.klynge.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ValidateCommandTest {

  private record Run(int exitCode, String out) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new KlyngeCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    int code = cli.execute(args);
    return new Run(code, out.toString());
  }

  @Test
  void validate_bundledCatalogue_isValid() {
    Run run = run("validate");
    assertEquals(0, run.exitCode(), run.out());
    assertTrue(run.out().startsWith("valid:"), run.out());
  }

  @Test
  void validate_threeSeededMistakes_listsEachWithItsPathAndExitsOne() {
    Run run = run("validate", "src/test/resources/definitions/three-mistakes.yaml");
    assertEquals(1, run.exitCode(), run.out());
    String file = "src/test/resources/definitions/three-mistakes.yaml";
    assertTrue(run.out().contains(file + ": indicators[0].populations.denominator.valueSet: undefined value set 'type-2-diabetes'"), run.out());
    assertTrue(run.out().contains(file + ": indicators[0].populations.numerator.window.from: window ends"), run.out());
    assertTrue(run.out().contains(file + ": indicators[0].standard.target: a proportion's standard is a percentage and must be 0–100"), run.out());
    assertTrue(run.out().contains("invalid: 3 error(s)"), run.out());
  }

  @Test
  void validate_missingFile_saysSoAndExitsOne() {
    Run run = run("validate", "no/such/file.yaml");
    assertEquals(1, run.exitCode());
    assertTrue(run.out().contains("no/such/file.yaml: no such file or folder"), run.out());
  }
}
