package org.klynge.core.io;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;
import org.klynge.core.data.Rejection;

/**
 * Thrown when an extract cannot be read: a missing file, table or column, a malformed file, a
 * bad row in the organisation, or (in strict mode) any rejected row. Carries the problems,
 * each with file (or table), line and column; the message lists the first of them.
 */
public final class ExtractException extends RuntimeException {

  /** How many problems the message lists. */
  public static final int PROBLEMS_IN_MESSAGE = 20;

  private final ImmutableList<Rejection> problems;

  /**
   * An exception for {@code problems}.
   *
   * @param summary what failed, e.g. {@code invalid organisation}
   * @param problems the problems, at least one
   */
  public ExtractException(String summary, List<Rejection> problems) {
    super(format(summary, problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an extract exception needs at least one problem");
    }
    this.problems = ImmutableList.copyOf(problems);
  }

  private static String format(String summary, List<Rejection> problems) {
    String listed = problems.stream().limit(PROBLEMS_IN_MESSAGE).map(p -> "  " + describe(p))
        .collect(Collectors.joining("\n"));
    int more = problems.size() - PROBLEMS_IN_MESSAGE;
    return summary + " (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n" + listed
        + (more > 0 ? "\n  and " + more + " more" : "");
  }

  private static String describe(Rejection p) {
    return p.location() + ": " + p.reason() + (p.detail().isEmpty() ? "" : " (" + p.detail() + ")");
  }

  /** The problems found, in the order they were found. */
  public ImmutableList<Rejection> problems() {
    return problems;
  }
}
