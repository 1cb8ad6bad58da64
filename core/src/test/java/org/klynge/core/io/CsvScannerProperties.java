package org.klynge.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.klynge.core.data.Extract;
import org.klynge.core.data.PatientData;
import org.klynge.core.data.Rejection;

/**
 * Reading a file with {@link CsvScanner} gives exactly what Jackson's parser gives for the whole
 * file: the same extract (codes in the same order), the same account of every row, or the same
 * error. Files are drawn from seeds, with quoted fields, doubled quotes, spaces, {@code \r\n},
 * blank lines, UTF-8 beyond ASCII, and now and then something the scanner must hand over to
 * Jackson: a lone {@code \r}, a tab, bytes that are not UTF-8, text after a closing quote, a
 * quote left open, a last line without a line end. Chunks as small as 7 bytes put rows across
 * chunk boundaries.
 */
class CsvScannerProperties {

  private static final String NOT_UTF8 = "not UTF-8";
  private static final String[] PATIENT_IDS = {"P1", "P2", "P3", "P4", "P5", "P1", "P2", "P3", "P9", "", "P 1"};
  private static final String[] DATES = {"1950-03-01", "1962-07-15", "2020-02-29", "2024-03-10", "2023-01-01",
      "1950-03-01", "1962-07-15", "2020-02-29", "2024-03-10", "2023-01-01",
      "2024-02-30", "1950-3-01", "", "2199-12-31", "1879-12-31"};

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Property(tries = 400)
  void scanner_readsEveryFileAsJacksonDoes(@ForAll("seeds") long seed) throws IOException {
    Random random = new Random(seed);
    Path folder = Files.createTempDirectory("klynge-scan");
    try {
      Fixtures.copy("good", folder);
      Files.write(folder.resolve("patients.csv"), file(random, "patient_id,sex,birth_date,death_date",
          () -> new String[] {pick(random, PATIENT_IDS), pick(random, "F", "M", "f", "X", ""), pick(random, DATES),
              random.nextInt(4) == 0 ? pick(random, DATES) : ""}));
      Files.write(folder.resolve("listings.csv"), file(random, "patient_id,clinic_id,valid_from,valid_to",
          () -> new String[] {pick(random, PATIENT_IDS), pick(random, "C1", "C2", "C3", "C9", ""), pick(random, DATES),
              random.nextBoolean() ? "" : pick(random, DATES)}));
      Files.write(folder.resolve("events.csv"), file(random, "patient_id,type,system,code,date,value,unit,quantity",
          () -> new String[] {pick(random, PATIENT_IDS),
              pick(random, "diagnosis", "lab", "medication", "service", "lab", "Lab", "test", ""),
              pick(random, "icpc2", "ICPC2", "npu", "atc", "fee", "icpc2", "npu", "\u0131cpc2", "\u212Apc", "x", ""),
              pick(random, "T90", "NPU27300", "A10BA02", "0101", "T\"90", "T\"90", "", "K\u00f8", "A,1"),
              pick(random, DATES),
              pick(random, "", "", "48", "61.5", "-0", "+3", "1e3", "7,5", ".5", "5.", "12345678901234567890",
                  "0.1234567890123456789012345", "9007199254740993", "NaN", "1e400"),
              pick(random, "", "mmol/mol", "\u00b5mol/l", "mmol/l"),
              pick(random, "", "", "1", "2.5", "-1", "1e40")}));
      int chunk = pick(random, 7, 16, 64, 4096, CsvScanner.CHUNK);
      for (boolean strict : new boolean[] {false, true}) {
        String jackson = outcome(new CsvExtractReader(strict, false, CsvScanner.CHUNK), folder);
        String scanned = outcome(new CsvExtractReader(strict, true, chunk), folder);
        String where = "seed " + seed + ", strict " + strict + ", chunk " + chunk;
        if (jackson.contains(NOT_UTF8) || scanned.contains(NOT_UTF8)) {
          // bytes are decoded a block at a time, so when a file has more than one fault, which is
          // met first depends on where the blocks start; both must fail
          assertEquals("error", jackson.substring(0, 5), where + ": " + jackson);
          assertEquals("error", scanned.substring(0, 5), where + ": " + scanned);
        } else {
          assertEquals(jackson, scanned, where);
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /** The extract with its code and unit order and its account, or the error, as text. */
  private static String outcome(CsvExtractReader reader, Path folder) throws IOException {
    try {
      Extract extract = reader.read(folder);
      PatientData data = extract.patients();
      List<String> lines = new ArrayList<>(ExtractDump.of(extract));
      for (int c = 0; c < data.codes().size(); c++) {
        lines.add("code " + c + " " + data.codes().entry(c));
      }
      lines.add("units " + data.units());
      lines.add(extract.reconciliation().toString());
      return String.join("\n", lines);
    } catch (ExtractException e) {
      return "error " + e.problems().stream().map(CsvScannerProperties::problem).collect(Collectors.joining("\n"));
    }
  }

  /** A problem; the text of a file that is not UTF-8 comes from the decoder that found it. */
  private static String problem(Rejection r) {
    boolean notUtf8 = r.reason().equals(Reasons.MALFORMED_FILE) && r.detail().startsWith(NOT_UTF8);
    return r.outcome() + " " + r.reason() + " " + r.location() + " " + (notUtf8 ? NOT_UTF8 : r.detail());
  }

  private interface RowMaker {
    String[] row();
  }

  /**
   * A file with {@code header} and up to 40 rows, each field and line end written one of many
   * ways; in one file of three, one field is written in a way the scanner leaves to Jackson.
   */
  private static byte[] file(Random random, String header, RowMaker rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (random.nextInt(10) == 0) {
      write(out, "\uFEFF");
    }
    write(out, header);
    int n = random.nextInt(41);
    int troubledRow = random.nextInt(3) == 0 ? random.nextInt(n + 1) : -1;
    for (int i = 0; i < n; i++) {
      lineEnd(random, out);
      if (random.nextInt(12) == 0) {
        write(out, pick(random, "", "   ", " "));
        lineEnd(random, out);
      }
      String[] fields = rows.row();
      int width = random.nextInt(30) == 0 ? fields.length + pick(random, -1, 1) : fields.length;
      int troubledField = i == troubledRow ? random.nextInt(width) : -1;
      for (int f = 0; f < width; f++) {
        if (f > 0) {
          write(out, ",");
        }
        String value = f < fields.length ? fields[f] : "extra";
        if (f == troubledField) {
          troubledField(random, out, value);
        } else {
          field(random, out, value);
        }
      }
    }
    if (troubledRow != n || random.nextBoolean()) {
      lineEnd(random, out); // a last line without a line end is left to Jackson
    }
    return out.toByteArray();
  }

  /** A field as a well-formed file may write it. */
  private static void field(Random random, ByteArrayOutputStream out, String value) {
    String plain = value.replace("\"", "").replace(",", "");
    int style = random.nextInt(100);
    if (style < 50) {
      write(out, plain);
    } else if (style < 60) {
      write(out, "  " + plain + " ");
    } else if (style < 80) {
      write(out, "\"" + value.replace("\"", "\"\"") + "\"");
    } else if (style < 85) {
      write(out, " \"" + value.replace("\"", "\"\"") + "\"  ");
    } else if (style < 88) {
      write(out, "\"" + value + "\nmore\"");
    } else if (style < 90) {
      write(out, "\"" + value + "\r\nmore\"");
    } else if (style < 93) {
      write(out, plain + "a\"b");
    } else {
      write(out, plain + "\u00e6\u00f8\u00e5\ud83d\ude00");
    }
  }

  /** A field the scanner leaves to Jackson, which reads it or reports it. */
  private static void troubledField(Random random, ByteArrayOutputStream out, String value) {
    switch (random.nextInt(8)) {
      case 0:
        write(out, value + "\t");
        break;
      case 1:
        write(out, value);
        out.write(0xFF);
        break;
      case 2:
        write(out, value);
        out.write(0xC3);
        break;
      case 3:
        write(out, "\"" + value + "\"x");
        break;
      case 4:
        write(out, "\"" + value);
        break;
      case 5:
        write(out, value + "\r" + value);
        break;
      case 6:
        write(out, "  " + value + "\r");
        break;
      default:
        write(out, "\"" + value + "\rmore\"");
        break;
    }
  }

  private static void lineEnd(Random random, ByteArrayOutputStream out) {
    write(out, random.nextInt(10) < 7 ? "\n" : "\r\n");
  }

  private static void write(ByteArrayOutputStream out, String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
