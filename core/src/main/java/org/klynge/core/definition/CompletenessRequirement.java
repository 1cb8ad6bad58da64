package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A data source a clinic must deliver for an indicator's value to say something about its care.
 * A clinic falls short in a period when its count of listed patients (on the reference date) with
 * any event from the source in the period is significantly below what {@code minimumOfNation}
 * percent of the nation's share would give (see {@link
 * org.klynge.core.result.SourceCompleteness#significantlyBelow}); its rows of the indicator are
 * then marked data incomplete: no value, interval, standard fulfilment, funnel or comparison is
 * given for them, so a clinic that sends no care-plan data is never shown as 0 % measured. The
 * cluster, region and nation rows count every clinic as usual.
 *
 * <pre>{@code
 * requires: [{source: carePlans, minimumOfNation: 50}]
 * }</pre>
 *
 * @param source the source; its events are those of {@link DataSource#eventTypes()}
 * @param minimumOfNation the least share of the nation's, in percent, above 0 and at most 100
 * @param significance how unlikely the clinic's count must be at that share to mark it, above 0
 *     and at most 0.5; {@link #DEFAULT_SIGNIFICANCE} when omitted
 */
public record CompletenessRequirement(
    DataSource source,
    double minimumOfNation,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = DefaultSignificance.class) double significance) {

  /** The significance when a definition gives none: a shortfall with probability below 0.1 %. */
  public static final double DEFAULT_SIGNIFICANCE = 0.001;

  public CompletenessRequirement {
    requireNonNull(source, "source");
  }

  /** A requirement at the default significance. */
  public CompletenessRequirement(DataSource source, double minimumOfNation) {
    this(source, minimumOfNation, DEFAULT_SIGNIFICANCE);
  }

  @JsonCreator
  static CompletenessRequirement read(@JsonProperty("source") DataSource source,
      @JsonProperty("minimumOfNation") double minimumOfNation, @JsonProperty("significance") Double significance) {
    return new CompletenessRequirement(source, minimumOfNation,
        significance == null ? DEFAULT_SIGNIFICANCE : significance);
  }

  /** Leaves the default significance out when a definition is written. */
  static final class DefaultSignificance {
    @Override
    public boolean equals(Object value) {
      return value instanceof Double d && d == DEFAULT_SIGNIFICANCE;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }
}
