package org.klynge.indicators;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import org.klynge.core.data.Extract;
import org.klynge.core.data.ExtractBuilder;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.format.DefinitionFormat;
import org.klynge.core.format.DefinitionLoader;
import org.klynge.core.format.LoadedDefinitions;
import org.klynge.core.format.Syntax;
import org.klynge.core.model.Clinic;
import org.klynge.core.model.DateRange;
import org.klynge.core.model.Listing;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Patient;
import org.klynge.core.model.Sex;
import org.klynge.core.validation.DefinitionException;

/**
 * Mutants of the catalogue — a property deleted, renamed or given twice, a value replaced by a
 * hostile one, a criterion nested hundreds of levels deep, a reference bent into a circle, the
 * text cut or garbled — are each either accepted (and then compile and evaluate) or rejected with
 * at least one error diagnostic. No mutant may end in any other exception.
 */
class CatalogueMutationProperties {

  private static final ObjectMapper YAML = DefinitionFormat.mapper(Syntax.YAML);
  private static final ObjectMapper JSON = DefinitionFormat.mapper(Syntax.JSON);
  private static final List<String> FILES = Catalogue.files();
  private static final List<String> TEXTS = FILES.stream().map(CatalogueMutationProperties::resource).toList();
  private static final Extract EXTRACT = extract();
  private static final List<JsonNode> HOSTILE_VALUES = List.of(
      JsonNodeFactory.instance.numberNode(2.5), JsonNodeFactory.instance.numberNode(-1),
      JsonNodeFactory.instance.numberNode(0), JsonNodeFactory.instance.numberNode(1e308),
      JsonNodeFactory.instance.numberNode(99_999_999_999L), JsonNodeFactory.instance.numberNode(Integer.MAX_VALUE),
      JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("072"),
      JsonNodeFactory.instance.textNode("x".repeat(5_000)), JsonNodeFactory.instance.textNode("\u0000"),
      JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.nullNode(),
      JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode(),
      JsonNodeFactory.instance.textNode("period.end"), JsonNodeFactory.instance.textNode("ever"),
      JsonNodeFactory.instance.textNode("and"), JsonNodeFactory.instance.textNode("population"));

  @Property(tries = 300, shrinking = ShrinkingMode.OFF)
  void mutant_isAcceptedOrRejectedWithDiagnostics(@ForAll long seed) {
    Random random = new Random(seed);
    int file = random.nextInt(FILES.size());
    Syntax syntax = random.nextBoolean() ? Syntax.YAML : Syntax.JSON;
    String mutant = mutate(TEXTS.get(file), syntax, random);
    List<DefinitionLoader.Source> sources = new ArrayList<>();
    for (int i = 0; i < FILES.size(); i++) {
      sources.add(i == file ? new DefinitionLoader.Source("mutant", mutant, syntax)
          : new DefinitionLoader.Source(FILES.get(i), TEXTS.get(i), Syntax.YAML));
    }
    LoadedDefinitions loaded = DefinitionLoader.loadTexts(sources);
    Statistics.collect(loaded.hasErrors() ? "rejected" : "accepted");
    if (loaded.hasErrors()) {
      assertTrue(loaded.diagnostics().stream().anyMatch(d -> !d.message().isBlank()), "rejected with words");
      return;
    }
    DefinitionSet definitions = loaded.orThrow();
    if (definitions.indicators().isEmpty()) {
      return;
    }
    try {
      Evaluator.compileAll(definitions).evaluate(EXTRACT, EvaluationOptions.of(MeasurementPeriod.year(2024)));
    } catch (DefinitionException e) {
      throw new AssertionError("accepted by the loader but refused by the engine: " + e.getMessage(), e);
    }
  }

  private static String mutate(String yaml, Syntax syntax, Random random) {
    JsonNode tree;
    try {
      tree = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      List<JsonNode> containers = new ArrayList<>();
      collectContainers(tree, containers);
      JsonNode target = containers.get(random.nextInt(containers.size()));
      mutateNode(target, tree, random);
    }
    String text;
    try {
      text = (syntax == Syntax.JSON ? JSON : YAML).writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return random.nextInt(4) == 0 ? mutateText(text, random) : text;
  }

  private static void mutateNode(JsonNode target, JsonNode root, Random random) {
    if (target instanceof ObjectNode object && object.size() > 0) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(6)) {
        case 0 -> object.remove(name);
        case 1 -> object.set(name, HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size())));
        case 2 -> object.set(name + "x", object.get(name));
        case 3 -> {
          if (object.has("type")) {
            object.put("type", List.of("and", "or", "not", "population", "hasEvent", "value", "age", "rate",
                "proportion", "bogus").get(random.nextInt(10)));
          }
        }
        case 4 -> {
          if (object.has("type")) {
            ObjectNode inner = object.deepCopy();
            object.removeAll();
            ObjectNode at = object;
            int levels = 1 + random.nextInt(random.nextBoolean() ? 8 : 300);
            for (int i = 1; i < levels; i++) {
              at.put("type", "not");
              at = at.putObject("criterion");
            }
            at.put("type", "not");
            at.set("criterion", inner);
          }
        }
        default -> {
          List<String> ids = new ArrayList<>();
          root.path("populations").forEach(p -> ids.add(p.path("id").asText()));
          if (object.has("id") && !ids.isEmpty()) {
            object.put("id", ids.get(random.nextInt(ids.size())));
          }
        }
      }
    } else if (target instanceof ArrayNode array && array.size() > 0) {
      int i = random.nextInt(array.size());
      switch (random.nextInt(3)) {
        case 0 -> array.remove(i);
        case 1 -> array.add(array.get(i).deepCopy());
        default -> array.set(i, HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size())));
      }
    }
  }

  private static String mutateText(String text, Random random) {
    int at = random.nextInt(text.length());
    switch (random.nextInt(4)) {
      case 0:
        return text.substring(0, at);
      case 1:
        return text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(40)));
      case 2:
        return text.substring(0, at) + List.of("{", "[", "&a ", "*a", ": ", "\t", "'", "\"", "#", "\n  - ", "072")
            .get(random.nextInt(11)) + text.substring(at);
      default:
        int lineStart = text.lastIndexOf('\n', at) + 1;
        int lineEnd = text.indexOf('\n', lineStart);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        return text.substring(0, lineStart) + line + "\n" + text.substring(lineStart);
    }
  }

  private static void collectContainers(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collectContainers(it.next(), out);
      }
    }
  }

  private static Extract extract() {
    var org = Organisation.builder().clinic(new Clinic("c1", "Clinic", "1")).build();
    return ExtractBuilder.create(org)
        .patient(Patient.of("p1", Sex.FEMALE, LocalDate.of(1950, 3, 1)))
        .listing(new Listing("p1", "c1", DateRange.startingAt(LocalDate.of(2010, 1, 1))))
        .patient(Patient.of("p2", Sex.MALE, LocalDate.of(2010, 3, 1)))
        .listing(new Listing("p2", "c1", DateRange.startingAt(LocalDate.of(2010, 3, 1))))
        .build();
  }

  private static String resource(String file) {
    try (InputStream in = Catalogue.class.getResourceAsStream(Catalogue.RESOURCE_FOLDER + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
