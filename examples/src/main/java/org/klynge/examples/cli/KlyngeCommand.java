package org.klynge.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code klynge} command: {@code java -jar examples/target/klynge.jar --help}. */
@Command(
    name = "klynge",
    mixinStandardHelpOptions = true,
    version = "klynge 0.1.0",
    description = "Quality indicators for clusters of general practices: validate definitions, evaluate them over"
        + " data, explain results.",
    subcommands = {ValidateCommand.class, CommandLine.HelpCommand.class})
public final class KlyngeCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line with {@code args} and returns the exit code. */
  public static int run(String... args) {
    return new CommandLine(new KlyngeCommand()).execute(args);
  }

  /** Kept so the logger configuration is not garbage-collected. */
  private static final java.util.logging.Logger VALIDATOR_LOG = java.util.logging.Logger.getLogger("org.hibernate.validator");

  public static void main(String[] args) {
    VALIDATOR_LOG.setLevel(java.util.logging.Level.WARNING);
    System.exit(run(args));
  }
}
