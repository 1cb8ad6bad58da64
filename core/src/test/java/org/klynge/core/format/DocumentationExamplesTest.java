package org.klynge.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The complete example files in the documentation (YAML blocks that start with
 * {@code schemaVersion}) load without any diagnostic and validate against the JSON Schema.
 */
class DocumentationExamplesTest {

  private static final Path DOCS = Path.of("../docs");
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

  @TestFactory
  Stream<DynamicTest> load_everyCompleteExample_hasNoDiagnosticsAndMatchesSchema() throws IOException {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(DefinitionFormat.mapper(Syntax.JSON).readTree(
            Files.readString(DOCS.resolve("schema/klynge-definitions.schema.json"), StandardCharsets.UTF_8)));
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(DOCS)) {
      for (Path doc : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        Matcher m = YAML_BLOCK.matcher(Files.readString(doc, StandardCharsets.UTF_8));
        int n = 0;
        while (m.find()) {
          String yaml = m.group(1);
          if (!yaml.startsWith("schemaVersion")) {
            continue;
          }
          String name = doc.getFileName() + " example " + ++n;
          tests.add(DynamicTest.dynamicTest(name, () -> {
            var loaded = DefinitionLoader.loadTexts(List.of(new DefinitionLoader.Source(name, yaml, Syntax.YAML)));
            assertEquals(List.of(), loaded.diagnostics(), name);
            Set<ValidationMessage> problems = schema.validate(DefinitionFormat.mapper(Syntax.YAML).readTree(yaml));
            assertEquals(Set.of(), problems.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet()), name);
          }));
        }
      }
    }
    assertTrue(tests.size() >= 4, "found the examples: " + tests.size());
    return tests.stream();
  }
}
