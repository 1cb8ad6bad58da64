package org.klynge.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.klynge.core.data.Extract;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.format.DefinitionLoader;
import org.klynge.core.io.CsvExtractReader;
import org.klynge.core.validation.DefinitionException;
import org.klynge.indicators.Catalogue;
import org.klynge.examples.demo.Progress;
import picocli.CommandLine.Option;

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

  private DefinitionSet loaded;

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

  /** The extract, with events in the built-in code systems and those the definitions declare. */
  Extract readData(PrintWriter progress) throws IOException {
    CsvExtractReader reader = (strict ? CsvExtractReader.strict() : CsvExtractReader.create())
        .withCodeSystems(definitionSet().declaredSystems());
    return Progress.step(progress, "reading " + data, () -> reader.read(data));
  }

  /** Turns definition problems into a clean message. */
  static String describe(DefinitionException e) {
    return e.getMessage();
  }
}
