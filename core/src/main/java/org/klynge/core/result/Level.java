package org.klynge.core.result;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The organisation level a result row is for. */
public enum Level {
  /** One clinic (attribution: listed there on the reference date). */
  CLINIC,
  /** A clinic's cluster without the clinic itself; the unit id is the clinic's id. */
  REST_OF_CLUSTER,
  /** A cluster: its member clinics on the reference date. */
  CLUSTER,
  /** A region: its clusters on the reference date. */
  REGION,
  /** All clinics. */
  NATION,
  /** Patients who meet a population but are listed with no clinic on the reference date; not part of the nation. */
  UNATTRIBUTED;

  /** The lower-case name used in files. */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
