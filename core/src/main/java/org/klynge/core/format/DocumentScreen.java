package org.klynge.core.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.klynge.core.definition.DefinitionLimits;
import org.klynge.core.validation.Diagnostic;

/**
 * Reads a definition text once as a stream of tokens, before it is bound to records, and reports
 * what binding would silently get wrong or could not survive:
 *
 * <ul>
 *   <li>a key given twice in one object (binding would keep the last), with both places;</li>
 *   <li>YAML 1.1 number forms that read differently from how they look: octal {@code 072} (58),
 *       hexadecimal {@code 0x3A}, binary {@code 0b1}, {@code 0o7}, digit groups {@code 1_000},
 *       sexagesimal {@code 1:30}, and {@code .inf}/{@code .nan}. They are rejected, not read as
 *       decimals, because the writer of {@code 072} may have meant either 72 or 58;</li>
 *   <li>YAML anchors and aliases ({@code &a}, {@code *a}): the format has no use for them, and
 *       refusing them rules out alias bombs;</li>
 *   <li>nesting deeper than {@link DefinitionLimits#MAX_DOCUMENT_DEPTH}, which would otherwise
 *       overflow the stack while binding.</li>
 * </ul>
 *
 * The screen walks the tokens with an explicit stack, so it needs constant stack depth itself.
 */
final class DocumentScreen {

  /** Integers as YAML 1.1 reads them but a person may not: leading zero, radix prefix, digit groups, sexagesimal. */
  private static final Pattern YAML11_INTEGER = Pattern.compile(
      "[-+]?(?:0[0-9_]+|0[xXoObB].*|.*_.*|.*:.*)");
  private static final Pattern NOT_FINITE = Pattern.compile("[-+]?\\.(?:inf|Inf|INF|nan|NaN|NAN)");

  /** How many steps of a path a too-deep nesting is reported at. */
  private static final int OUTER_STEPS = 4;

  private DocumentScreen() {}

  /**
   * Adds a diagnostic to {@code out} for each problem in {@code parser}'s document; returns
   * whether the document may be bound. Syntax errors propagate as Jackson exceptions.
   */
  static boolean screen(JsonParser parser, String source, List<Diagnostic> out) throws IOException {
    int before = out.size();
    Deque<Map<String, JsonLocation>> keys = new ArrayDeque<>();
    int depth = 0;
    for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
      if (parser instanceof YAMLParser yaml) {
        screenYaml(yaml, token, source, out);
      }
      switch (token) {
        case START_OBJECT, START_ARRAY -> {
          depth++;
          if (depth > DefinitionLimits.MAX_DOCUMENT_DEPTH) {
            out.add(Diagnostic.error(source, outerPath(parser.getParsingContext().getParent().pathAsPointer()),
                "nested more than " + DefinitionLimits.MAX_DOCUMENT_DEPTH + " levels deep" + at(parser.currentTokenLocation())
                    + "; definitions nest at most " + DefinitionLimits.MAX_DOCUMENT_DEPTH + " levels"));
            return false;
          }
          keys.push(token == JsonToken.START_OBJECT ? new HashMap<>() : Map.of());
        }
        case END_OBJECT, END_ARRAY -> {
          depth--;
          keys.pop();
        }
        case FIELD_NAME -> {
          String name = parser.currentName();
          JsonLocation here = parser.currentTokenLocation();
          JsonLocation first = keys.peek().putIfAbsent(name, here);
          if (first != null) {
            String parent = DefinitionFormat.path(parser.getParsingContext().getParent().pathAsPointer());
            out.add(Diagnostic.error(source, parent.isEmpty() ? name : parent + "." + name,
                "key '" + name + "' given twice, at " + place(first) + " and " + place(here)
                    + "; give it once"));
          }
        }
        default -> { }
      }
    }
    return out.size() == before;
  }

  private static void screenYaml(YAMLParser yaml, JsonToken token, String source, List<Diagnostic> out)
      throws IOException {
    String path = DefinitionFormat.path(yaml.getParsingContext().pathAsPointer());
    if (yaml.isCurrentAlias()) {
      out.add(Diagnostic.error(source, path, "YAML alias '*" + yaml.getText() + "'" + at(yaml.currentTokenLocation())
          + ": anchors and aliases are not part of the definition format; write the content out"));
    } else if (token != JsonToken.FIELD_NAME && yaml.getObjectId() != null) {
      out.add(Diagnostic.error(source, path, "YAML anchor '&" + yaml.getObjectId() + "'" + at(yaml.currentTokenLocation())
          + ": anchors and aliases are not part of the definition format; write the content out"));
    }
    if (token == JsonToken.VALUE_NUMBER_INT && YAML11_INTEGER.matcher(yaml.getText()).matches()) {
      out.add(Diagnostic.error(source, path, "'" + yaml.getText() + "'" + at(yaml.currentTokenLocation())
          + " is a YAML 1.1 number form (octal, hexadecimal, binary, digit groups or sexagesimal) that reads"
          + " differently from how it looks; write the number in plain decimal digits"));
    } else if (token == JsonToken.VALUE_NUMBER_FLOAT && (yaml.getText().contains("_")
        || NOT_FINITE.matcher(yaml.getText()).matches())) {
      out.add(Diagnostic.error(source, path, "'" + yaml.getText() + "'" + at(yaml.currentTokenLocation())
          + " is not a plain finite decimal number; write it in decimal digits"));
    }
  }

  /** The first steps of a path that runs hundreds of steps deep: enough to find the element, short enough to read. */
  private static String outerPath(JsonPointer pointer) {
    JsonPointer head = pointer;
    int steps = 0;
    for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
      steps++;
    }
    for (int i = steps; i > OUTER_STEPS; i--) {
      head = head.head();
    }
    return DefinitionFormat.path(head);
  }

  private static String at(JsonLocation location) {
    return location.getLineNr() > 0 ? " (" + place(location) + ")" : "";
  }

  private static String place(JsonLocation location) {
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
