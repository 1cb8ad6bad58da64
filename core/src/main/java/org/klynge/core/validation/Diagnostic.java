package org.klynge.core.validation;

import static java.util.Objects.requireNonNull;

/**
 * One problem found in a definition.
 *
 * @param severity error or warning
 * @param source the file (or other source) the definition came from
 * @param path where in the definition, e.g. {@code indicators[2].populations.numerator.window}
 * @param message what is wrong, in words
 */
public record Diagnostic(Severity severity, String source, String path, String message) {

  public Diagnostic {
    requireNonNull(severity, "severity");
    requireNonNull(source, "source");
    requireNonNull(path, "path");
    requireNonNull(message, "message");
  }

  /** An error. */
  public static Diagnostic error(String source, String path, String message) {
    return new Diagnostic(Severity.ERROR, source, path, message);
  }

  /** A warning. */
  public static Diagnostic warning(String source, String path, String message) {
    return new Diagnostic(Severity.WARNING, source, path, message);
  }

  /** The same diagnostic at another path. */
  public Diagnostic withPath(String otherPath) {
    return new Diagnostic(severity, source, otherPath, message);
  }

  /** Whether this is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code source: path: message}, with {@code warning} marked. */
  @Override
  public String toString() {
    String where = path.isEmpty() ? source : source + ": " + path;
    return where + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
  }
}
