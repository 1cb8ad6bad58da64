package org.klynge.core.io;

/**
 * The reasons the readers give when they reject a row or find a problem, as stable short
 * phrases. Rows can also be rejected or excluded by
 * {@link org.klynge.core.data.ExtractBuilder} (unknown patient, unknown clinic, duplicate
 * patient id, negative quantity, date out of range, event before birth, overlapping listing,
 * duplicate event, duplicate event id, conflicting event id, ends before it starts); those reasons
 * are the builder's.
 */
public final class Reasons {

  /** A row with more or fewer fields than the header. */
  public static final String WRONG_NUMBER_OF_FIELDS = "wrong number of fields";
  /** An empty value in a column that needs one. */
  public static final String MISSING_VALUE = "missing value";
  /** A date that is not a valid {@code YYYY-MM-DD} date. */
  public static final String UNPARSEABLE_DATE = "unparseable date";
  /** A number that is not a finite decimal with {@code .} as the decimal point. */
  public static final String UNPARSEABLE_NUMBER = "unparseable number";
  /**
   * A sex code other than {@code F}, {@code M}, {@code O} (other) and {@code U} (unknown); an
   * empty sex is {@code U}, not a rejection.
   */
  public static final String UNRECOGNISED_SEX = "unrecognised sex code";
  /** An event type that is not one of {@code diagnosis, lab, prescription, service, answer, episode}. */
  public static final String UNKNOWN_EVENT_TYPE = "unknown event type";
  /**
   * A code system that is neither built in nor declared by the definitions the reader was given
   * ({@link org.klynge.core.model.CodeSystems}).
   */
  public static final String UNKNOWN_CODE_SYSTEM = "unknown code system";
  /** A {@code value_code} that is not {@code system:code}. */
  public static final String UNREADABLE_VALUE_CODE = "unreadable value code";
  /** A {@code status} that is not one of {@link org.klynge.core.model.EventStatus}'s names. */
  public static final String UNKNOWN_STATUS = "unknown status";

  // problems that make an extract unreadable

  /** A required file or table that is not there. */
  public static final String MISSING_FILE = "missing file";
  /** A file that is there but cannot be read: a folder, a pipe, no permission, a failing disk. */
  public static final String UNREADABLE_FILE = "unreadable file";
  /** A required column that is not in the header. */
  public static final String MISSING_COLUMN = "missing column";
  /** A column named twice in the header. */
  public static final String DUPLICATE_COLUMN = "duplicate column";
  /** A file that is not valid CSV (e.g. an unclosed quote) or not UTF-8. */
  public static final String MALFORMED_FILE = "malformed file";
  /** An id defined twice in an organisation table. */
  public static final String DUPLICATE_ID = "duplicate id";
  /** A reference to a region, cluster or clinic that is not defined. */
  public static final String UNKNOWN_REFERENCE = "unknown reference";
  /** A membership or listing whose {@code valid_to} is before its {@code valid_from}. */
  public static final String ENDS_BEFORE_IT_STARTS = "ends before it starts";
  /** Two memberships of the same clinic (or cluster) that share a day. */
  public static final String OVERLAPPING_MEMBERSHIP = "overlapping membership";

  private Reasons() {}
}
