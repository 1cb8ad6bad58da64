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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
import org.klynge.core.data.Extract;
import org.klynge.core.data.Outcome;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.disclosure.DisclosurePolicy;
import org.klynge.core.disclosure.Viewer;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.format.DefinitionLoader;
import org.klynge.core.result.Assessment;
import org.klynge.core.result.Publication;
import org.klynge.core.result.PublishedTable;

/**
 * The Java in the README and the how-to documents works as written: each {@code ```java} block
 * of README.md and docs/embedding.md is a whole program (imports shown) that compiles and runs
 * (the embedding guide's on Parquet files and a database made here); the blocks of
 * docs/jshell.md run in JShell one after the other.
 */
class DocumentationSnippetsTest {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS_NAME = Pattern.compile("public (?:final )?class (\\w+)");

  private static final Path CASE = Path.of("../docs/conformance/values/latest-value");
  private static final Path ORGANISATION = Path.of("../docs/conformance/organisation");

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
  void embeddingGuide_parquetAndDatabase_compileAndRun() throws Exception {
    List<String> blocks = javaBlocks(Path.of("../docs/embedding.md"));
    assertEquals(2, blocks.size());
    for (String block : blocks) {
      compile(block);
    }
    // Parquet files written by DuckDB from a conformance case, read back through the guide's ParquetExtract
    Path parquet = Files.createDirectory(classes.resolve("parquet"));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duckdb.createStatement()) {
      for (Path csv : List.of(ORGANISATION.resolve("regions.csv"), ORGANISATION.resolve("clusters.csv"),
          ORGANISATION.resolve("clinics.csv"), ORGANISATION.resolve("cluster_memberships.csv"),
          ORGANISATION.resolve("cluster_regions.csv"), CASE.resolve("patients.csv"), CASE.resolve("listings.csv"),
          CASE.resolve("events.csv"))) {
        String table = csv.getFileName().toString().replace(".csv", "");
        s.execute("COPY (SELECT * FROM read_csv('" + csv + "', all_varchar = true)) TO '"
            + parquet.resolve(table + ".parquet") + "' (FORMAT parquet)");
      }
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Extract extract = (Extract) loader.loadClass("ParquetExtract").getMethod("read", Path.class).invoke(null, parquet);
      assertEquals(13, extract.reconciliation().count("events", Outcome.USED));
      var definitions = DefinitionLoader.load(List.of(CASE.resolve("definitions.yaml"))).orThrow();
      var evaluator = Evaluator.compileAll(definitions);
      var results = evaluator.evaluate(extract, EvaluationOptions.of(MeasurementPeriod.year(2024)));
      var published = Publication.publish(Assessment.assess(results, evaluator.indicators()),
          Viewer.clinic("c1"), DisclosurePolicy.defaults(), "key");
      String url = "jdbc:duckdb:" + classes.resolve("results.duckdb");
      Method store = loader.loadClass("ResultsToDatabase").getMethod("store", PublishedTable.class, String.class);
      store.invoke(null, published, url);
      try (Connection db = DriverManager.getConnection(url); Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT numerator, denominator FROM published_results"
              + " WHERE level = 'clinic' AND unit_id = 'c1'")) {
        assertTrue(rs.next());
        assertEquals(3, rs.getLong(1));
        assertEquals(5, rs.getLong(2));
      }
    }
  }

  /**
   * The reference documents show fragments, not programs: each compiles as the body of a method
   * that sees every public package of Klynge and the usual JDK ones, and has the names the
   * fragments take as given ({@code connection}, {@code results}, {@code evaluator}, {@code key})
   * as fields.
   */
  @Test
  void referenceFragments_compileAgainstThePublicApi() throws Exception {
    List<String> packages = List.of("data", "definition", "disclosure", "engine", "files", "format", "io", "model",
        "result", "stats", "validation");
    int n = 0;
    for (String document : List.of("../docs/data-format.md", "../docs/definition-format.md")) {
      for (String fragment : javaBlocks(Path.of(document))) {
        StringBuilder source = new StringBuilder();
        source.append("import java.nio.file.Path;\nimport java.sql.Connection;\nimport java.util.List;\n");
        for (String p : packages) {
          source.append("import org.klynge.core.").append(p).append(".*;\n");
        }
        source.append("public class Fragment").append(n++).append(" {\n")
            .append("  Connection connection; ResultTable results; Evaluator evaluator; String key;\n")
            .append("  void run() throws Exception {\n").append(fragment).append("  }\n}\n");
        compile(source.toString());
      }
    }
    assertEquals(4, n);
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
