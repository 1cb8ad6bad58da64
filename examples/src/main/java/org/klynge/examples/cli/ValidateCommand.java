package org.klynge.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.klynge.core.format.DefinitionLoader;
import org.klynge.core.format.LoadedDefinitions;
import org.klynge.core.validation.Diagnostic;
import org.klynge.indicators.Catalogue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code klynge validate [FILE_OR_DIR...]}: checks definitions and lists every problem. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = KlyngeCommand.Version.class,
    description = {
        "Checks definition files (.yaml, .yml, .json) and folders, all together so references may cross files.",
        "Prints every problem as FILE: PATH: MESSAGE. Exit code 0 when valid, 1 when there are errors.",
        "Without arguments, checks the bundled catalogue."})
final class ValidateCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE_OR_DIR", arity = "0..*", description = "Definition files or folders.")
  List<Path> paths = List.of();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LoadedDefinitions loaded = paths.isEmpty() ? Catalogue.load() : DefinitionLoader.load(paths);
    for (Diagnostic d : loaded.diagnostics()) {
      out.println(d);
    }
    long errors = loaded.diagnostics().stream().filter(Diagnostic::isError).count();
    long warnings = loaded.diagnostics().size() - errors;
    var set = loaded.documents().stream().map(d -> d.definitions()).toList();
    int indicators = set.stream().mapToInt(s -> s.indicators().size()).sum();
    int packages = set.stream().mapToInt(s -> s.packages().size()).sum();
    int valueSets = set.stream().mapToInt(s -> s.valueSets().size()).sum();
    String what = loaded.documents().size() + " file(s): " + indicators + " indicator(s), " + packages
        + " package(s), " + valueSets + " value set(s)";
    if (errors > 0) {
      out.println("invalid: " + errors + " error(s), " + warnings + " warning(s) in " + what);
      out.flush();
      return 1;
    }
    out.println("valid: " + what + (warnings > 0 ? ", " + warnings + " warning(s)" : ""));
    out.flush();
    return 0;
  }
}
