package org.klynge.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.klynge.core.data.Outcome;
import org.klynge.core.definition.Granularity;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.format.DefinitionLoader;
import org.klynge.core.io.CsvExtractReader;
import org.klynge.core.result.Level;
import org.klynge.core.result.ResultRow;
import org.klynge.core.result.ResultTable;

/** Runs every hand-worked case in {@code docs/conformance/} (see its README). */
class ConformanceTest {

  private static final Path ROOT = Path.of("..", "docs", "conformance");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      List<String> out = files.filter(f -> f.getFileName().toString().equals("case.yaml"))
          .map(f -> ROOT.relativize(f.getParent()).toString().replace('\\', '/'))
          .sorted().toList();
      assertFalse(out.isEmpty(), "no conformance cases found under " + ROOT.toAbsolutePath());
      return out.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void conformanceCase_matchesHandWorkedExpectation(String name, @TempDir Path extract) throws IOException {
    Path dir = ROOT.resolve(name);
    JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(dir.resolve("case.yaml").toFile());
    try (Stream<Path> org = Files.list(ROOT.resolve("organisation"))) {
      for (Path f : org.toList()) {
        Files.copy(f, extract.resolve(f.getFileName()));
      }
    }
    for (String file : List.of("patients.csv", "listings.csv", "events.csv")) {
      Files.copy(dir.resolve(file), extract.resolve(file));
    }
    var definitions = DefinitionLoader.load(List.of(dir.resolve("definitions.yaml"))).orThrow();
    // a case that expects rejected rows lists them under 'rejected' (file:line [column]: reason)
    List<String> expectedRejections = new ArrayList<>();
    spec.path("rejected").forEach(r -> expectedRejections.add(r.asText()));
    var reader = expectedRejections.isEmpty() ? CsvExtractReader.strict() : CsvExtractReader.create();
    var data = reader.withCodeSystems(definitions.declaredSystems()).read(extract);
    var span = new MeasurementPeriod(LocalDate.parse(spec.at("/span/start").asText()),
        LocalDate.parse(spec.at("/span/end").asText()));
    Granularity granularity = Granularity.fromCode(spec.get("granularity").asText()).orElseThrow();
    ResultTable table = Evaluator.compileAll(definitions).evaluate(data, EvaluationOptions.of(span, granularity));

    List<String> lines = Files.readAllLines(dir.resolve("expected.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    List<String> mismatches = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      String indicator = f[header.indexOf("indicator_id")];
      Level level = Level.valueOf(f[header.indexOf("level")].toUpperCase(java.util.Locale.ROOT));
      String unit = f[header.indexOf("unit_id")];
      String period = f[header.indexOf("period")];
      var row = table.rows().stream().filter(r -> r.indicatorId().equals(indicator) && r.level() == level
          && r.unitId().equals(unit) && r.period().label().equals(period)).findFirst();
      if (row.isEmpty()) {
        mismatches.add("no row for " + line);
        continue;
      }
      String actual = render(row.get(), header);
      if (!actual.equals(line)) {
        mismatches.add("expected " + line + "\n       got " + actual);
      }
    }
    assertTrue(mismatches.isEmpty(), name + ": " + spec.get("description").asText() + "\n  "
        + String.join("\n  ", mismatches));
    List<String> rejections = table.reconciliation().examples().stream()
        .filter(r -> r.outcome() == Outcome.REJECTED)
        .map(r -> r.location() + ": " + r.reason()).toList();
    assertEquals(expectedRejections, rejections, name + ": rejected rows");
  }

  private static String render(ResultRow r, List<String> header) {
    List<String> out = new ArrayList<>();
    for (String column : header) {
      var c = r.counts();
      out.add(switch (column) {
        case "indicator_id" -> r.indicatorId();
        case "level" -> r.level().code();
        case "unit_id" -> r.unitId();
        case "period" -> r.period().label();
        case "initial_population" -> Long.toString(c.initialPopulation());
        case "denominator" -> Long.toString(c.denominator());
        case "denominator_exclusions" -> Long.toString(c.denominatorExclusions());
        case "denominator_exceptions" -> Long.toString(c.denominatorExceptions());
        case "numerator" -> Long.toString(c.numerator());
        case "numerator_exclusions" -> Long.toString(c.numeratorExclusions());
        case "events" -> Long.toString(c.events());
        case "person_days" -> Long.toString(c.personDays());
        case "sum" -> Double.toString(c.sum());
        case "not_summed" -> Long.toString(c.notSummed());
        case "data_incomplete" -> Boolean.toString(r.dataIncomplete());
        case "value" -> r.value().isPresent() ? Double.toString(r.value().getAsDouble()) : "";
        default -> throw new IllegalArgumentException("unknown expected column " + column);
      });
    }
    return String.join(",", out);
  }
}
