package org.klynge.core.definition;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.util.Set;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;

/**
 * A criterion (or scoring) that looks at a patient's events of one type, matched by a value set,
 * related to a window, and optionally with one of a set of statuses.
 */
public interface EventCriterion {

  /** The kind of event. */
  EventType event();

  /** The id of the value set the event's code must be in. */
  String valueSet();

  /** The days in which events count. */
  Window window();

  /** How an event must lie relative to the window; {@link Relation#STARTS} unless set. */
  default Relation relation() {
    return Relation.STARTS;
  }

  /**
   * The statuses an event may have to count; empty for any. An event whose source records no
   * status counts either way.
   */
  default Set<EventStatus> status() {
    return Set.of();
  }

  /** {@code status} as an immutable set in declaration order, for record constructors ({@code null} is empty). */
  static Set<EventStatus> statuses(Set<EventStatus> status) {
    return status == null || status.isEmpty() ? ImmutableSet.of() : Sets.immutableEnumSet(status);
  }
}
