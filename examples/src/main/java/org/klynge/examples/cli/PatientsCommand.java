package org.klynge.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.klynge.core.result.PatientListEntry;
import org.klynge.core.result.Population;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code klynge patients}: a clinic's patients in a population of an indicator, with the facts behind it. */
@Command(name = "patients", mixinStandardHelpOptions = true, versionProvider = KlyngeCommand.Version.class,
    description = {
    "Lists a clinic's patients in a population of an indicator, with the facts that put them there.",
    "--population gap lists those counted in the denominator but not in the numerator: the actionable list."})
final class PatientsCommand implements Callable<Integer> {

  /** Which patients to list. */
  enum Selection { numerator, denominator, gap, initial }

  @Mixin
  DataOptions options;

  @Option(names = "--clinic", paramLabel = "ID", required = true, description = "The clinic id.")
  String clinic;

  @Option(names = "--indicator", paramLabel = "ID", required = true, description = "The indicator id.")
  String indicator;

  @Option(names = "--population", paramLabel = "P", defaultValue = "gap",
      description = "numerator, denominator, gap or initial (default: ${DEFAULT-VALUE}).")
  Selection population;

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
    var list = evaluator.patientList(extract, indicator, clinic, options.period);
    var selected = list.stream().filter(this::selected).toList();
    if (format == OutputFormat.json) {
      out.println(JsonOutput.write(JsonOutput.patients(clinic, indicator, options.period, population.name(), selected)));
      out.flush();
      return 0;
    }
    out.println(String.format(Locale.ROOT, "%n%d patient(s) of clinic %s in %s of %s, period %s:%n",
        selected.size(), clinic, population, indicator, options.period.label()));
    for (PatientListEntry e : selected) {
      out.println(e.patientId() + "  [" + String.join(", ", e.populations().stream().map(Population::code).toList()) + "]");
      e.facts().forEach(f -> out.println("    " + f));
    }
    out.flush();
    return 0;
  }

  private boolean selected(PatientListEntry e) {
    switch (population) {
      case numerator:
        return e.inNumerator() && e.counted();
      case denominator:
        return e.counted();
      case gap:
        return e.inGap();
      default:
        return e.populations().contains(Population.INITIAL);
    }
  }
}
