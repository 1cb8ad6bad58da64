package org.klynge.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code klynge explain}: why one patient is (or is not) in each population of one indicator. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = KlyngeCommand.Version.class,
    description = "Shows, for one patient and indicator, each criterion as true or false"
    + " with the events and facts that decided it.")
final class ExplainCommand implements Callable<Integer> {

  @Mixin
  DataOptions options;

  @Option(names = "--patient", paramLabel = "ID", required = true, description = "The patient id.")
  String patient;

  @Option(names = "--indicator", paramLabel = "ID", required = true, description = "The indicator id (or id@version).")
  String indicator;

  @Option(names = "--format", paramLabel = "F", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}); with json, progress goes to standard error.")
  OutputFormat format;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    var evaluator = options.evaluator();
    var extract = options.readData(format == OutputFormat.json ? spec.commandLine().getErr() : out);
    var explanation = evaluator.explain(extract, patient, indicator, options.period);
    if (format == OutputFormat.json) {
      out.println(JsonOutput.write(JsonOutput.explanation(explanation)));
    } else {
      out.println();
      out.print(explanation.render());
    }
    out.flush();
    return 0;
  }
}
