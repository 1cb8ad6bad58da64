package org.klynge.core.result;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;
import org.klynge.core.data.Reconciliation;
import org.klynge.core.definition.DataSource;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.MeasurementPeriod;

/**
 * The results of one evaluation: rows ordered by indicator (in definition order), period,
 * level (clinic first) and unit id, with provenance and the reconciliation of the input.
 *
 * @param rows the result rows
 * @param provenance definitions, data and engine behind the rows
 * @param reconciliation what became of every input row
 * @param completeness per clinic, period and source some indicator requires: how completely the
 *     clinic delivered it (clinics in id order, then source, then period); the nation's sums have
 *     clinic id {@code DK}
 */
public record ResultTable(ImmutableList<ResultRow> rows, Provenance provenance, Reconciliation reconciliation,
    ImmutableList<SourceCompleteness> completeness) {

  public ResultTable {
    rows = ImmutableList.copyOf(rows);
    completeness = completeness == null ? ImmutableList.of() : ImmutableList.copyOf(completeness);
  }

  /** A table whose indicators require no sources. */
  public ResultTable(ImmutableList<ResultRow> rows, Provenance provenance, Reconciliation reconciliation) {
    this(rows, provenance, reconciliation, ImmutableList.of());
  }

  /** The rows marked data incomplete. */
  public Stream<ResultRow> incompleteRows() {
    return rows.stream().filter(ResultRow::dataIncomplete);
  }

  /**
   * One line per clinic and period with rows marked data incomplete, saying which indicators and
   * why; empty when no row is marked. For example:
   *
   * <pre>
   * data incomplete: clinic c0004, 2024: Care plans (FLP) 0 of 366 listed patients (0.0 %; the nation 3.9 %, so 0 %
   *   of the nation's: significantly below the 50 % required) for dvdd-1f-hba1c-measured, diabetes-hba1c-above-58
   * </pre>
   */
  public String completenessSummary(List<Indicator> indicators) {
    Map<String, List<ResultRow>> byClinicAndPeriod = new LinkedHashMap<>();
    incompleteRows().forEach(r -> byClinicAndPeriod.computeIfAbsent(r.unitId() + "\t" + r.period().label(),
        k -> new ArrayList<>()).add(r));
    StringBuilder out = new StringBuilder();
    byClinicAndPeriod.values().forEach(marked -> {
      ResultRow first = marked.get(0);
      Set<String> why = new LinkedHashSet<>();
      for (ResultRow r : marked) {
        indicators.stream().filter(i -> i.id().equals(r.indicatorId()) && i.version().equals(r.indicatorVersion()))
            .flatMap(i -> i.requires().stream())
            .forEach(req -> completeness(r.unitId(), req.source(), r.period()).ifPresent(own ->
                completeness(UnitIds.NATION, req.source(), r.period()).ifPresent(nation -> {
                  OptionalDouble ofNation = own.shareOfNation(nation);
                  if (ofNation.isPresent() && own.fallsShort(nation, req)) {
                    why.add(String.format(Locale.ROOT,
                        "%s %,d of %,d listed patients (%.1f %%; the nation %.1f %%, so %.0f %% of the nation's:"
                            + " significantly below the %.0f %% required)", req.source().display(), own.withData(),
                        own.listed(), own.share().orElse(0), nation.share().orElse(0), ofNation.getAsDouble(),
                        req.minimumOfNation()));
                  }
                })));
      }
      out.append("data incomplete: clinic ").append(first.unitId()).append(", ").append(first.period().label())
          .append(": ").append(String.join("; ", why)).append(" for ")
          .append(String.join(", ", marked.stream().map(ResultRow::indicatorId).distinct().toList())).append('\n');
    });
    return out.toString();
  }

  /** How completely {@code clinicId} (or {@code DK}, the nation) delivered {@code source} in {@code period}. */
  public Optional<SourceCompleteness> completeness(String clinicId, DataSource source, MeasurementPeriod period) {
    return completeness.stream()
        .filter(c -> c.clinicId().equals(clinicId) && c.source() == source && c.period().equals(period))
        .findFirst();
  }

  /** Rows of one indicator. */
  public Stream<ResultRow> rowsOf(String indicatorId) {
    return rows.stream().filter(r -> r.indicatorId().equals(indicatorId));
  }

  /** The row for an indicator, level, unit and period, if any. */
  public Optional<ResultRow> row(String indicatorId, Level level, String unitId, MeasurementPeriod period) {
    return rows.stream()
        .filter(r -> r.indicatorId().equals(indicatorId) && r.level() == level && r.unitId().equals(unitId)
            && r.period().equals(period))
        .findFirst();
  }

  /** The nation row for an indicator and period, if any. */
  public Optional<ResultRow> nation(String indicatorId, MeasurementPeriod period) {
    return row(indicatorId, Level.NATION, UnitIds.NATION, period);
  }
}
