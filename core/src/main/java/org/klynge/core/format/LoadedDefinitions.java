package org.klynge.core.format;

import com.google.common.collect.ImmutableList;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.validation.DefinitionException;
import org.klynge.core.validation.Diagnostic;
import org.klynge.core.validation.Document;

/**
 * Definitions read from one or more sources, with every problem found while reading and
 * checking them.
 *
 * @param documents what each source held (sources that could not be read are absent)
 * @param diagnostics every problem and warning, sorted by source and path
 */
public record LoadedDefinitions(ImmutableList<Document> documents, ImmutableList<Diagnostic> diagnostics) {

  public LoadedDefinitions {
    documents = ImmutableList.copyOf(documents);
    diagnostics = ImmutableList.copyOf(diagnostics);
  }

  /** Whether any diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The warnings. */
  public ImmutableList<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).collect(ImmutableList.toImmutableList());
  }

  /** All documents merged into one set; throws {@link DefinitionException} when there are errors. */
  public DefinitionSet orThrow() {
    if (hasErrors()) {
      throw new DefinitionException(diagnostics);
    }
    return documents.stream().map(Document::definitions).reduce(DefinitionSet.empty(), DefinitionSet::merge);
  }
}
