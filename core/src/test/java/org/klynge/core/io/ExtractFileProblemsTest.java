package org.klynge.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klynge.core.data.Rejection;

/** A file of an extract that is there but cannot be read is named with the reason, never taken for missing or skipped. */
class ExtractFileProblemsTest {

  private static final CsvExtractReader READER = CsvExtractReader.create();

  @TempDir
  Path temp;

  private Rejection onlyProblem(Path folder) {
    ExtractException e = assertThrows(ExtractException.class, () -> READER.read(folder));
    assertEquals(1, e.problems().size(), e::getMessage);
    return e.problems().get(0);
  }

  @Test
  void read_eventsIsAFolder_unreadableFileNotMissing() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Files.delete(folder.resolve("events.csv"));
    Files.createDirectory(folder.resolve("events.csv"));
    Rejection problem = onlyProblem(folder);
    assertEquals(Reasons.UNREADABLE_FILE, problem.reason());
    assertEquals("events.csv", problem.location().source());
    assertTrue(problem.detail().endsWith("events.csv: is a folder, not a file"), problem::toString);
  }

  @Test
  void read_optionalMunicipalitiesIsAFolder_isAnErrorNotIgnored() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Files.createDirectory(folder.resolve("municipalities.csv"));
    Rejection problem = onlyProblem(folder);
    assertEquals(Reasons.UNREADABLE_FILE, problem.reason());
    assertTrue(problem.detail().endsWith("municipalities.csv: is a folder, not a file"), problem::toString);
  }

  @Test
  void read_eventsIsAPipe_notOpened() throws IOException, InterruptedException {
    Path folder = Fixtures.copy("good", temp);
    Files.delete(folder.resolve("events.csv"));
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", folder.resolve("events.csv").toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo on this machine");
      return;
    }
    assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
    Rejection problem = onlyProblem(folder);
    assertEquals(Reasons.UNREADABLE_FILE, problem.reason());
    assertTrue(problem.detail().endsWith("events.csv: not a regular file (a pipe, device or socket)"), problem::toString);
  }

  @Test
  void read_eventsNotReadable_saysPermissionDenied() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Path events = folder.resolve("events.csv");
    Files.setPosixFilePermissions(events, PosixFilePermissions.fromString("---------"));
    assumeTrue(!Files.isReadable(events), "the tests run as a user who can read anything (root)");
    Rejection problem = onlyProblem(folder);
    assertTrue(problem.detail().endsWith("events.csv: not readable (permission denied)"), problem::toString);
  }

  @Test
  void read_eventsInLatin1_namesLineAndByte() throws IOException {
    Path folder = Fixtures.copy("good", temp);
    Path events = folder.resolve("events.csv");
    String text = Files.readString(events, StandardCharsets.UTF_8);
    int secondLineEnd = text.indexOf('\n', text.indexOf('\n') + 1);
    String latin1 = text.substring(0, secondLineEnd) + "\nP1,diagnosis,icpc2,T90,2016-05-02,,,Kø\n"
        + text.substring(secondLineEnd + 1);
    Files.write(events, latin1.getBytes(StandardCharsets.ISO_8859_1));
    Rejection problem = onlyProblem(folder);
    assertEquals(Reasons.MALFORMED_FILE, problem.reason());
    assertEquals(3, problem.location().line());
    assertTrue(problem.detail().startsWith("not UTF-8 at line 3, byte 38 (byte "), problem::toString);
  }

  @Test
  void read_folderIsAFile_saysSo() throws IOException {
    Path file = Files.writeString(temp.resolve("extract.csv"), "x\n");
    Rejection problem = onlyProblem(file);
    assertEquals("not a folder: the extract is a folder of CSV files", problem.detail());
  }

  @Test
  void read_noSuchFolder_saysSo() {
    assertEquals("no such folder", onlyProblem(temp.resolve("nowhere")).detail());
  }
}
