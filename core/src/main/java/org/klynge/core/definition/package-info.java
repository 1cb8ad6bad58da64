/**
 * The definition format as values: value sets, criteria (a sealed tree), windows relative to
 * the measurement period, indicators with their populations and scoring, and cluster packages.
 * All types are immutable records; Jackson reads and writes them as JSON and YAML through
 * {@link org.klynge.core.format.DefinitionFormat}, and
 * {@link org.klynge.core.validation.DefinitionChecker} reports every problem with its path.
 */
package org.klynge.core.definition;
