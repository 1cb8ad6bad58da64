package org.klynge.core.definition;

import jakarta.validation.constraints.Min;
/**
 * The follow-up package ordered after a meeting: data for {@code months} months after the
 * meeting, cut by {@code granularity}.
 *
 * @param months how long after the meeting, at least 1
 * @param granularity how the follow-up span is cut into periods
 */
public record FollowUp(@Min(value = 1, message = "must be at least 1 month") int months, Granularity granularity) {
  public FollowUp {
    granularity = granularity == null ? Granularity.MONTH : granularity;
  }
}
