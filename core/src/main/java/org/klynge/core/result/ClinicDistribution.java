package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.klynge.core.definition.MeasurementPeriod;

/**
 * Where clinics stand nationally on one indicator in one period: the deciles of the clinics'
 * values and each clinic's percentile among them, as OpenPrescribing shows a practice among all
 * practices. Ranked are the clinic rows with a value whose denominator holds at least {@link
 * #MIN_DENOMINATOR} persons and whose data are complete; the others are left out and counted.
 *
 * <ul>
 *   <li><b>Deciles</b> (10 %, 20 %, …, 90 %): linear interpolation between the sorted values, the
 *       {@code (n − 1)·p}-th counting from 0 (type 7 of Hyndman and Fan 1996, the default of R and
 *       NumPy). Values 1, 2, 3, 4, 5 give a 10 % decile of 1.4 and a median of 3.
 *   <li><b>Percentile</b> of a clinic: {@code 100 · (below + equal / 2) / n}, the share of ranked
 *       clinics with a lower value, ties counted half (of 1, 2, 2, 5 the clinics at 2 are at 50).
 *       A high percentile is a high value, whichever way is better.
 * </ul>
 *
 * @param indicatorId the indicator
 * @param indicatorVersion its version
 * @param period the period
 * @param deciles the 10 % to 90 % deciles of the ranked clinics' values; empty when none is ranked
 * @param leftOut clinic rows not ranked: no value, fewer than {@link #MIN_DENOMINATOR} persons, or
 *     data incomplete
 * @param percentiles each ranked clinic's percentile, by clinic id
 */
public record ClinicDistribution(
    String indicatorId,
    String indicatorVersion,
    MeasurementPeriod period,
    ImmutableList<Double> deciles,
    int leftOut,
    ImmutableMap<String, Double> percentiles) {

  /** The fewest persons in a clinic's denominator for its value to be ranked. */
  public static final int MIN_DENOMINATOR = 10;

  public ClinicDistribution {
    requireNonNull(indicatorId, "indicatorId");
    requireNonNull(indicatorVersion, "indicatorVersion");
    requireNonNull(period, "period");
    deciles = ImmutableList.copyOf(deciles);
    percentiles = ImmutableMap.copyOf(percentiles);
  }

  /** The number of clinics ranked. */
  public int ranked() {
    return percentiles.size();
  }

  /** A clinic's percentile, when it is ranked. */
  public OptionalDouble percentile(String clinicId) {
    Double p = percentiles.get(clinicId);
    return p == null ? OptionalDouble.empty() : OptionalDouble.of(p);
  }

  /**
   * One clinic's standing as a distribution sees it.
   *
   * @param clinicId the clinic's id (or its pseudonym, in a published table)
   * @param value its value, when it has one (and, in a published table, it is shown)
   * @param denominator persons in its denominator
   * @param dataIncomplete whether its data are incomplete
   */
  record Entry(String clinicId, OptionalDouble value, long denominator, boolean dataIncomplete) {
    boolean ranked() {
      return value.isPresent() && !dataIncomplete && denominator >= MIN_DENOMINATOR;
    }
  }

  /** The distribution of the clinic rows of one indicator and period (other levels are skipped). */
  static ClinicDistribution ofRows(String indicatorId, String indicatorVersion, MeasurementPeriod period,
      List<ResultRow> rows) {
    return of(indicatorId, indicatorVersion, period, rows.stream().filter(r -> r.level() == Level.CLINIC)
        .map(r -> new Entry(r.unitId(), r.value(), r.counts().effectiveDenominator(), r.dataIncomplete())).toList());
  }

  /** The distribution of one indicator and period's clinics. */
  static ClinicDistribution of(String indicatorId, String indicatorVersion, MeasurementPeriod period,
      List<Entry> clinics) {
    List<Entry> ranked = clinics.stream().filter(Entry::ranked).toList();
    int leftOut = clinics.size() - ranked.size();
    double[] sorted = ranked.stream().mapToDouble(e -> e.value().getAsDouble()).sorted().toArray();
    ImmutableMap.Builder<String, Double> percentiles = ImmutableMap.builderWithExpectedSize(ranked.size());
    for (Entry e : ranked) {
      percentiles.put(e.clinicId(), percentile(sorted, e.value().getAsDouble()));
    }
    List<Double> deciles = new ArrayList<>(9);
    if (sorted.length > 0) {
      for (int d = 1; d <= 9; d++) {
        deciles.add(quantile(sorted, d / 10.0));
      }
    }
    return new ClinicDistribution(indicatorId, indicatorVersion, period, ImmutableList.copyOf(deciles), leftOut,
        percentiles.build());
  }

  /** The {@code p} quantile of {@code sorted} (not empty), type 7. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** {@code 100 · (below + equal / 2) / n} of {@code value} among {@code sorted}. */
  static double percentile(double[] sorted, double value) {
    int below = lowerBound(sorted, value);
    int equal = lowerBound(sorted, Math.nextUp(value)) - below;
    return 100.0 * (below + equal / 2.0) / sorted.length;
  }

  /** The number of elements of {@code sorted} below {@code value}. */
  private static int lowerBound(double[] sorted, double value) {
    int i = Arrays.binarySearch(sorted, value);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && sorted[i - 1] == value) {
      i--;
    }
    return i;
  }

  /** Distributions keyed by indicator id, version and period label, for look-up. */
  static String key(String indicatorId, String indicatorVersion, MeasurementPeriod period) {
    return indicatorId + "@" + indicatorVersion + "|" + period.start() + ".." + period.end();
  }

  /** A map of the given distributions by {@link #key}. */
  static Map<String, ClinicDistribution> byKey(List<ClinicDistribution> distributions) {
    ImmutableMap.Builder<String, ClinicDistribution> out = ImmutableMap.builder();
    distributions.forEach(d -> out.put(key(d.indicatorId, d.indicatorVersion, d.period), d));
    return out.build();
  }
}
