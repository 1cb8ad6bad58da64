package org.klynge.examples.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.files.FileProblems;
import org.klynge.core.io.ExtractException;
import org.klynge.core.validation.DefinitionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code klynge} command: {@code java -jar examples/target/klynge.jar --help}. Exit codes: 0
 * done, 1 bad input (definitions, data, files; the message says which and why), 2 bad command
 * line, 3 out of memory.
 */
@Command(
    name = "klynge",
    mixinStandardHelpOptions = true,
    versionProvider = KlyngeCommand.Version.class,
    description = "Quality indicators for clusters of general practices: validate definitions, evaluate them over"
        + " data, explain results, audit what was published.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:bad input: definitions, data or files (the message says which and why)",
        "2:bad command line", "3:out of memory (run java with a larger -Xmx)"},
    subcommands = {ValidateCommand.class, EvaluateCommand.class, ExplainCommand.class, PatientsCommand.class,
        AuditCommand.class, DemoCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class})
public final class KlyngeCommand implements Runnable {

  /** The exit code when the Java heap runs out. */
  public static final int OUT_OF_MEMORY = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** {@code klynge VERSION}, from the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"klynge " + Evaluator.ENGINE_VERSION};
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line with {@code args} and returns the exit code. */
  public static int run(String... args) {
    return execute(commandLine(), args);
  }

  /**
   * Runs {@code cli}; an {@link OutOfMemoryError} ends in one line naming the heap and how to
   * raise it, and {@link #OUT_OF_MEMORY}.
   */
  static int execute(CommandLine cli, String... args) {
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      String message = outOfMemory(Runtime.getRuntime().maxMemory());
      cli.getErr().println(message);
      cli.getErr().flush();
      return OUT_OF_MEMORY;
    }
  }

  /** The out-of-memory line for a heap of {@code maxHeapBytes}. */
  static String outOfMemory(long maxHeapBytes) {
    long mb = maxHeapBytes / (1024 * 1024);
    return String.format(Locale.ROOT, "error: out of memory: the Java heap (at most %,d MB) is too small for this"
        + " input; give Java more, e.g. java -Xmx%dg -jar klynge.jar ...", mb, Math.max(2, 2 * ((mb + 1023) / 1024)));
  }

  /** The command line with Klynge's error handling: user errors print their message, not a stack trace. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new KlyngeCommand());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getOut().flush();
      boolean userError = e instanceof DefinitionException
          || e instanceof ExtractException
          || e instanceof IllegalArgumentException
          || e instanceof IOException;
      if (userError) {
        cmd.getErr().println("error: " + describe(e));
      } else {
        e.printStackTrace(cmd.getErr());
      }
      cmd.getErr().flush();
      return 1;
    });
    return cli;
  }

  /** The message of a user error; a file error names the file and the reason. */
  private static String describe(Exception e) {
    if (e instanceof FileSystemException fse) {
      return FileProblems.describe(Path.of(String.valueOf(fse.getFile())), fse);
    }
    return e.getMessage();
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
