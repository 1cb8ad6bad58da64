package org.klynge.core.io;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.klynge.core.data.DuplicatePolicy;
import org.klynge.core.data.Extract;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.Rejection;
import org.klynge.core.data.RowLocation;
import org.klynge.core.files.FileProblems;
import org.klynge.core.model.CodeSystems;
import org.klynge.core.model.EventType;

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
 * <p>Each file is read on two threads: one parses it while the calling thread checks the rows
 * and builds the extract. Files in the common form are parsed straight from their bytes,
 * without a string per field; from the first row that is not in that form (a lone {@code \r},
 * a tab, bytes that are not UTF-8, a quote left open...) Jackson's CSV parser reads on, so the
 * rows, counts and errors are the same as if Jackson had read the whole file.
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
  /** Whether to read files with {@link CsvScanner} where it can (off only to compare, in tests). */
  private final boolean scanBytes;
  private final int chunk;
  private final CodeSystems systems;
  private final ImmutableMap<EventType, DuplicatePolicy> duplicates;

  private CsvExtractReader(boolean strict) {
    this(strict, true, CsvScanner.CHUNK);
  }

  CsvExtractReader(boolean strict, boolean scanBytes, int chunk) {
    this(strict, scanBytes, chunk, CodeSystems.builtIn(), ImmutableMap.of());
  }

  private CsvExtractReader(boolean strict, boolean scanBytes, int chunk, CodeSystems systems,
      ImmutableMap<EventType, DuplicatePolicy> duplicates) {
    this.strict = strict;
    this.scanBytes = scanBytes;
    this.chunk = chunk;
    this.systems = systems;
    this.duplicates = duplicates;
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
   * This reader, accepting events in {@code systems} (the readers of {@link #create()} and
   * {@link #strict()} accept the built-in systems), usually
   * {@link org.klynge.core.definition.DefinitionSet#declaredSystems()} of the definitions to
   * evaluate: {@code CsvExtractReader.create().withCodeSystems(definitions.declaredSystems())}. An
   * event in another system is rejected as {@code unknown code system}.
   */
  public CsvExtractReader withCodeSystems(CodeSystems systems) {
    return new CsvExtractReader(strict, scanBytes, chunk, requireNonNull(systems, "systems"), duplicates);
  }

  /**
   * This reader, taking exact duplicates of events of {@code type} by {@code policy} instead of
   * {@link DuplicatePolicy#defaultFor(EventType)} (events with an {@code event_id} are matched by
   * their id instead).
   */
  public CsvExtractReader withDuplicates(EventType type, DuplicatePolicy policy) {
    var policies = new java.util.EnumMap<EventType, DuplicatePolicy>(EventType.class);
    policies.putAll(duplicates);
    policies.put(requireNonNull(type, "type"), requireNonNull(policy, "policy"));
    return new CsvExtractReader(strict, scanBytes, chunk, systems, ImmutableMap.copyOf(policies));
  }

  /** The code systems events may be recorded in. */
  public CodeSystems codeSystems() {
    return systems;
  }

  /**
   * Reads the extract in {@code folder}.
   *
   * @throws ExtractException when a required file or column is missing, a file is not valid
   *     CSV, the organisation has a bad row, or (strict) any row is rejected
   * @throws IOException when a file cannot be read
   */
  public Extract read(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new ExtractException("cannot read the extract in " + folder, List.of(new Rejection(Outcome.REJECTED,
          Reasons.MISSING_FILE, RowLocation.of(folder.toString(), 0),
          Files.exists(folder) ? "not a folder: the extract is a folder of CSV files" : "no such folder")));
    }
    List<Rejection> missing = new ArrayList<>();
    for (ExtractTable table : ExtractTable.values()) {
      Path file = folder.resolve(table.fileName());
      if (!Files.exists(file)) {
        if (table.required()) {
          missing.add(new Rejection(Outcome.REJECTED, Reasons.MISSING_FILE, RowLocation.of(table.fileName(), 0),
              folder.toAbsolutePath().toString()));
        }
        continue;
      }
      // a folder, pipe or unreadable file where a table belongs is an error even for optional tables
      FileProblems.unreadable(file).ifPresent(reason -> missing.add(new Rejection(Outcome.REJECTED,
          Reasons.UNREADABLE_FILE, RowLocation.of(table.fileName(), 0), file.toAbsolutePath() + ": " + reason)));
    }
    if (!missing.isEmpty()) {
      throw new ExtractException("cannot read the extract in " + folder, missing);
    }
    ExtractAssembler assembler = new ExtractAssembler(strict, systems, duplicates);
    for (ExtractTable table : ExtractTable.values()) {
      Path file = folder.resolve(table.fileName());
      if (Files.isRegularFile(file)) {
        readFile(table, file, assembler);
      }
    }
    return assembler.build();
  }

  private void readFile(ExtractTable table, Path file, ExtractAssembler assembler) throws IOException {
    String source = table.fileName();
    // Jackson reads the header (and, where the scanner cannot, the rows) from its own stream,
    // which it closes at the end of the input; the scanner reads from its own channel
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        CsvParser parser = (CsvParser) FACTORY.createParser(Files.newInputStream(file))) {
      Rows rows = new Rows(parser, 0);
      if (!rows.next()) {
        throw new ExtractException("cannot read " + source, List.of(new Rejection(Outcome.REJECTED,
            Reasons.MISSING_COLUMN, RowLocation.of(source, 1), "the file is empty; expected a header")));
      }
      List<String> header = List.copyOf(Arrays.asList(rows.fields).subList(0, rows.count));
      Columns columns = Columns.resolve(table, source, header);
      CsvScanner scanner = scanBytes ? new CsvScanner(channel, chunk) : null;
      boolean scan = scanner != null
          && scanner.header().equals(Optional.of(new CsvScanner.Header(header, rows.line())));
      ExtractAssembler.RowHandler handler = assembler.start(columns);
      ReadAhead readAhead = handler.readAhead();
      RowPipeline.Producer producer = scan ? sink -> {
        for (ScannedBatch batch = scanner.next(); batch != null; batch = scanner.next()) {
          batch.readAhead(readAhead);
          sink.put(batch);
        }
        if (scanner.stopped()) {
          resume(file, scanner.stopOffset(), scanner.stopLine(), sink);
        }
      } : sink -> RowPipeline.textBatches(rows, sink);
      long size = channel.size();
      boolean first = true;
      try (RowPipeline pipeline = new RowPipeline(source, producer)) {
        for (RowBatch batch = pipeline.take(); batch != null; batch = pipeline.take()) {
          if (first && batch.endOffset() > 0) {
            // room for the rows the whole file will have at this batch's bytes per row, plus a little
            assembler.expect(table, (long) (1.05 * batch.size() * size / batch.endOffset()));
          }
          first = false;
          for (int i = 0; i < batch.size(); i++) {
            handler.row(batch.row(i));
          }
        }
      }
      assembler.finish(table);
    } catch (MalformedCsvException e) {
      throw new ExtractException("cannot read " + source, List.of(
          new Rejection(Outcome.REJECTED, Reasons.MALFORMED_FILE, RowLocation.of(source, e.line()), e.getMessage())));
    } catch (CharConversionException | CharacterCodingException e) {
      Optional<FileProblems.Utf8Error> at = FileProblems.firstMalformedUtf8(file);
      throw new ExtractException("cannot read " + source, List.of(
          new Rejection(Outcome.REJECTED, Reasons.MALFORMED_FILE, RowLocation.of(source, at.map(a -> a.line()).orElse(0L)),
              at.map(Object::toString).orElse("not UTF-8: " + e.getMessage()) + "; extract files are UTF-8")));
    } catch (IOException e) {
      throw new ExtractException("cannot read " + source, List.of(new Rejection(Outcome.REJECTED,
          Reasons.UNREADABLE_FILE, RowLocation.of(source, 0), FileProblems.describe(file, e))));
    }
  }

  /**
   * Reads on with Jackson from the row where the scanner stopped: at a row's start, so Jackson
   * reads the rest of the file as it would have read it from the beginning. The bytes are
   * decoded as strict UTF-8.
   */
  private static void resume(Path file, long offset, long line, RowPipeline.Sink sink)
      throws IOException, InterruptedException {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try (FileChannel rest = FileChannel.open(file, StandardOpenOption.READ);
        CsvParser parser = (CsvParser) FACTORY.createParser(
            new InputStreamReader(Channels.newInputStream(rest.position(offset)), utf8))) {
      RowPipeline.textBatches(new Rows(parser, line - 1), sink);
    }
  }

  /** The rows of a CSV file as arrays of fields, reusing one array. */
  static final class Rows {
    private final CsvParser parser;
    private final long lineOffset;
    private String[] fields = new String[16];
    private int count;
    private long line;

    /** Rows of {@code parser}, whose first line is line {@code lineOffset + 1} of the file. */
    Rows(CsvParser parser, long lineOffset) {
      this.parser = parser;
      this.lineOffset = lineOffset;
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
      try {
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
            line = lineOffset + parser.currentTokenLocation().getLineNr();
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
      } catch (JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        long errorLine = at == null || at.getLineNr() <= 0 ? 0 : lineOffset + at.getLineNr();
        throw new MalformedCsvException(errorLine, e.getOriginalMessage(), e);
      }
    }
  }

  /** A file that is not valid CSV, found at {@code line} (0 when not known). */
  static final class MalformedCsvException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long line;

    MalformedCsvException(long line, String message, Throwable cause) {
      super(message, cause);
      this.line = line;
    }

    long line() {
      return line;
    }
  }
}
