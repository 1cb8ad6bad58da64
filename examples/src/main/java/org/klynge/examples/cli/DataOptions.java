package org.klynge.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.klynge.core.data.DuplicatePolicy;
import org.klynge.core.data.Extract;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.format.DefinitionLoader;
import org.klynge.core.io.CsvExtractReader;
import org.klynge.core.model.EventType;
import org.klynge.core.validation.DefinitionException;
import org.klynge.indicators.Catalogue;
import org.klynge.examples.demo.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options shared by the commands that evaluate: definitions, package, data, period. */
final class DataOptions {

  @Option(names = "--definitions", paramLabel = "PATH", split = ",",
      description = "Definition files or folders (default: the bundled catalogue).")
  List<Path> definitions = List.of();

  @Option(names = "--package", paramLabel = "ID",
      description = "Evaluate only this package's indicators (default: every indicator).")
  String packageId;

  @Option(names = "--data", paramLabel = "DIR", required = true,
      description = "Folder with the CSV extract (see docs/data-format.md).")
  Path data;

  @Option(names = "--period", paramLabel = "PERIOD", required = true, converter = PeriodParser.class,
      description = "2024, 2024-Q2, 2024-03 or 2024-01-01..2024-06-30.")
  MeasurementPeriod period;

  @Option(names = "--strict", description = "Fail when any input row is rejected.")
  boolean strict;

  /** The duplicate policy chosen per event type; the types not named keep their default. */
  final Map<EventType, DuplicatePolicy> duplicates = new EnumMap<>(EventType.class);

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  private DefinitionSet loaded;

  @Option(names = "--duplicates", paramLabel = "TYPE=once|each", split = ",",
      description = {"What two identical event rows of TYPE (diagnosis, lab, prescription, service, answer,"
          + " episode) without an event_id are: once (one event, the second excluded as 'duplicate event') or each"
          + " (two events). Repeatable, or comma-separated. Default: prescription=each (two identical"
          + " redemptions on one day are two packages), once for the other types."})
  void duplicates(List<String> settings) {
    duplicates.clear(); // the values so far, each time one is added
    settings.forEach(this::duplicate);
  }

  private void duplicate(String setting) {
    int equals = setting.indexOf('=');
    if (equals < 0) {
      throw usage("--duplicates " + setting + ": expected TYPE=once or TYPE=each, e.g. prescription=once");
    }
    String typeName = setting.substring(0, equals).trim();
    String policyName = setting.substring(equals + 1).trim();
    EventType type = EventType.fromCode(typeName).orElseThrow(() -> usage("--duplicates " + setting
        + ": unknown event type '" + typeName + "', expected one of " + EventType.validCodes()));
    DuplicatePolicy policy = DuplicatePolicy.fromCode(policyName).orElseThrow(() -> usage("--duplicates " + setting
        + ": unknown policy '" + policyName + "', expected once or each"));
    DuplicatePolicy before = duplicates.put(type, policy);
    if (before != null && before != policy) {
      throw usage("--duplicates: " + type.code() + " is given both " + before.code() + " and " + policy.code());
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(command.commandLine(), message);
  }

  /** The definitions (checked): the files given, or the catalogue; loaded once. */
  DefinitionSet definitionSet() {
    if (loaded == null) {
      loaded = definitions.isEmpty() ? Catalogue.definitions() : DefinitionLoader.load(definitions).orThrow();
    }
    return loaded;
  }

  /** The definitions (checked) compiled for evaluation: every indicator, or the chosen package's. */
  Evaluator evaluator() {
    DefinitionSet defs = definitionSet();
    return packageId == null ? Evaluator.compileAll(defs) : Evaluator.forPackage(defs, packageId);
  }

  /**
   * The extract, with events in the built-in code systems and those the definitions declare, and
   * exact duplicates taken by the {@code --duplicates} policies.
   */
  Extract readData(PrintWriter progress) throws IOException {
    CsvExtractReader reader = (strict ? CsvExtractReader.strict() : CsvExtractReader.create())
        .withCodeSystems(definitionSet().declaredSystems());
    for (Map.Entry<EventType, DuplicatePolicy> chosen : duplicates.entrySet()) {
      reader = reader.withDuplicates(chosen.getKey(), chosen.getValue());
    }
    CsvExtractReader chosen = reader;
    return Progress.step(progress, "reading " + data, () -> chosen.read(data));
  }

  /** Turns definition problems into a clean message. */
  static String describe(DefinitionException e) {
    return e.getMessage();
  }
}
