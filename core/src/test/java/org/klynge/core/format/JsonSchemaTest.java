package org.klynge.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.klynge.core.definition.Criterion;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Scoring;

/**
 * The hand-kept JSON Schema ({@code docs/schema/klynge-definitions.schema.json}) agrees with the
 * format: the catalogue files and everything {@link DefinitionFormat#write} produces validate,
 * and a file with mistakes does not.
 */
class JsonSchemaTest {

  private static final Path SCHEMA = Path.of("../docs/schema/klynge-definitions.schema.json");
  private static final Path CATALOGUE = Path.of("../indicators/src/main/resources/org/klynge/indicators/catalogue");
  private static final Path FIXTURES = Path.of("src/test/resources/definitions");

  private static final JsonSchema SCHEMA_VALIDATOR = load();

  private static JsonSchema load() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    return factory.getSchema(readJson(SCHEMA), config);
  }

  @Example
  void schema_itself_isValidDraft202012() {
    JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertEquals(Set.of(), messages(meta.validate(readJson(SCHEMA))));
  }

  @Example
  void validate_everyCatalogueFile_passes() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(CATALOGUE)) {
      files = walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "catalogue files under " + CATALOGUE.toAbsolutePath());
    for (Path file : files) {
      assertEquals(Set.of(), messages(SCHEMA_VALIDATOR.validate(readYaml(file))), file.toString());
    }
  }

  @Example
  void validate_correctFixtures_pass() throws IOException {
    try (Stream<Path> walk = Files.list(FIXTURES)) {
      for (Path file : walk.filter(f -> f.getFileName().toString().endsWith("-correct.yaml")).sorted().toList()) {
        assertEquals(Set.of(), messages(SCHEMA_VALIDATOR.validate(readYaml(file))), file.toString());
      }
    }
  }

  @Provide
  Arbitrary<DefinitionSet> definitionSets() {
    return DefinitionGenerators.definitionSets();
  }

  @Property(tries = 150)
  void validate_writtenJson_passes(@ForAll("definitionSets") DefinitionSet set) throws IOException {
    String json = DefinitionFormat.write(set, Syntax.JSON);
    JsonNode node = DefinitionFormat.mapper(Syntax.JSON).readTree(json);
    assertEquals(Set.of(), messages(SCHEMA_VALIDATOR.validate(node)), json);
  }

  @Property(tries = 150)
  void validate_writtenYaml_passes(@ForAll("definitionSets") DefinitionSet set) throws IOException {
    String yaml = DefinitionFormat.write(set, Syntax.YAML);
    JsonNode node = DefinitionFormat.mapper(Syntax.YAML).readTree(yaml);
    assertEquals(Set.of(), messages(SCHEMA_VALIDATOR.validate(node)), yaml);
  }

  @Example
  void validate_textWithCharactersYamlFolds_isRejectedWhereTheCheckerRejectsIt() {
    for (String folded : List.of("\u0085", "\u2028", "\u2029")) {
      ObjectNode root = (ObjectNode) readYaml(CATALOGUE.resolve("diabetes.yaml"));
      ((ObjectNode) root.withArray("indicators").get(0)).put("title", "HbA1c" + folded + "measured");
      Set<String> locations = SCHEMA_VALIDATOR.validate(root).stream()
          .map(m -> m.getInstanceLocation().toString()).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(Set.of("/indicators/0/title"), locations, "U+" + Integer.toHexString(folded.charAt(0)));
    }
  }

  @Example
  void validate_fileWithMistakes_reportsEachWithItsLocation() {
    ObjectNode root = (ObjectNode) readYaml(CATALOGUE.resolve("diabetes.yaml"));
    ObjectNode indicator = (ObjectNode) root.withArray("indicators").get(0);
    indicator.put("colour", "green");                                   // unknown property
    ((ObjectNode) indicator.get("scoring")).put("type", "percentage");  // unknown scoring kind
    ((ObjectNode) indicator.get("populations").get("numerator").get("window")).put("from", "period.middle");
    Set<String> locations = SCHEMA_VALIDATOR.validate(root).stream()
        .map(m -> m.getInstanceLocation().toString()).collect(Collectors.toCollection(TreeSet::new));
    assertTrue(locations.contains("/indicators/0"), locations::toString);
    assertTrue(locations.contains("/indicators/0/scoring/type"), locations::toString);
    assertTrue(locations.contains("/indicators/0/populations/numerator/window/from"), locations::toString);
  }

  @Example
  void validate_typeDiscriminators_listEveryRegisteredTypeName() {
    JsonNode schema = readJson(SCHEMA);
    for (var entry : List.of(
        new Object[] {Criterion.class, "criterion"}, new Object[] {Scoring.class, "scoring"})) {
      Class<?> sealed = (Class<?>) entry[0];
      Set<String> registered = Arrays.stream(sealed.getAnnotation(JsonSubTypes.class).value())
          .map(JsonSubTypes.Type::name).collect(Collectors.toCollection(TreeSet::new));
      Set<String> inSchema = new TreeSet<>();
      schema.at("/$defs/" + entry[1] + "/properties/type/enum").forEach(n -> inSchema.add(n.asText()));
      assertEquals(registered, inSchema, sealed.getSimpleName());
      for (String name : registered) {
        assertTrue(schema.at("/$defs/" + entry[1] + "." + name).isObject(), entry[1] + "." + name);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static Set<String> messages(Set<ValidationMessage> messages) {
    return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(TreeSet::new));
  }

  private static JsonNode readJson(Path file) {
    try {
      return DefinitionFormat.mapper(Syntax.JSON).readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readYaml(Path file) {
    try {
      return DefinitionFormat.mapper(Syntax.YAML).readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
