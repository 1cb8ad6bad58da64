package org.klynge.core.definition;

/** The shape of ids in definitions: lower-case letters and digits in words joined by {@code -} or {@code .}. */
public final class Ids {
  /** The regular expression ids must match. */
  public static final String PATTERN = "[a-z0-9]+(?:[-.][a-z0-9]+)*";
  /** The message when an id does not match. */
  public static final String MESSAGE = "must be lower-case letters and digits joined by '-' or '.', e.g. dvdd-1f";

  private Ids() {}
}
