package org.klynge.core.engine;

import java.util.Arrays;

/**
 * The counts of one partition: for each indicator × period × clinic bucket, the population
 * counts, events, person-days, valued persons and a summing rate's sum; plus the values of continuous indicators.
 * Tallies merge by addition, which is associative and exact, so results do not depend on how
 * patients were partitioned. The last bucket holds unattributed patients.
 */
final class Tally implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  static final int IP = 0;
  static final int DEN = 1;
  static final int DEX = 2;
  static final int DEXC = 3;
  static final int NUM = 4;
  static final int NUMEX = 5;
  static final int EVENTS = 6;
  static final int PERSON_DAYS = 7;
  static final int VALUED = 8;
  /** A summing rate's sum, in millionths (see {@link RateSum}). */
  static final int SUM = 9;
  static final int NOT_SUMMED = 10;
  static final int FIELDS = 11;

  final int periods;
  final int buckets;
  final long[] counts;
  long[] valueKeys = new long[0];
  double[] values = new double[0];
  int valueCount;

  /**
   * Per measured source (see {@link Program#measuredSources}), period and bucket: the persons
   * listed on the reference date, and those of them with any event from the source in the period.
   */
  final long[] completeness;
  static final int LISTED = 0;
  static final int WITH_DATA = 1;

  /** Per data source, events in no value set of the evaluated indicators. */
  final long[] notInAnyValueSet;
  /** Per data source, events outside every window. */
  final long[] outsideWindows;

  Tally(int indicators, int periods, int buckets, int sources, int measuredSources) {
    this.periods = periods;
    this.buckets = buckets;
    this.counts = new long[indicators * periods * buckets * FIELDS];
    this.completeness = new long[measuredSources * periods * buckets * 2];
    this.notInAnyValueSet = new long[sources];
    this.outsideWindows = new long[sources];
  }

  /** The completeness slot of a measured source, period and bucket. */
  int completenessSlot(int source, int period, int bucket) {
    return ((source * periods + period) * buckets + bucket) * 2;
  }

  int slot(int indicator, int period, int bucket) {
    return ((indicator * periods + period) * buckets + bucket) * FIELDS;
  }

  void addValue(int indicator, int period, int bucket, double value) {
    if (valueCount == values.length) {
      int n = Math.max(1024, valueCount * 2);
      values = Arrays.copyOf(values, n);
      valueKeys = Arrays.copyOf(valueKeys, n);
    }
    valueKeys[valueCount] = ((long) indicator * periods + period) * buckets + bucket;
    values[valueCount++] = value;
  }

  /**
   * A copy of the counts and values that shares nothing with this tally, without the per-source
   * counts of unusable events (their source indices belong to one extract; the reconciliation
   * holds them by source name once evaluation is done).
   */
  Tally countsOnly() {
    Tally c = new Tally(Arrays.copyOf(counts, counts.length), Arrays.copyOf(completeness, completeness.length),
        periods, buckets);
    c.valueKeys = Arrays.copyOf(valueKeys, valueCount);
    c.values = Arrays.copyOf(values, valueCount);
    c.valueCount = valueCount;
    return c;
  }

  private Tally(long[] counts, long[] completeness, int periods, int buckets) {
    this.periods = periods;
    this.buckets = buckets;
    this.counts = counts;
    this.completeness = completeness;
    this.notInAnyValueSet = new long[0];
    this.outsideWindows = new long[0];
  }

  void mergeFrom(Tally other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    for (int i = 0; i < completeness.length; i++) {
      completeness[i] += other.completeness[i];
    }
    for (int s = 0; s < notInAnyValueSet.length; s++) {
      notInAnyValueSet[s] += other.notInAnyValueSet[s];
      outsideWindows[s] += other.outsideWindows[s];
    }
    for (int i = 0; i < other.valueCount; i++) {
      if (valueCount == values.length) {
        int n = Math.max(1024, valueCount * 2);
        values = Arrays.copyOf(values, n);
        valueKeys = Arrays.copyOf(valueKeys, n);
      }
      valueKeys[valueCount] = other.valueKeys[i];
      values[valueCount++] = other.values[i];
    }
  }
}
