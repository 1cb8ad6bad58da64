package org.klynge.core.validation;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.klynge.core.definition.DefinitionSet;

/**
 * What the rules look at: the documents one by one (for paths) and merged (for references
 * across files).
 */
final class CheckContext {
  private final ImmutableList<Document> documents;
  private final DefinitionSet merged;

  CheckContext(List<Document> documents) {
    this.documents = ImmutableList.copyOf(documents);
    this.merged = documents.stream().map(Document::definitions)
        .reduce(DefinitionSet.empty(), DefinitionSet::merge);
  }

  ImmutableList<Document> documents() {
    return documents;
  }

  DefinitionSet merged() {
    return merged;
  }
}
