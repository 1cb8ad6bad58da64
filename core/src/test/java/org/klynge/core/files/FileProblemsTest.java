package org.klynge.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileProblemsTest {

  @Test
  void describe_exceptionWithPathOnly_addsTheReason() {
    assertEquals("out/results.csv: permission denied",
        FileProblems.describe(Path.of("x"), new AccessDeniedException("out/results.csv")));
  }

  @Test
  void describe_exceptionWithReasonOnly_addsTheFile() {
    assertEquals("out/results.csv: no space left on device",
        FileProblems.describe(Path.of("out/results.csv"), new IOException("No space left on device")));
    assertEquals("d/e.csv: no space left on device",
        FileProblems.describe(Path.of("x"), new FileSystemException("d/e.csv", null, "No space left on device")));
  }

  @Test
  void firstMalformedUtf8_validText_none() {
    assertEquals(Optional.empty(), FileProblems.firstMalformedUtf8("a,æ,€,😀\nb\n".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void firstMalformedUtf8_latin1_lineAndByte() {
    byte[] bytes = "ab\ncdø\n".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(Optional.of(new FileProblems.Utf8Error(2, 3, 6)), FileProblems.firstMalformedUtf8(bytes));
  }

  @Test
  void firstMalformedUtf8_overlongSurrogateOrCutShort_foundAtTheLeadByte() {
    for (byte[] bytes : new byte[][] {{'a', (byte) 0xC0, (byte) 0x80}, {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {'a', (byte) 0xE2, (byte) 0x82}, {'a', (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}}) {
      assertEquals(Optional.of(new FileProblems.Utf8Error(1, 2, 2)), FileProblems.firstMalformedUtf8(bytes));
    }
  }
}
