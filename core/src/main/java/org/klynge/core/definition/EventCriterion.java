package org.klynge.core.definition;

import org.klynge.core.model.EventType;

/** A criterion that looks at a patient's events of one type, matched by a value set, in a window. */
public interface EventCriterion {

  /** The kind of event. */
  EventType event();

  /** The id of the value set the event's code must be in. */
  String valueSet();

  /** The days in which events count. */
  Window window();
}
