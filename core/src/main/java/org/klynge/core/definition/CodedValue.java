package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;
import org.klynge.core.model.EventStatus;
import org.klynge.core.model.EventType;

/**
 * True when the latest (or first) matching event related to the window has a coded result
 * ({@code value_code}) in the value set {@code in}: a smoking status, a housing status, a
 * finding. An event without a coded result is passed over ({@code missing: skip}, the default),
 * or may decide: the criterion is then false ({@code missing: fails}) or true
 * ({@code missing: holds}); a coded result on the deciding day decides before a missing one. When
 * several coded results share the deciding day, the criterion holds when any of them is in
 * {@code in}.
 *
 * <pre>{@code
 * {type: codedValue, event: answer, valueSet: smoking-status, in: current-smoker}
 * {type: codedValue, event: answer, valueSet: housing-status, in: homeless, window: {from: ever, to: period.end}}
 * }</pre>
 *
 * @param event the kind of event (usually {@code answer} or {@code lab})
 * @param valueSet the value set of the event's own code (the question, the test)
 * @param in the value set the coded result must be in
 * @param window the days that count; the measurement period when omitted
 * @param pick latest or first
 * @param relation how an event lies relative to the window; {@code starts} when omitted
 * @param status the statuses that count; any when empty
 * @param missing what an event without a coded result does; {@code skip} when omitted
 */
public record CodedValue(
    EventType event,
    String valueSet,
    String in,
    Window window,
    Pick pick,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Relation.Default.class) Relation relation,
    Set<EventStatus> status,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Missing.Default.class) Missing missing)
    implements Criterion, EventCriterion {
  public CodedValue {
    requireNonNull(event, "event");
    requireNonNull(valueSet, "valueSet");
    requireNonNull(in, "in");
    window = window == null ? Window.PERIOD : window;
    pick = pick == null ? Pick.LATEST : pick;
    relation = relation == null ? Relation.STARTS : relation;
    status = EventCriterion.statuses(status);
    missing = missing == null ? Missing.SKIP : missing;
  }
}
