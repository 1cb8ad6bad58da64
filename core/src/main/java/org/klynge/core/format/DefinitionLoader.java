package org.klynge.core.format;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.klynge.core.definition.DefinitionLimits;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.files.FileProblems;
import org.klynge.core.validation.DefinitionChecker;
import org.klynge.core.validation.Diagnostic;
import org.klynge.core.validation.Document;

/**
 * Loads definition files and folders (every {@code .yaml}, {@code .yml} and {@code .json} file
 * below a folder, in name order), reads them, and checks them together so that references may
 * cross files.
 *
 * <pre>{@code
 * DefinitionSet defs = DefinitionLoader.load(List.of(Path.of("definitions"))).orThrow();
 * }</pre>
 */
public final class DefinitionLoader {

  private DefinitionLoader() {}

  /** Reads and checks every definition file in {@code paths}; never throws for bad content. */
  public static LoadedDefinitions load(List<Path> paths) {
    List<Diagnostic> problems = new ArrayList<>();
    List<Document> documents = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : definitionFiles(path, problems)) {
        String source = file.toString();
        readText(file, problems).ifPresent(text ->
            readInto(text, Syntax.forFile(file).orElse(Syntax.YAML), source, documents, problems));
      }
    }
    problems.addAll(DefinitionChecker.check(documents));
    return new LoadedDefinitions(ImmutableList.copyOf(documents), ImmutableList.copyOf(sorted(problems)));
  }

  /** Reads and checks definitions given as text, e.g. resources on the class path. */
  public static LoadedDefinitions loadTexts(List<Source> sources) {
    List<Diagnostic> problems = new ArrayList<>();
    List<Document> documents = new ArrayList<>();
    for (Source s : sources) {
      readInto(s.text(), s.syntax(), s.name(), documents, problems);
    }
    problems.addAll(DefinitionChecker.check(documents));
    return new LoadedDefinitions(ImmutableList.copyOf(documents), ImmutableList.copyOf(sorted(problems)));
  }

  /**
   * The text of {@code file}, or a diagnostic saying why there is none: not a regular file, not
   * readable, larger than a definition document may be, or not UTF-8 (with the line and byte).
   */
  private static Optional<String> readText(Path file, List<Diagnostic> problems) {
    String source = file.toString();
    Optional<String> unreadable = FileProblems.unreadable(file);
    if (unreadable.isPresent()) {
      problems.add(Diagnostic.error(source, "", "cannot read: " + unreadable.get()));
      return Optional.empty();
    }
    try {
      long size = Files.size(file);
      // UTF-8 takes at least one byte a character: a file this large holds too many characters
      if (size > 4L * DefinitionLimits.MAX_DOCUMENT_CHARS) {
        problems.add(Diagnostic.error(source, "", String.format(Locale.ROOT,
            "the file holds %,d bytes; a definition document holds at most %,d characters", size,
            DefinitionLimits.MAX_DOCUMENT_CHARS)));
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      try {
        return Optional.of(StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes)).toString());
      } catch (CharacterCodingException e) {
        String where = FileProblems.firstMalformedUtf8(bytes).map(Object::toString).orElse("not UTF-8");
        problems.add(Diagnostic.error(source, "", "cannot read: " + where
            + "; definition files are UTF-8 (save the file as UTF-8)"));
        return Optional.empty();
      }
    } catch (IOException e) {
      problems.add(Diagnostic.error(source, "", "cannot read: " + FileProblems.reason(e)));
      return Optional.empty();
    }
  }

  /**
   * Definition text with a name for diagnostics.
   *
   * @param name the name shown in diagnostics
   * @param text the content
   * @param syntax JSON or YAML
   */
  public record Source(String name, String text, Syntax syntax) {}

  private static void readInto(String text, Syntax syntax, String source, List<Document> documents,
      List<Diagnostic> problems) {
    DefinitionFormat.Parsed parsed = DefinitionFormat.read(text, syntax, source);
    problems.addAll(parsed.diagnostics());
    parsed.definitions().ifPresent(set -> documents.add(new Document(source, set)));
  }

  private static List<Diagnostic> sorted(List<Diagnostic> problems) {
    return problems.stream()
        .sorted(Comparator.comparing(Diagnostic::source).thenComparing(Diagnostic::path))
        .distinct()
        .toList();
  }

  private static List<Path> definitionFiles(Path path, List<Diagnostic> problems) {
    if (!Files.exists(path)) {
      problems.add(Diagnostic.error(path.toString(), "", "no such file or folder"));
      return List.of();
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> files = Files.walk(path)) {
      List<Path> found = files.filter(Files::isRegularFile)
          .filter(f -> Syntax.forFile(f).isPresent())
          .sorted()
          .toList();
      if (found.isEmpty()) {
        problems.add(Diagnostic.error(path.toString(), "", "folder holds no .yaml, .yml or .json files"));
      }
      return found;
    } catch (IOException e) {
      problems.add(Diagnostic.error(path.toString(), "", "cannot list folder: " + FileProblems.describe(path, e)));
      return List.of();
    }
  }

  /** Reads one definition text without checking it, for tools that check later. */
  public static DefinitionFormat.Parsed parse(String text, Syntax syntax, String source) {
    return DefinitionFormat.read(text, syntax, source);
  }

}
