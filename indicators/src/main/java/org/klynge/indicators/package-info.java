/**
 * The catalogue: cluster packages and indicators drawn from the Danish cluster-package
 * documents, as YAML definitions on the class path, and {@link org.klynge.indicators.Catalogue}
 * to list and load them, and {@link org.klynge.indicators.CatalogueDocument} to render them as
 * Markdown ({@code docs/catalogue.md}). The catalogue is an example of the definition format, not an official
 * publication.
 */
package org.klynge.indicators;
