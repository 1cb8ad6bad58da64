package org.klynge.core.disclosure;

/**
 * Who a table is for. Each audience has a default small-number threshold of {@link
 * #DEFAULT_THRESHOLD}; {@link DisclosurePolicy} can change it.
 */
public enum Audience {
  /** A clinic: its own patients identifiable (never suppressed), other clinics pseudonymised. */
  CLINIC("clinic", true, true),
  /** A cluster (coordinator, meeting): clinic-level counts, pseudonymised except the viewer's own clinic. */
  CLUSTER("cluster", true, false),
  /** Regional quality and data consultants: cluster level and above only. */
  REGION("region", false, false),
  /** Anyone: cluster level and above only. */
  PUBLIC("public", false, false);

  /** Counts from 1 up to (not including) this are suppressed unless a policy says otherwise. */
  public static final int DEFAULT_THRESHOLD = 5;

  private final String code;
  private final boolean showsClinics;
  private final boolean requiresOwnClinic;

  Audience(String code, boolean showsClinics, boolean requiresOwnClinic) {
    this.code = code;
    this.showsClinics = showsClinics;
    this.requiresOwnClinic = requiresOwnClinic;
  }

  /** The stable code. */
  public String code() {
    return code;
  }

  /** Whether clinic-level rows (and rest-of-cluster rows) are published to this audience. */
  public boolean showsClinics() {
    return showsClinics;
  }

  /** Whether a viewer of this audience must name their own clinic. */
  public boolean requiresOwnClinic() {
    return requiresOwnClinic;
  }
}
