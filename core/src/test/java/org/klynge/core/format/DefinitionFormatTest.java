package org.klynge.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.ValueSet;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.validation.Diagnostic;
import com.google.common.collect.ImmutableList;

/** Reading errors name the place of the problem, list indices included, in JSON and YAML alike. */
class DefinitionFormatTest {

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', textBlock = """
      '      initial: {type: population, id: adults-with-diabetes}' | '      bogus: 1\\n      initial: {type: population, id: adults-with-diabetes}' | indicators[0].populations.bogus
      '      initial: {type: population, id: adults-with-diabetes}' | '      bogus: {x: 1}\\n      initial: {type: population, id: adults-with-diabetes}' | indicators[0].populations.bogus
      'numerator: {type: hasEvent, event: lab' | 'numerator: {type: hasEvent, bogus: [1, 2], event: lab' | indicators[0].populations.numerator.bogus
      'standard: {target: 95,' | 'standard: {bogus: {a: b}, target: 95,' | indicators[0].standard.bogus
      '    title: HbA1c measured in the year' | '    bogus: {a: b}\\n    title: HbA1c measured in the year' | indicators[0].bogus
      'schemaVersion: 1' | 'schemaVersion: 1\\nbogus: [a]' | bogus
      '      npu: [NPU27300, NPU03835]' | '      npu: [NPU27300, NPU03835]\\n    bogus: {a: 1}' | valueSets[1].bogus
      '    period: {start: 2024-01-01, end: 2024-12-31}' | '    period: {bogus: 1, start: 2024-01-01, end: 2024-12-31}' | packages[0].period.bogus
      '    period: {start: 2024-01-01, end: 2024-12-31}' | '    period: {start: 2024-01-01, end: 2024-12-31, bogus: 1}' | packages[0].period.bogus
      '  - id: adults-with-diabetes\\n' | '  - bogus: 1\\n    id: adults-with-diabetes\\n' | populations[0].bogus
      'valueSet: hba1c}' | 'valueSet: hba1c, window: {from: period.middle, to: period.end}}' | indicators[0].populations.numerator.window.from
      '{type: age, min: 18}' | '{type: age, min: eighteen}' | populations[0].criterion.all[1].min
      '{type: age, min: 18}' | '{type: aged, min: 18}' | populations[0].criterion.all[1].type
      'standard: {target: 95,' | 'standard: {' | indicators[0].standard.target
      """)
  void read_problem_reportedAtItsPath(String original, String replacement, String expectedPath) throws IOException {
    String base = Files.readString(Path.of("src/test/resources/definitions/base-correct.yaml"), StandardCharsets.UTF_8);
    String yaml = base.replace(original.replace("\\n", "\n"), replacement.replace("\\n", "\n"));
    assertEquals(false, yaml.equals(base), "the replacement applies");
    String json = DefinitionFormat.mapper(Syntax.JSON).writeValueAsString(
        DefinitionFormat.mapper(Syntax.YAML).readValue(yaml, Object.class));
    for (var text : List.of(new DefinitionLoader.Source("x.yaml", yaml, Syntax.YAML),
        new DefinitionLoader.Source("x.json", json, Syntax.JSON))) {
      List<Diagnostic> problems = DefinitionFormat.read(text.text(), text.syntax(), text.name()).diagnostics();
      assertEquals(1, problems.size(), problems::toString);
      assertEquals(expectedPath, problems.get(0).path(), problems::toString);
    }
  }

  @Test
  void write_yamlTextThatLooksLikeANumber_isQuoted() throws IOException {
    List<String> titles = List.of("0x1F", "1e5", "1_000", ".5", "-.inf", ".NaN", "0o17", "+12", "2024-02-27", "1.0.0");
    var valueSets = titles.stream().map(t -> new ValueSet("v" + titles.indexOf(t), t,
        com.google.common.collect.ImmutableMap.of(CodeSystem.ATC.id(), ImmutableList.of("J01")), null)).toList();
    var set = new DefinitionSet(DefinitionSet.CURRENT_SCHEMA_VERSION, null, ImmutableList.copyOf(valueSets), null, null, null);
    String yaml = DefinitionFormat.write(set, Syntax.YAML);
    var tree = DefinitionFormat.mapper(Syntax.YAML).readTree(yaml);
    for (int i = 0; i < titles.size(); i++) {
      var title = tree.at("/valueSets/" + i + "/title");
      assertEquals(true, title.isTextual(), () -> title + " in\n" + yaml);
      assertEquals(titles.get(i), title.asText());
    }
  }
}
