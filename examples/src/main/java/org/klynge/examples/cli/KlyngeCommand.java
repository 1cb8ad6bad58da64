package org.klynge.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code klynge} command: {@code java -jar examples/target/klynge.jar --help}. */
@Command(
    name = "klynge",
    mixinStandardHelpOptions = true,
    version = "klynge 0.1.0",
    description = "Quality indicators for clusters of general practices: validate definitions, evaluate them over"
        + " data, explain results, audit what was published.",
    subcommands = {ValidateCommand.class, EvaluateCommand.class, ExplainCommand.class, PatientsCommand.class,
        AuditCommand.class, DemoCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class})
public final class KlyngeCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line with {@code args} and returns the exit code. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The command line with Klynge's error handling: user errors print their message, not a stack trace. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new KlyngeCommand());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getOut().flush();
      boolean userError = e instanceof org.klynge.core.validation.DefinitionException
          || e instanceof org.klynge.core.io.ExtractException
          || e instanceof IllegalArgumentException
          || e instanceof java.io.IOException;
      if (userError) {
        cmd.getErr().println("error: " + (e instanceof java.nio.file.NoSuchFileException
            ? "no such file or folder: " + e.getMessage() : e.getMessage()));
      } else {
        e.printStackTrace(cmd.getErr());
      }
      cmd.getErr().flush();
      return 1;
    });
    return cli;
  }

  /** Kept so the logger configuration is not garbage-collected. */
  private static final java.util.logging.Logger VALIDATOR_LOG = java.util.logging.Logger.getLogger("org.hibernate.validator");

  public static void main(String[] args) {
    VALIDATOR_LOG.setLevel(java.util.logging.Level.WARNING);
    System.exit(run(args));
  }
}
