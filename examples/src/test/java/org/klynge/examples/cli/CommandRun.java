package org.klynge.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/** One run of the {@code klynge} command line in a test: its exit code and what it printed. */
record CommandRun(int exitCode, String out, String err) {

  /** Runs {@code klynge} with {@code args}. */
  static CommandRun of(String... args) {
    return of(KlyngeCommand.commandLine(), args);
  }

  /** Runs {@code cli} (a {@code klynge} command line set up by the test) with {@code args}. */
  static CommandRun of(CommandLine cli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = KlyngeCommand.execute(cli, args);
    return new CommandRun(code, out.toString(), err.toString());
  }

  /** The lines printed on standard output. */
  List<String> lines() {
    return out.lines().toList();
  }

  /** Copies the conformance cases' shared organisation and the patient data of {@code conformanceCase} into {@code folder}. */
  static void copyExtract(Path conformanceCase, Path folder) throws IOException {
    try (Stream<Path> org = Files.list(Path.of("../docs/conformance/organisation"))) {
      for (Path f : org.toList()) {
        Files.copy(f, folder.resolve(f.getFileName()));
      }
    }
    for (String f : List.of("patients.csv", "listings.csv", "events.csv")) {
      Files.copy(conformanceCase.resolve(f), folder.resolve(f));
    }
  }
}
