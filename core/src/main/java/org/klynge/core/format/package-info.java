/**
 * The definition format on disk: reading and writing {@link org.klynge.core.definition.DefinitionSet}s
 * as JSON and YAML with Jackson, and loading files and folders into checked definitions.
 */
package org.klynge.core.format;
