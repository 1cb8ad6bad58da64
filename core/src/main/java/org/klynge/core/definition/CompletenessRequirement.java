package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

/**
 * A data source a clinic must deliver for an indicator's value to say something about its care.
 * A clinic delivers the source in a period when the share of its listed patients (on the
 * reference date) with any event from the source in the period is at least {@code
 * minimumOfNation} percent of the nation's share; below that its rows of the indicator are marked
 * data incomplete: no value, interval, standard fulfilment, funnel or comparison is given for
 * them, so a clinic that sends no care-plan data is never shown as 0 % measured. The cluster,
 * region and nation rows count every clinic as usual.
 *
 * <pre>{@code
 * requires: [{source: carePlans, minimumOfNation: 50}]
 * }</pre>
 *
 * @param source the source; its events are those of {@link DataSource#eventTypes()}
 * @param minimumOfNation the least share of the nation's, in percent, above 0 and at most 100
 */
public record CompletenessRequirement(DataSource source, double minimumOfNation) {
  public CompletenessRequirement {
    requireNonNull(source, "source");
  }
}
