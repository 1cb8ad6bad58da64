package org.klynge.core.data;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;
import org.klynge.core.model.EventType;

/**
 * What an exact duplicate is, for events without an {@code event_id}: two rows of one patient with
 * the same type, code, dates, value, unit, quantity, coded result and status. Set per event type on
 * {@link ExtractBuilder#duplicates} (and the readers); the defaults match the sources.
 */
public enum DuplicatePolicy {
  /**
   * Exact duplicates are one event: the first row is used, the others excluded as {@code duplicate
   * event} with the first one's line. The default for diagnoses, lab results, services and answers,
   * which a source records again when it sends its data again.
   */
  COUNT_ONCE,
  /**
   * Every row is an event. The default for prescriptions: two identical rows on one day are two
   * packages redeemed, since the layout has no redemption id to tell them apart.
   */
  COUNT_EACH;

  /** The name in options, {@code once} or {@code each}. */
  @JsonValue
  public String code() {
    return this == COUNT_ONCE ? "once" : "each";
  }

  /** The policy named {@code once} or {@code each}, if it is one. */
  public static Optional<DuplicatePolicy> fromCode(String code) {
    return switch (code.toLowerCase(Locale.ROOT)) {
      case "once" -> Optional.of(COUNT_ONCE);
      case "each" -> Optional.of(COUNT_EACH);
      default -> Optional.empty();
    };
  }

  /** The default for events of {@code type}. */
  public static DuplicatePolicy defaultFor(EventType type) {
    return type == EventType.PRESCRIPTION ? COUNT_EACH : COUNT_ONCE;
  }
}
