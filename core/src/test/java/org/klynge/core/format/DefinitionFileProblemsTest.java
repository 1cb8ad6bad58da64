package org.klynge.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klynge.core.validation.Diagnostic;

/** A definition file that cannot be read is reported with the reason, and the place for bytes that are not UTF-8. */
class DefinitionFileProblemsTest {

  @TempDir
  Path temp;

  private static List<String> messages(Path path) {
    return DefinitionLoader.load(List.of(path)).diagnostics().stream().map(Diagnostic::message).toList();
  }

  @Test
  void load_latin1File_namesLineAndByte() throws IOException {
    Path file = temp.resolve("d.yaml");
    Files.write(file, "schemaVersion: 1\n# Kø\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(List.of("cannot read: not UTF-8 at line 2, byte 4 (byte 21 of the file);"
        + " definition files are UTF-8 (save the file as UTF-8)"), messages(file));
  }

  @Test
  void load_pipe_notOpened() throws IOException, InterruptedException {
    Path fifo = temp.resolve("d.yaml");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo on this machine");
      return;
    }
    assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
    assertEquals(List.of("cannot read: not a regular file (a pipe, device or socket)"), messages(fifo));
  }

  @Test
  void load_missing_saysSo() {
    assertEquals(List.of("no such file or folder"), messages(temp.resolve("none.yaml")));
  }
}
