package org.klynge.core.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import com.fasterxml.jackson.datatype.guava.GuavaModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.klynge.core.definition.DefinitionLimits;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.validation.Diagnostic;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and writes definitions as JSON or YAML. Reading never throws for bad content: it
 * returns a {@link Parsed} holding the definitions (when they could be read) and every problem
 * found, each with its source and path. Unknown properties are reported and skipped, so
 * several of them are found in one read; a syntax error, a wrong type or a missing required
 * property stops the read of that file and is reported with its line and column.
 */
public final class DefinitionFormat {

  private static final ObjectMapper JSON = configure(JsonMapper.builder()).build();
  private static final ObjectMapper YAML = configure(JsonMapper.builder(
      YAMLFactory.builder()
          .loaderOptions(loaderOptions())
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .stringQuotingChecker(new QuoteNumberLikeText())
          .build())).build();

  private DefinitionFormat() {}

  /** SnakeYAML's own limits, set from the format's so that SnakeYAML never stops first with its own words. */
  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(DefinitionLimits.MAX_DOCUMENT_CHARS + 1);
    options.setNestingDepthLimit(DefinitionLimits.MAX_DOCUMENT_DEPTH + 1);
    options.setMaxAliasesForCollections(0);
    return options;
  }

  /**
   * Quotes text that a YAML reader could take for a number ({@code 0x1F}, {@code 1e5},
   * {@code 1_000}, {@code .inf}), besides what Jackson quotes anyway, so that every YAML tool
   * reads the written text back as text.
   */
  private static final class QuoteNumberLikeText extends StringQuotingChecker.Default {
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?\\.?[0-9]|[-+]?\\.(?:inf|Inf|INF|nan|NaN|NAN)$");

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || NUMBER_LIKE.matcher(value).lookingAt();
    }
  }

  private static JsonMapper.Builder configure(JsonMapper.Builder builder) {
    return builder
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(new GuavaModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
        .serializationInclusion(JsonInclude.Include.NON_EMPTY);
  }

  /** The mapper for a syntax, configured for the definition format (for embedding and tests). */
  public static ObjectMapper mapper(Syntax syntax) {
    return syntax == Syntax.JSON ? JSON : YAML;
  }

  /** The outcome of reading one source. */
  public record Parsed(java.util.Optional<DefinitionSet> definitions, ImmutableList<Diagnostic> diagnostics) {}

  /**
   * Reads definitions from {@code text}; {@code source} names it in diagnostics. Before binding,
   * the text is screened (see {@link DocumentScreen}): a key given twice, a YAML 1.1 number form,
   * a YAML anchor or alias, nesting deeper than {@link DefinitionLimits#MAX_DOCUMENT_DEPTH} or a
   * text longer than {@link DefinitionLimits#MAX_DOCUMENT_CHARS} is reported and the text is not
   * bound. Whole-number properties take whole numbers only ({@code 2.5} and {@code "2"} are errors,
   * not 2).
   */
  public static Parsed read(String text, Syntax syntax, String source) {
    List<Diagnostic> problems = new ArrayList<>();
    if (text.length() > DefinitionLimits.MAX_DOCUMENT_CHARS) {
      problems.add(Diagnostic.error(source, "", String.format(Locale.ROOT,
          "the document holds %,d characters; a definition document holds at most %,d", text.length(),
          DefinitionLimits.MAX_DOCUMENT_CHARS)));
      return new Parsed(java.util.Optional.empty(), ImmutableList.copyOf(problems));
    }
    try {
      try (JsonParser parser = mapper(syntax).createParser(text)) {
        if (!DocumentScreen.screen(parser, source, problems)) {
          return new Parsed(java.util.Optional.empty(), ImmutableList.copyOf(problems));
        }
      }
      DefinitionSet set = mapper(syntax).readerFor(DefinitionSet.class)
          .withHandler(new CollectUnknownProperties(source, problems))
          .readValue(text);
      if (set == null) {
        problems.add(Diagnostic.error(source, "", "the file is empty"));
        return new Parsed(java.util.Optional.empty(), ImmutableList.copyOf(problems));
      }
      return new Parsed(java.util.Optional.of(set), ImmutableList.copyOf(problems));
    } catch (JsonMappingException e) {
      problems.add(Diagnostic.error(source, path(e.getPath(), parserPointer(e)), describe(e)));
    } catch (JsonProcessingException e) {
      problems.add(Diagnostic.error(source, "", "not valid " + syntax.name() + ": " + describe(e)));
    } catch (YAMLException e) {
      // SnakeYAML's own limits and faults that Jackson passes on unwrapped
      problems.add(Diagnostic.error(source, "", "not valid " + syntax.name() + ": " + e.getMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read definitions from a string", e);
    }
    return new Parsed(java.util.Optional.empty(), ImmutableList.copyOf(problems));
  }

  /** Writes definitions in {@code syntax}; reading the text back gives an equal set. */
  public static String write(DefinitionSet definitions, Syntax syntax) {
    try {
      return mapper(syntax).writeValueAsString(definitions);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write definitions", e);
    }
  }

  /** Where the parser was when reading failed, if the exception knows its parser. */
  private static JsonPointer parserPointer(JsonMappingException e) {
    return e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null
        ? parser.getParsingContext().pathAsPointer()
        : JsonPointer.empty();
  }

  /**
   * The path of a reading error. Jackson's reference path names every property but, for Guava's
   * immutable lists, no list index; the parser's position has the indices but may stop short of
   * the property (a missing property is noticed at the end of its object). The two are merged:
   * indices are taken from the parser where the reference path lacks them, and the reference path
   * alone is used when the two disagree.
   */
  static String path(List<JsonMappingException.Reference> references, JsonPointer pointer) {
    List<Object> fromReferences = new ArrayList<>();
    for (JsonMappingException.Reference ref : references) {
      if (ref.getFieldName() != null) {
        fromReferences.add(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        fromReferences.add(ref.getIndex());
      }
    }
    List<Object> fromParser = new ArrayList<>();
    for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
      fromParser.add(p.getMatchingIndex() >= 0 ? (Object) p.getMatchingIndex() : p.getMatchingProperty());
    }
    List<Object> merged = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < fromParser.size() && j < fromReferences.size()) {
      Object parserStep = fromParser.get(i);
      Object referenceStep = fromReferences.get(j);
      if (parserStep.equals(referenceStep)) {
        merged.add(parserStep);
        i++;
        j++;
      } else if (parserStep instanceof Integer && referenceStep instanceof String) {
        merged.add(parserStep);
        i++;
      } else {
        return render(fromReferences);
      }
    }
    merged.addAll(fromReferences.subList(j, fromReferences.size()));
    merged.addAll(fromParser.subList(i, fromParser.size()));
    return render(merged);
  }

  private static String render(List<Object> steps) {
    StringBuilder out = new StringBuilder();
    for (Object step : steps) {
      if (step instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(step);
      }
    }
    return out.toString();
  }

  /** {@code indicators[2].populations} from a JSON pointer {@code /indicators/2/populations}. */
  static String path(JsonPointer pointer) {
    StringBuilder out = new StringBuilder();
    for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
      if (p.getMatchingIndex() >= 0) {
        out.append('[').append(p.getMatchingIndex()).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(p.getMatchingProperty());
      }
    }
    return out.toString();
  }

  private static final Pattern FLOAT_AS_INT = Pattern.compile("Cannot coerce Floating-point value \\(([^)]*)\\)");
  private static final Pattern TEXT_AS_NUMBER = Pattern.compile("Cannot coerce String value \\(\"(.*?)\"\\) to `(?:int|long|double|float|java\\.lang\\.\\w+)`");

  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
      message = cause.getMessage();
      if (cause instanceof NullPointerException) {
        message = "missing required property '" + message + "'";
      }
    }
    var floatAsInt = FLOAT_AS_INT.matcher(message);
    var textAsNumber = TEXT_AS_NUMBER.matcher(message);
    if (floatAsInt.lookingAt()) {
      message = "must be a whole number, got " + floatAsInt.group(1);
    } else if (textAsNumber.lookingAt()) {
      message = "must be a number, got \"" + textAsNumber.group(1) + "\"";
    } else if (message.startsWith("Cannot map `null` into type")) {
      // a missing (or null) number or flag: Jackson's advice about its own settings helps nobody here
      message = "a value is required here (missing or null)";
    }
    int cut = message.indexOf("\n at [Source");
    if (cut >= 0) {
      message = message.substring(0, cut);
    }
    var location = e.getLocation();
    String where = location == null || location.getLineNr() < 0 ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    return message.strip() + where;
  }

  /** Records each unknown property with its path and skips it, so reading goes on. */
  private static final class CollectUnknownProperties extends DeserializationProblemHandler {
    private final String source;
    private final List<Diagnostic> problems;

    CollectUnknownProperties(String source, List<Diagnostic> problems) {
      this.source = source;
      this.problems = problems;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
        JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
      JsonParser live = ctxt.getParser();
      String at;
      String line = "";
      if (live != null && live != p) {
        // A record read through its constructor buffers unknown properties and replays them from
        // a buffer once its object has been read; the buffer's own position is unreliable, so the
        // object's place is taken from the live parser: at the object's end (the context then is
        // the enclosing one, pointing at the object) or at a later property of the object.
        JsonStreamContext holder = live.currentToken() == JsonToken.END_OBJECT
            ? live.getParsingContext() : live.getParsingContext().getParent();
        String base = holder == null ? "" : path(holder.pathAsPointer());
        at = base.isEmpty() ? propertyName : base + "." + propertyName;
      } else {
        // At an object or array value the parser has already entered it: name the property, not its content.
        JsonStreamContext context = p.getParsingContext();
        if ((p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY)
            && context.getParent() != null) {
          context = context.getParent();
        }
        at = path(context.pathAsPointer());
        var location = p.currentTokenLocation();
        line = location.getLineNr() > 0 ? " (line " + location.getLineNr() + ")" : "";
      }
      problems.add(Diagnostic.error(source, at, "unknown property '" + propertyName + "'" + line));
      p.skipChildren();
      return true;
    }
  }
}
