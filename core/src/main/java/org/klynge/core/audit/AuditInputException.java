package org.klynge.core.audit;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A published file that cannot be read: a missing column, a malformed value or a malformed file. The
 * message names the file, the line and the column (field) at fault, e.g.
 * {@code results.csv:7 [numerator]: not a count: 'x'}.
 */
public final class AuditInputException extends RuntimeException {

  private final String file;
  private final long line;
  private final Optional<String> column;

  /**
   * An exception about {@code file}.
   *
   * @param file the file's name
   * @param line the 1-based line, 0 when not known
   * @param column the column or field at fault, if one is
   * @param problem what is wrong
   */
  public AuditInputException(String file, long line, Optional<String> column, String problem) {
    super(file + (line > 0 ? ":" + line : "") + column.map(c -> " [" + c + "]").orElse("") + ": " + problem);
    this.file = requireNonNull(file, "file");
    this.line = line;
    this.column = requireNonNull(column, "column");
  }

  /** The file's name. */
  public String file() {
    return file;
  }

  /** The line, 0 when not known. */
  public long line() {
    return line;
  }

  /** The column or field at fault, if one is. */
  public Optional<String> column() {
    return column;
  }
}
