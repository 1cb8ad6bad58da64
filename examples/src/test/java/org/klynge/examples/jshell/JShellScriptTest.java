package org.klynge.examples.jshell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/** Runs {@code examples/jshell/klynge.jsh} snippet by snippet in JShell, with the test class path. */
class JShellScriptTest {

  @Test
  void script_runsAndPrintsTheNationRow() throws Exception {
    String script = Files.readString(Path.of("jshell/klynge.jsh"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<String> problems = new ArrayList<>();
    PrintStream original = System.out;
    // the local execution engine runs snippets in this JVM, so their System.out is ours
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try (JShell shell = JShell.builder().executionEngine("local")
        .out(new PrintStream(printed, true, StandardCharsets.UTF_8)).err(System.err).build()) {
      shell.addToClasspath(System.getProperty("java.class.path"));
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      StringBuilder remaining = new StringBuilder();
      for (String line : script.split("\n")) {
        if (!line.startsWith("/") && !line.startsWith("//")) {
          remaining.append(line).append('\n');
        }
      }
      String source = remaining.toString();
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
    String out = printed.toString(StandardCharsets.UTF_8);
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertTrue(out.contains("dvdd-1f-hba1c-measured") && out.contains("nation") && out.contains("DK"), out);
  }
}
