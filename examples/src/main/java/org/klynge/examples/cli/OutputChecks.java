package org.klynge.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.klynge.core.io.ExtractTable;
import picocli.CommandLine;

/**
 * Checks on where a command writes, made before any work: the format is known from the name, the
 * target is no input, and nothing is replaced without {@code --force}.
 */
final class OutputChecks {

  private OutputChecks() {}

  /** A result file: {@code .csv} or {@code .json}, not an input, not there already unless {@code force}, in a folder that exists. */
  static void resultFile(CommandLine cli, Path out, Path data, List<Path> definitions, boolean force) {
    String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".csv") && !name.endsWith(".json")) {
      throw new CommandLine.ParameterException(cli, "--out " + out + ": cannot tell the format from the name;"
          + " use a file name ending in .csv or .json");
    }
    List<Path> inputs = new ArrayList<>();
    for (ExtractTable table : ExtractTable.values()) {
      inputs.add(data.resolve(table.fileName()));
    }
    inputs.addAll(definitionFiles(definitions));
    for (Path input : inputs) {
      if (same(out, input)) {
        throw new CommandLine.ParameterException(cli, "--out " + out + " is an input file; write the results elsewhere");
      }
    }
    if (Files.isDirectory(out)) {
      throw new CommandLine.ParameterException(cli, "--out " + out + " is a folder; give a file name ending in .csv or .json");
    }
    if (Files.exists(out) && !force) {
      throw new CommandLine.ParameterException(cli, "--out " + out + " exists; use --force to replace it");
    }
    Path folder = out.toAbsolutePath().getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      throw new CommandLine.ParameterException(cli, "--out " + out + ": the folder " + folder + " does not exist");
    }
    if (folder != null && !Files.isWritable(folder)) {
      throw new CommandLine.ParameterException(cli, "--out " + out + ": the folder " + folder
          + " is not writable (permission denied)");
    }
  }

  /** An output folder: a folder or nothing at all, and empty unless {@code force}. */
  static void outputFolder(CommandLine cli, Path out, boolean force) {
    if (!Files.exists(out)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new CommandLine.ParameterException(cli, "--out " + out + " exists and is not a folder");
    }
    if (!Files.isWritable(out)) {
      throw new CommandLine.ParameterException(cli, "--out " + out + " is not writable (permission denied)");
    }
    Optional<Path> first;
    try (Stream<Path> entries = Files.list(out)) {
      first = entries.findFirst();
    } catch (IOException e) {
      throw new CommandLine.ParameterException(cli, "--out " + out + ": cannot list the folder: " + e.getMessage());
    }
    if (first.isPresent() && !force) {
      throw new CommandLine.ParameterException(cli, "--out " + out + " is not empty (it holds "
          + first.get().getFileName() + "); use --force to write into it and replace what is there");
    }
  }

  private static List<Path> definitionFiles(List<Path> definitions) {
    List<Path> out = new ArrayList<>();
    for (Path p : definitions) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> files = Files.walk(p)) {
          files.filter(Files::isRegularFile).forEach(out::add);
        } catch (IOException e) {
          // unlistable: the definition loader reports it
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /** Whether two paths name the same file: equal once made absolute, or the same file on disk (links). */
  private static boolean same(Path a, Path b) {
    if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
      return true;
    }
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}
