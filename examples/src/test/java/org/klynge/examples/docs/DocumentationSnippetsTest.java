package org.klynge.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java in the README and the how-to documents works as written: each {@code ```java} block
 * of README.md and docs/embedding.md is a whole program (imports shown) that compiles and runs;
 * the blocks of docs/jshell.md run in JShell one after the other.
 */
class DocumentationSnippetsTest {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS_NAME = Pattern.compile("public (?:final )?class (\\w+)");

  @TempDir
  Path classes;

  static List<String> javaBlocks(Path document) throws IOException {
    Matcher m = JAVA_BLOCK.matcher(Files.readString(document, StandardCharsets.UTF_8));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void readme_embeddingProgram_compilesAndRuns() throws Exception {
    List<String> blocks = javaBlocks(Path.of("../README.md"));
    assertEquals(1, blocks.size());
    Path results = Path.of("results.csv");
    assertFalse(Files.exists(results), "the program writes results.csv in the working directory; one is there already");
    try {
      String printed = compileAndRun(blocks.get(0));
      assertTrue(printed.contains("dvdd-1f-hba1c-measured"), printed);
      assertTrue(Files.readString(results).startsWith("indicator_id,"), "results.csv written");
    } finally {
      Files.deleteIfExists(results);
    }
  }

  @Test
  void embeddingGuide_programs_compile() throws Exception {
    for (String block : javaBlocks(Path.of("../docs/embedding.md"))) {
      compile(block);
    }
  }

  @Test
  void jshellGuide_blocks_runInJShell() throws Exception {
    String script = String.join("\n", javaBlocks(Path.of("../docs/jshell.md")));
    List<String> problems = new ArrayList<>();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try (JShell shell = JShell.builder().executionEngine("local")
        .out(new PrintStream(printed, true, StandardCharsets.UTF_8)).err(System.err).build()) {
      shell.addToClasspath(System.getProperty("java.class.path"));
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      StringBuilder code = new StringBuilder();
      for (String line : script.split("\n")) {
        if (!line.strip().startsWith("//")) {
          code.append(line).append('\n');
        }
      }
      String source = code.toString();
      while (!source.isBlank()) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(source);
        for (SnippetEvent event : shell.eval(info.source())) {
          if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
            problems.add(info.source().strip() + " -> " + event.status()
                + (event.exception() != null ? " " + event.exception() : "")
                + " " + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
          }
        }
        source = info.remaining();
      }
    } finally {
      System.setOut(original);
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("dvdd-1f-hba1c-measured"), printed::toString);
  }

  /** Compiles {@code source} and runs its {@code main}, returning what it printed. */
  private String compileAndRun(String source) throws Exception {
    String name = compile(source);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Method main = loader.loadClass(name).getMethod("main", String[].class);
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  /** Compiles {@code source} into {@link #classes}; returns its class name. */
  private String compile(String source) throws IOException {
    Matcher m = CLASS_NAME.matcher(source);
    assertTrue(m.find(), "a Java block of the documentation is a whole program with a public class:\n" + source);
    String name = m.group(1);
    Path file = Files.createDirectories(classes.resolve("src")).resolve(name + ".java");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    boolean ok = compiler.getTask(errors, null, null, List.of("-classpath", System.getProperty("java.class.path"),
        "-d", classes.toString(), "-proc:none"), null,
        compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file.toFile())).call();
    assertTrue(ok, () -> name + " does not compile:\n" + errors);
    return name;
  }
}
