package org.klynge.core.validation;

import java.util.List;
import org.klynge.core.definition.DefinitionSet;

/** The file must be written in a format version this library reads. */
final class SchemaVersionRule implements Rule {
  @Override
  public void check(CheckContext context, List<Diagnostic> out) {
    for (Document doc : context.documents()) {
      int version = doc.definitions().schemaVersion();
      if (version != DefinitionSet.CURRENT_SCHEMA_VERSION) {
        out.add(Diagnostic.error(doc.source(), "schemaVersion", "is " + version
            + ", but this version of Klynge reads schemaVersion " + DefinitionSet.CURRENT_SCHEMA_VERSION));
      }
    }
  }
}
