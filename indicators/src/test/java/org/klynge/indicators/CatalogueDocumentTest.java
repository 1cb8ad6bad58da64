package org.klynge.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.Indicator;

class CatalogueDocumentTest {

  /** {@code docs/catalogue.md}, seen from the indicators module (Maven's working directory). */
  static final Path DOCUMENT = Path.of("..", CatalogueDocument.DEFAULT_PATH);

  @Test
  void render_everyPackageAndIndicator_isDescribed() {
    String text = CatalogueDocument.render();
    for (ClusterPackage pkg : Catalogue.packages()) {
      assertTrue(text.contains("Package `" + pkg.key() + "`"), pkg.key());
      assertTrue(text.contains(pkg.questions().clinicalProblem()), pkg.key());
    }
    for (Indicator ind : Catalogue.indicators()) {
      assertTrue(text.contains("`" + ind.key() + "`"), ind.key());
    }
    assertTrue(text.contains("fee `0120`"));
    assertTrue(text.contains("latest lab value in 'hba1c' (final or amended or corrected) in the period > 58 mmol/mol"));
  }

  @Test
  void document_checkedIn_equalsRenderedCatalogue() throws IOException {
    String rendered = CatalogueDocument.render();
    if (Boolean.getBoolean("klynge.regenerate")) {
      Files.writeString(DOCUMENT, rendered, StandardCharsets.UTF_8);
    }
    String onDisk = Files.exists(DOCUMENT) ? Files.readString(DOCUMENT, StandardCharsets.UTF_8) : "";
    assertEquals(rendered, onDisk, DOCUMENT.toAbsolutePath().normalize() + " is out of date with the catalogue"
        + " definitions. Regenerate it from the repository root with\n"
        + "  mvn -B -o -q -pl indicators -am test -Dtest=CatalogueDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -Dklynge.regenerate=true\n"
        + "and commit the result.");
  }
}
