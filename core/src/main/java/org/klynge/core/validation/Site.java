package org.klynge.core.validation;

/**
 * A node of a definition tree found by {@link DefinitionWalker}, with where it is.
 *
 * @param source the document's source
 * @param path the node's path in the document
 * @param node the node: a criterion, a scoring, a window…
 * @param <T> the node type
 */
record Site<T>(String source, String path, T node) {

  Diagnostic error(String message) {
    return Diagnostic.error(source, path, message);
  }

  Diagnostic warning(String message) {
    return Diagnostic.warning(source, path, message);
  }
}
