package org.klynge.core.audit;

/**
 * What the audit checks against.
 *
 * @param threshold counts from 1 to {@code threshold − 1} must not be shown (other than the viewer's own
 *     clinic's); at least 1
 * @param protection a hidden count is protected when the attacker's range for it is at least this wide
 *     ({@code upper − lower ≥ protection}); at least 1
 */
public record AuditSettings(int threshold, int protection) {

  public AuditSettings {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1, got " + threshold);
    }
    if (protection < 1) {
      throw new IllegalArgumentException("protection must be at least 1, got " + protection);
    }
  }

  /** Settings with the default protection, equal to the threshold. */
  public static AuditSettings of(int threshold) {
    return new AuditSettings(threshold, threshold);
  }
}
