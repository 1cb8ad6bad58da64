package org.klynge.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.klynge.core.data.Extract;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.Rejection;
import org.klynge.core.data.RowLocation;

/**
 * Reads an extract from a folder of CSV files, one per {@link ExtractTable} ({@code
 * regions.csv}, ..., {@code events.csv}; see {@code docs/data-format.md}). Files are UTF-8 with
 * a header line, {@code ,} between fields, {@code "} around fields that hold a comma, quote or
 * line break, ISO dates ({@code 2024-03-01}) and {@code .} as the decimal point. Spaces around
 * unquoted fields and blank lines are ignored.
 *
 * <p>Files are streamed row by row, so a file of any size can be read; memory is what the
 * extract itself holds. Rows are counted under the file name ({@code events.csv}) with their
 * real line number (the header is line 1; a quoted field may span lines).
 *
 * <pre>{@code
 * Extract extract = CsvExtractReader.create().read(Path.of("extract"));
 * System.out.print(extract.reconciliation().summary());
 * }</pre>
 *
 * <p>Immutable and thread-safe; each {@link #read} is independent.
 */
public final class CsvExtractReader {

  private static final CsvFactory FACTORY = CsvFactory.builder()
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .enable(CsvParser.Feature.TRIM_SPACES)
      .build();

  private final boolean strict;

  private CsvExtractReader(boolean strict) {
    this.strict = strict;
  }

  /** A reader that rejects bad patient, listing and event rows and counts them. */
  public static CsvExtractReader create() {
    return new CsvExtractReader(false);
  }

  /** A reader that throws {@link ExtractException} when any row is rejected. */
  public static CsvExtractReader strict() {
    return new CsvExtractReader(true);
  }

  /** Whether any rejected row makes reading fail. */
  public boolean isStrict() {
    return strict;
  }

  /**
   * Reads the extract in {@code folder}.
   *
   * @throws ExtractException when a required file or column is missing, a file is not valid
   *     CSV, the organisation has a bad row, or (strict) any row is rejected
   * @throws IOException when a file cannot be read
   */
  public Extract read(Path folder) throws IOException {
    List<Rejection> missing = new ArrayList<>();
    for (ExtractTable table : ExtractTable.values()) {
      if (table.required() && !Files.isRegularFile(folder.resolve(table.fileName()))) {
        missing.add(new Rejection(Outcome.REJECTED, Reasons.MISSING_FILE, RowLocation.of(table.fileName(), 0),
            folder.toAbsolutePath().toString()));
      }
    }
    if (!missing.isEmpty()) {
      throw new ExtractException("cannot read the extract in " + folder, missing);
    }
    ExtractAssembler assembler = new ExtractAssembler(strict);
    for (ExtractTable table : ExtractTable.values()) {
      Path file = folder.resolve(table.fileName());
      if (Files.isRegularFile(file)) {
        readFile(table, file, assembler);
      }
    }
    return assembler.build();
  }

  private static void readFile(ExtractTable table, Path file, ExtractAssembler assembler) throws IOException {
    String source = table.fileName();
    try (InputStream in = Files.newInputStream(file); CsvParser parser = (CsvParser) FACTORY.createParser(in)) {
      Rows rows = new Rows(parser);
      if (!rows.next()) {
        throw new ExtractException("cannot read " + source, List.of(new Rejection(Outcome.REJECTED,
            Reasons.MISSING_COLUMN, RowLocation.of(source, 1), "the file is empty; expected a header")));
      }
      Columns columns = Columns.resolve(table, source, Arrays.asList(rows.fields).subList(0, rows.count));
      ExtractAssembler.RowHandler handler = assembler.start(columns);
      try (RowPipeline pipeline = new RowPipeline(rows, source)) {
        for (RowPipeline.Batch batch = pipeline.take(); batch != null; batch = pipeline.take()) {
          for (int i = 0; i < batch.size; i++) {
            handler.row(batch.fields[i], batch.counts[i], batch.lines[i]);
          }
        }
      }
      assembler.finish(table);
    } catch (JsonProcessingException | CharConversionException e) {
      JsonLocation at = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getLocation() : null;
      long line = at == null ? 0 : Math.max(0, at.getLineNr());
      String message = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
          : e.getMessage();
      throw new ExtractException("cannot read " + source, List.of(
          new Rejection(Outcome.REJECTED, Reasons.MALFORMED_FILE, RowLocation.of(source, line), message)));
    }
  }

  /** The rows of a CSV file as arrays of fields, reusing one array. */
  static final class Rows {
    private final CsvParser parser;
    private String[] fields = new String[16];
    private int count;
    private long line;

    Rows(CsvParser parser) {
      this.parser = parser;
    }

    String[] fields() {
      return fields;
    }

    int count() {
      return count;
    }

    long line() {
      return line;
    }

    /** Reads the next row; false at the end of the file. */
    boolean next() throws IOException {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return false;
      }
      if (token != JsonToken.START_ARRAY) {
        throw new IllegalStateException("expected the start of a row, found " + token);
      }
      count = 0;
      line = 0;
      while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
        if (count == 0) {
          line = parser.currentTokenLocation().getLineNr();
        }
        if (count == fields.length) {
          fields = Arrays.copyOf(fields, count * 2);
        }
        fields[count++] = parser.getText();
      }
      if (token != JsonToken.END_ARRAY) {
        throw new IllegalStateException("expected the end of a row, found " + token);
      }
      return true;
    }
  }
}
