package org.klynge.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvScannerTest {

  @TempDir Path temp;

  /** What the scanner reads: the header, each row as "line: field|field", and where it stopped. */
  private List<String> scan(byte[] content, int chunk) throws IOException {
    Path file = temp.resolve("t.csv");
    Files.write(file, content);
    List<String> out = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file)) {
      CsvScanner scanner = new CsvScanner(channel, chunk);
      Optional<CsvScanner.Header> header = scanner.header();
      out.add(header.map(h -> h.line() + ": " + String.join("|", h.fields())).orElse("no header"));
      for (ScannedBatch batch = scanner.next(); batch != null; batch = scanner.next()) {
        for (int r = 0; r < batch.size(); r++) {
          Row row = batch.row(r);
          List<String> fields = new ArrayList<>();
          for (int i = 0; i < row.count(); i++) {
            fields.add(row.text(i));
          }
          out.add(row.line() + ": " + String.join("|", fields));
        }
      }
      if (scanner.stopped()) {
        out.add("stopped at line " + scanner.stopLine() + ", byte " + scanner.stopOffset());
      }
    }
    return out;
  }

  private List<String> scan(String content, int chunk) throws IOException {
    return scan(content.getBytes(StandardCharsets.UTF_8), chunk);
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 16, 4096})
  void scan_commonForms_readAsJacksonWould(int chunk) throws IOException {
    String csv = "\uFEFFa,b,c\r\n"
        + "1,\" x, \"\"y\"\" \",  3  \r\n"
        + "\r\n"
        + "   \n"
        + "\"multi\nline\",,\u00e6\u00f8\u00e5\n"
        + "4,a\"b , \"q\"  \n";

    assertEquals(List.of("1: a|b|c", "2: 1| x, \"y\" |3", "5: multi\nline||\u00e6\u00f8\u00e5", "7: 4|a\"b|q"),
        scan(csv, chunk));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1,x\ty\n", "1,x\ry\n", "1,\"x\"y\n", "1,\"x\n", "1,\"x\ry\"\n", "1,x\u0001\n"})
  void scan_formsItLeavesToJackson_stopsAtThatRow(String row) throws IOException {
    List<String> read = scan("a,b\n0,ok\n" + row + "2,after\n", 4096);

    assertEquals(List.of("1: a|b", "2: 0|ok", "stopped at line 3, byte 9"), read);
  }

  @ParameterizedTest
  @ValueSource(strings = {"C3 28", "C0 80", "E0 80 80", "ED A0 80", "F4 90 80 80", "F8 88 80 80 80", "FF", "80"})
  void scan_bytesThatAreNotUtf8_stopsAtThatRow(String hex) throws IOException {
    byte[] head = "a,b\n0,ok\n1,x".getBytes(StandardCharsets.US_ASCII);
    String[] parts = hex.split(" ");
    byte[] content = new byte[head.length + parts.length + 1];
    System.arraycopy(head, 0, content, 0, head.length);
    for (int i = 0; i < parts.length; i++) {
      content[head.length + i] = (byte) Integer.parseInt(parts[i], 16);
    }
    content[content.length - 1] = '\n';

    assertEquals(List.of("1: a|b", "2: 0|ok", "stopped at line 3, byte 9"), scan(content, 4096));
  }

  @Test
  void scan_lastRowWithoutLineEnd_isLeftToJackson() throws IOException {
    assertEquals(List.of("1: a|b", "2: 0|ok", "stopped at line 3, byte 9"), scan("a,b\n0,ok\n1,x", 4096));
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 8, 64})
  void scan_rowLongerThanAChunk_growsTheBuffer(int chunk) throws IOException {
    String longField = "x".repeat(200);

    List<String> read = scan("a\n" + longField + "\nshort\n", chunk);

    assertEquals(List.of("1: a", "2: " + longField, "3: short"), read);
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 4096})
  void scan_emptyOrHeaderOnly_readsNoRows(int chunk) throws IOException {
    assertEquals(List.of("no header", "stopped at line 1, byte 0"), scan("", chunk));
    assertEquals(List.of("1: a|b"), scan("a,b\n\n  \n", chunk));
  }

  /** The rows after the header of a file holding {@code content}. */
  private ScannedBatch firstBatch(String content) throws IOException {
    Path file = temp.resolve("t.csv");
    Files.writeString(file, content);
    try (FileChannel channel = FileChannel.open(file)) {
      CsvScanner scanner = new CsvScanner(channel);
      scanner.header();
      return scanner.next();
    }
  }

  @Test
  void typedReads_matchTheTextRules() throws IOException {
    ScannedBatch batch = firstBatch(
        "h\n2024-02-29\n2023-02-29\n7.25\n-0\n1e3\n12345678901234567890\nicpc2\nICPC2\n\"a\"\"b\"\n");
    assertEquals(Dates.parseDay("2024-02-29"), batch.row(0).day(0));
    assertEquals(Dates.INVALID, batch.row(1).day(0));
    assertEquals(7.25, batch.row(2).number(0));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(batch.row(3).number(0)));
    assertEquals(1000.0, batch.row(4).number(0));
    assertEquals(1.2345678901234567e19, batch.row(5).number(0));
    assertTrue(batch.row(6).isIgnoringCase(0, "ICPC2"));
    assertTrue(batch.row(7).isIgnoringCase(0, "icpc2"));
    assertFalse(batch.row(7).is(0, "icpc2"));
    assertEquals("a\"b", batch.row(8).text(0));
    assertTrue(batch.row(8).is(0, "a\"b"));
  }

  @Test
  void readAhead_givesTheValuesAndSharesRepeatedText() throws IOException {
    ScannedBatch batch = firstBatch("id,day,n,code\nP1,2024-01-31,7.5,T90\nP1,2024-02-01,,K86\nP2,x,-2,T90\n"
        + "P1,2024-03-01,1,T90\n");
    batch.readAhead(new ReadAhead(new int[] {1}, new int[] {2}, new int[] {3}, new int[] {0}));

    String first = batch.row(0).text(0);
    assertTrue(first == batch.row(1).text(0), "the row above's string for the same id");
    assertEquals("P2", batch.row(2).text(0));
    assertEquals("P1", batch.row(3).text(0));
    assertTrue(first != batch.row(3).text(0), "only the row above is compared, not every id before");
    assertTrue(batch.row(0).text(3) == batch.row(2).text(3), "one string for a code repeated anywhere");
    assertEquals("K86", batch.row(1).text(3));
    assertEquals(Dates.parseDay("2024-02-01"), batch.row(1).day(1));
    assertEquals(Dates.INVALID, batch.row(2).day(1));
    assertEquals(7.5, batch.row(0).number(2));
    assertEquals(-2.0, batch.row(2).number(2));
  }
}
