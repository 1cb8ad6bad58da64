package org.klynge.core.format;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.klynge.core.definition.DefinitionSet;
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
        try {
          String text = Files.readString(file, StandardCharsets.UTF_8);
          var syntax = Syntax.forFile(file).orElse(Syntax.YAML);
          readInto(text, syntax, source, documents, problems);
        } catch (IOException e) {
          problems.add(Diagnostic.error(source, "", "cannot read file: " + e.getMessage()));
        }
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
      problems.add(Diagnostic.error(path.toString(), "", "cannot list folder: " + e.getMessage()));
      return List.of();
    }
  }

  /** Reads one definition text without checking it, for tools that check later. */
  public static DefinitionFormat.Parsed parse(String text, Syntax syntax, String source) {
    return DefinitionFormat.read(text, syntax, source);
  }

}
