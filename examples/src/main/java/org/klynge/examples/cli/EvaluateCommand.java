package org.klynge.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.klynge.core.data.Extract;
import org.klynge.core.definition.Granularity;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.result.ResultTable;
import org.klynge.core.result.ResultWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code klynge evaluate}: evaluates definitions over a CSV extract and writes the result table. */
@Command(name = "evaluate", description = {
    "Evaluates definitions over a CSV extract and writes results (.csv or .json, by the file name).",
    "Prints the reconciliation of every input row."})
final class EvaluateCommand implements Callable<Integer> {

  @Mixin
  DataOptions options;

  @Option(names = "--granularity", paramLabel = "G", defaultValue = "whole",
      description = "whole, year, quarter, month or rolling12 (default: ${DEFAULT-VALUE}).")
  String granularity;

  @Option(names = "--threads", paramLabel = "N", description = "Threads (default: available processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "results.csv or results.json")
  Path out;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter log = spec.commandLine().getOut();
    Granularity g = Granularity.fromCode(granularity).orElseThrow(() -> new CommandLine.ParameterException(
        spec.commandLine(), "unknown granularity '" + granularity + "': use whole, year, quarter, month or rolling12"));
    var defs = options.loadDefinitions();
    var evaluator = options.evaluator(defs);
    Extract extract = options.readData(log);
    var evaluation = EvaluationOptions.of(options.period, g).withThreads(threads);
    ResultTable table = Progress.step(log, "evaluating " + evaluator.indicators().size() + " indicator(s) for "
        + evaluation.periods().size() + " period(s) over " + extract.patients().patientCount() + " patients",
        () -> evaluator.evaluate(extract, evaluation));
    Progress.step(log, "writing " + out, () -> {
      ResultWriter.write(table, out);
      return null;
    });
    log.println(table.rows().size() + " rows written to " + out);
    log.print(table.reconciliation().summary());
    log.flush();
    return 0;
  }
}
