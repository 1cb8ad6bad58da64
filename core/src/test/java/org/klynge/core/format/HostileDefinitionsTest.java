package org.klynge.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.klynge.core.definition.Criterion;
import org.klynge.core.definition.DefinitionLimits;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Direction;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.Listed;
import org.klynge.core.definition.NamedPopulation;
import org.klynge.core.definition.Not;
import org.klynge.core.definition.PopulationRef;
import org.klynge.core.definition.Populations;
import org.klynge.core.definition.Proportion;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.validation.DefinitionChecker;
import org.klynge.core.validation.DefinitionException;
import org.klynge.core.validation.Diagnostic;

/**
 * Text that binding would silently read wrong, or could not survive, is reported before it is
 * bound: keys given twice, numbers that are not whole where whole numbers are required, YAML 1.1
 * number forms, anchors and aliases, deep nesting, oversized documents. Each case changes one
 * place of {@code base-correct.yaml} and must give exactly one error, at that place.
 */
class HostileDefinitionsTest {

  private static String base() {
    try {
      return Files.readString(Path.of("src/test/resources/definitions/base-correct.yaml"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Diagnostic> errors(String text, Syntax syntax) {
    return DefinitionLoader.loadTexts(List.of(new DefinitionLoader.Source("d", text, syntax))).diagnostics()
        .stream().filter(Diagnostic::isError).toList();
  }

  private static Diagnostic onlyError(String text) {
    List<Diagnostic> errors = errors(text, Syntax.YAML);
    assertEquals(1, errors.size(), errors::toString);
    return errors.get(0);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      'standard: {target: 95,' | 'standard: {target: 95, target: 70,' | indicators[0].standard.target | line 34, column 16 and line 34, column 28
      '    direction: higher' | '    direction: higher\\n    direction: lower' | indicators[0].direction | line 33, column 5 and line 34, column 5
      '  - id: adults-with-diabetes\\n' | '  - id: adults-with-diabetes\\n    id: adults\\n' | populations[0].id | line 16, column 5 and line 17, column 5
      """)
  void read_duplicateKey_reportedWithBothPlaces(String original, String replacement, String path, String places) {
    Diagnostic error = onlyError(base().replace(original.replace("\\n", "\n"), replacement.replace("\\n", "\n")));
    assertEquals(path, error.path());
    assertTrue(error.message().contains("given twice, at " + places), error::toString);
  }

  @Test
  void read_duplicateKeyInJson_reportedWithBothPlaces() {
    String json = "{\"schemaVersion\": 1, \"populations\": [{\"id\": \"a\", \"id\": \"b\", \"criterion\": {\"type\": \"listed\"}}]}";
    List<Diagnostic> errors = errors(json, Syntax.JSON);
    assertEquals(List.of(Diagnostic.error("d", "populations[0].id",
        "key 'id' given twice, at line 1, column 39 and line 1, column 50; give it once")), errors);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      'schemaVersion: 1' | 'schemaVersion: 1.9' | schemaVersion | 'must be a whole number, got 1.9'
      '{type: age, min: 18}' | '{type: age, min: 18.7}' | populations[0].criterion.all[1].min | 'must be a whole number, got 18.7'
      '{type: age, min: 18}' | '{type: age, min: \"18\"}' | populations[0].criterion.all[1].min | 'must be a number, got \"18\"'
      '{type: age, min: 18}' | '{type: age, min: 1:30}' | populations[0].criterion.all[1].min | 'must be a number, got \"1:30\"'
      'numerator: {type: hasEvent, event: lab, valueSet: hba1c}' | 'numerator: {type: eventCount, event: lab, valueSet: hba1c, atLeast: 2.5}' | indicators[0].populations.numerator.atLeast | 'must be a whole number, got 2.5'
      'scoring: {type: proportion}' | 'scoring: {type: rate, event: lab, valueSet: hba1c, per: 1000.5, base: persons}' | indicators[0].scoring.per | 'must be a whole number, got 1000.5'
      'indicators: [hba1c-measured@1.0.0]' | 'indicators: [hba1c-measured@1.0.0]\\n    followUp: {months: 99.9999, granularity: month}' | packages[0].followUp.months | 'must be a whole number, got 99.9999'
      'standard: {target: 95,' | 'standard: {target: \"95\",' | indicators[0].standard.target | 'must be a number, got \"95\"'
      """)
  void read_notAWholeNumber_rejected(String original, String replacement, String path, String message) {
    String text = base().replace(original, replacement.replace("\\n", "\n"));
    assertTrue(!text.equals(base()), "fixture changed");
    Diagnostic error = onlyError(text);
    assertEquals(path, error.path(), error::toString);
    assertTrue(error.message().startsWith(message), error::toString);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      072
      0x3A
      0o72
      0b111010
      5_8
      -072
      """)
  void read_yaml11IntegerForm_rejected(String written) {
    Diagnostic error = onlyError(base().replace("{type: age, min: 18}", "{type: age, min: " + written + "}"));
    assertEquals("populations[0].criterion.all[1].min", error.path());
    // 0o72 is no number to Jackson's YAML 1.1 reader: it arrives as text and is rejected as such
    assertTrue(error.message().startsWith("'" + written + "' (line 22, column 28) is a YAML 1.1 number form")
        || error.message().startsWith("must be a number, got \"" + written + "\""), error::toString);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      .inf
      -.inf
      .nan
      9_5.0
      """)
  void read_nonFiniteOrGroupedDecimal_rejected(String written) {
    Diagnostic error = onlyError(base().replace("standard: {target: 95,", "standard: {target: " + written + ","));
    assertEquals("indicators[0].standard.target", error.path(), error::toString);
    assertTrue(error.message().contains("is not a plain finite decimal number"), error::toString);
  }

  @Test
  void read_plainDecimals_stillAccepted() {
    assertEquals(List.of(), errors(base().replace("{type: age, min: 18}", "{type: age, min: 0}")
        .replace("standard: {target: 95,", "standard: {target: 95.5,"), Syntax.YAML));
  }

  @Test
  void read_anchorAndAlias_rejected() {
    String text = base().replace("        - {type: listed}\n", "        - &listed {type: listed}\n        - *listed\n");
    List<Diagnostic> errors = errors(text, Syntax.YAML);
    assertEquals(2, errors.size(), errors::toString);
    assertTrue(errors.get(0).message().startsWith("YAML anchor '&listed' (line 21, column 11)"), errors::toString);
    assertTrue(errors.get(1).message().startsWith("YAML alias '*listed' (line 22, column 11)"), errors::toString);
  }

  @Test
  void read_billionLaughs_rejectedAtFirstAnchor() {
    StringBuilder text = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char prev = (char) (c - 1);
      text.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev).append(", *")
          .append(prev).append(", *").append(prev).append("]\n");
    }
    List<Diagnostic> errors = errors(text.toString(), Syntax.YAML);
    assertTrue(!errors.isEmpty() && errors.stream().allMatch(d -> d.message().contains("anchors and aliases")),
        errors::toString);
  }

  @ParameterizedTest(name = "{0} x {1}")
  @CsvSource(textBlock = """
      not, 690
      and, 580
      or, 580
      not, 5000
      """)
  void read_yamlNestedBeyondDocumentLimit_oneErrorNoStackOverflow(String operator, int levels) {
    Diagnostic error = onlyError(population(nested(operator, levels)));
    assertTrue(error.message().startsWith("nested more than " + DefinitionLimits.MAX_DOCUMENT_DEPTH + " levels deep"),
        error::toString);
  }

  @Test
  void read_jsonNested999_oneErrorNoStackOverflow() {
    StringBuilder json = new StringBuilder("{\"schemaVersion\": 1, \"populations\": [{\"id\": \"p\", \"criterion\": ");
    json.append("{\"type\": \"not\", \"criterion\": ".repeat(999)).append("{\"type\": \"listed\"}")
        .append("}".repeat(999)).append("}]}");
    List<Diagnostic> errors = errors(json.toString(), Syntax.JSON);
    assertEquals(1, errors.size(), errors::toString);
    assertTrue(errors.get(0).message().startsWith("nested more than"), errors::toString);
  }

  @Test
  void check_criteriaNestedBeyondCriterionLimit_reportedAtTheTop() {
    Diagnostic error = onlyError(population(nested("not", DefinitionLimits.MAX_CRITERION_DEPTH)));
    assertEquals("populations[0].criterion", error.path());
    assertEquals("criteria nest 65 levels deep here; at most 64 levels are allowed", error.message());
  }

  @Test
  void check_criteriaAtTheCriterionLimit_accepted() {
    assertEquals(List.of(), errors(population(nested("and", DefinitionLimits.MAX_CRITERION_DEPTH - 1)), Syntax.YAML));
  }

  @Test
  void check_longChainOfReferences_oneErrorWhereTheLimitIsCrossed() {
    int n = 3_900;
    StringBuilder text = new StringBuilder("schemaVersion: 1\npopulations:\n");
    for (int i = 0; i < n; i++) {
      text.append("  - id: p").append(i).append("\n    criterion: ")
          .append(i == n - 1 ? "{type: listed}" : "{type: population, id: p" + (i + 1) + "}").append('\n');
    }
    List<Diagnostic> errors = errors(text.toString(), Syntax.YAML);
    assertEquals(1, errors.size(), errors::toString);
    // p3835 → p3836 → … → p3899 is 65 levels: one reference level per link and the leaf
    assertEquals("populations[3835].criterion", errors.get(0).path());
    assertEquals("criteria nest 65 levels deep counting the populations referred to"
        + " (p3836 → p3837 → p3838 → p3839 → … (64 populations)); at most 64 levels are allowed",
        errors.get(0).message());
  }

  @Test
  void check_longCircleOfReferences_reportedOnce() {
    int n = 3_900;
    StringBuilder text = new StringBuilder("schemaVersion: 1\npopulations:\n");
    for (int i = 0; i < n; i++) {
      text.append("  - id: p").append(i).append("\n    criterion: {type: population, id: p").append((i + 1) % n)
          .append("}\n");
    }
    List<Diagnostic> errors = errors(text.toString(), Syntax.YAML);
    assertEquals(1, errors.size(), errors::toString);
    assertEquals("populations[0].criterion", errors.get(0).path());
    assertTrue(errors.get(0).message().startsWith("population refers to itself: p0 → p1 → p2 → p3 → … → p3899 → p0"), errors::toString);
    assertTrue(errors.get(0).message().endsWith("p3899 → p0 (3,900 populations)"), errors::toString);
  }

  @Test
  void check_diamondWebOfReferences_fast() {
    // each population refers twice to the next: 2^60 paths, which a search without memory would walk
    StringBuilder text = new StringBuilder("schemaVersion: 1\npopulations:\n");
    for (int i = 0; i < 60; i++) {
      text.append("  - id: p").append(i).append("\n    criterion: {type: or, any: [{type: population, id: p")
          .append(i + 1).append("}, {type: not, criterion: {type: population, id: p").append(i + 1).append("}}]}\n");
    }
    text.append("  - id: p60\n    criterion: {type: listed}\n");
    List<Diagnostic> errors = assertTimeoutPreemptively(
        Duration.ofSeconds(20), () -> errors(text.toString(), Syntax.YAML));
    assertEquals(1, errors.size(), errors::toString);
    assertTrue(errors.get(0).message().startsWith("criteria nest"), errors::toString);
  }

  @Test
  void read_documentTooLong_rejectedUnread() {
    String text = "schemaVersion: 1\n# " + "x".repeat(DefinitionLimits.MAX_DOCUMENT_CHARS) + "\n";
    Diagnostic error = onlyError(text);
    assertTrue(error.message().startsWith("the document holds 10,000,020 characters"), error::toString);
  }

  @Test
  void read_nullByteAndControlCharacters_reportedNotThrown() {
    List<Diagnostic> errors = errors(base().replace("title: HbA1c", "title: \u0000\u0007HbA1c"), Syntax.YAML);
    assertTrue(!errors.isEmpty(), "rejected");
  }

  @Test
  void read_emptyAndWhitespaceAndScalarDocuments_reportedNotThrown() {
    for (String text : List.of("", "   \n", "42", "- a\n- b", "\"text\"", "[", "{", "schemaVersion: [")) {
      for (Syntax syntax : Syntax.values()) {
        assertTrue(!errors(text, syntax).isEmpty(), () -> syntax + " " + text);
      }
    }
  }

  @Test
  void compile_javaBuiltTreeTenThousandDeep_definitionExceptionNoStackOverflow() {
    Criterion c = new Listed(null);
    for (int i = 0; i < 10_000; i++) {
      c = new Not(c);
    }
    Indicator indicator = Indicator.builder().id("deep").version("1").title("deep").scoring(new Proportion())
        .populations(Populations.of(new PopulationRef("deep"), new Listed(null))).direction(Direction.HIGHER_IS_BETTER)
        .build();
    var set = new DefinitionSet(1, null, null, ImmutableList.of(new NamedPopulation("deep", "deep", c)),
        ImmutableList.of(indicator), null);
    var diagnostics = DefinitionChecker.check(set, "definitions");
    assertEquals(List.of(Diagnostic.error("definitions", "populations[0].criterion",
        "criteria nest 10,001 levels deep here; at most 64 levels are allowed")), diagnostics);
    DefinitionException e = assertThrows(DefinitionException.class, () -> Evaluator.compileAll(set));
    assertEquals(diagnostics, e.diagnostics());
  }

  /** {@code levels} operators around a leaf: {@code {type: not, criterion: {…}}} or {@code {type: and, all: […]}}. */
  static String nested(String operator, int levels) {
    String open = switch (operator) {
      case "not" -> "{type: not, criterion: ";
      case "and" -> "{type: and, all: [";
      default -> "{type: or, any: [";
    };
    String close = operator.equals("not") ? "}" : "]}";
    return open.repeat(levels) + "{type: listed}" + close.repeat(levels);
  }

  private static String population(String criterion) {
    return "schemaVersion: 1\npopulations:\n  - id: p\n    criterion: " + criterion + "\n";
  }
}
