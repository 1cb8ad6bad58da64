package org.klynge.core.definition;

/**
 * The sizes a definition may reach. Reading and checking stop with a diagnostic at the limit, so
 * that no definition, however hostile, exhausts the stack or the heap of the process reading it.
 * The limits are far above what the catalogue needs (its deepest criterion nests 4 levels, its
 * longest chain of population references is 2).
 */
public final class DefinitionLimits {

  /** The most characters one definition document may hold (about 10 MB of text). */
  public static final int MAX_DOCUMENT_CHARS = 10_000_000;

  /**
   * The deepest a document may nest objects and lists. A criterion takes one or two levels
   * ({@code not} one, {@code and}/{@code or} two: the object and its list), the envelope of an
   * indicator inside a package about eight.
   */
  public static final int MAX_DOCUMENT_DEPTH = 200;

  /**
   * The deepest criteria may nest, counting a population reference as one level into the
   * criterion of the population it names: a criterion at the top of an indicator's population is
   * at level 1, its operands at level 2, and so on.
   */
  public static final int MAX_CRITERION_DEPTH = 64;

  private DefinitionLimits() {}
}
