package org.klynge.core.validation;

import static java.util.Objects.requireNonNull;

import org.klynge.core.definition.DefinitionSet;

/**
 * Definitions as read from one source.
 *
 * @param source the file name (or other name) shown in diagnostics
 * @param definitions what the source holds
 */
public record Document(String source, DefinitionSet definitions) {
  public Document {
    requireNonNull(source, "source");
    requireNonNull(definitions, "definitions");
  }
}
