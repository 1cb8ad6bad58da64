package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.klynge.core.definition.MeasurementPeriod;

/**
 * Why one patient is (or is not) in each population of one indicator for one period.
 *
 * @param indicatorKey the indicator's {@code id@version}
 * @param patientId the patient
 * @param period the period
 * @param clinicId the clinic the patient counts for, empty when listed nowhere on the reference date
 * @param populations the populations the patient is in
 * @param traces a trace per population criterion the indicator defines
 */
public record Explanation(
    String indicatorKey,
    String patientId,
    MeasurementPeriod period,
    Optional<String> clinicId,
    ImmutableSet<Population> populations,
    ImmutableMap<Population, Trace> traces) {

  public Explanation {
    requireNonNull(indicatorKey, "indicatorKey");
    requireNonNull(patientId, "patientId");
    requireNonNull(period, "period");
    clinicId = clinicId == null ? Optional.empty() : clinicId;
    populations = ImmutableSet.copyOf((Set<Population>) populations);
    traces = ImmutableMap.copyOf((Map<Population, Trace>) traces);
  }

  /** A readable report. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("indicator ").append(indicatorKey).append(", patient ").append(patientId)
        .append(", period ").append(period.start()).append("..").append(period.end()).append('\n');
    out.append("counts for clinic: ").append(clinicId.orElse("none (not listed on the reference date)")).append('\n');
    out.append("in populations: ").append(populations.isEmpty() ? "none"
        : String.join(", ", populations.stream().map(Population::code).toList())).append("\n\n");
    traces.forEach((population, trace) -> out.append(population.code()).append(":\n").append(trace.render()).append('\n'));
    return out.toString();
  }
}
