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

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    var evaluator = options.evaluator();
    var extract = options.readData(out);
    out.println();
    out.print(evaluator.explain(extract, patient, indicator, options.period).render());
    out.flush();
    return 0;
  }
}
