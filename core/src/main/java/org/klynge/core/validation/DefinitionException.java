package org.klynge.core.validation;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when definitions cannot be used; carries every problem found, each with its source
 * and path. The message lists them all, one a line.
 */
public final class DefinitionException extends RuntimeException {

  private final ImmutableList<Diagnostic> diagnostics;

  public DefinitionException(List<Diagnostic> diagnostics) {
    super(format(diagnostics));
    this.diagnostics = ImmutableList.copyOf(diagnostics);
  }

  private static String format(List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    return errors + (errors == 1 ? " problem" : " problems") + " in definitions:\n"
        + diagnostics.stream().map(d -> "  " + d).collect(Collectors.joining("\n"));
  }

  /** Every diagnostic, errors and warnings. */
  public ImmutableList<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
