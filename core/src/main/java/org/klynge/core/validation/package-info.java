/**
 * Checking definitions: structural constraints (Jakarta Validation, run by Hibernate
 * Validator) and semantic rules (one small class per rule), reported together as
 * {@link org.klynge.core.validation.Diagnostic}s that name the file and the path of each
 * problem. Users see one exception type, {@link org.klynge.core.validation.DefinitionException},
 * carrying all of them.
 */
package org.klynge.core.validation;
