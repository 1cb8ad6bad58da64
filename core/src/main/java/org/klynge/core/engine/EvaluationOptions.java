package org.klynge.core.engine;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.klynge.core.definition.Granularity;
import org.klynge.core.definition.MeasurementPeriod;

/**
 * How to evaluate: the periods (all computed in the same pass), the number of threads, and the
 * number of patient partitions (0: one per thread). Results do not depend on threads or
 * partitions.
 *
 * @param periods the measurement periods, at least one
 * @param threads threads to use, at least 1
 * @param partitions patient partitions, 0 for one per thread
 */
public record EvaluationOptions(ImmutableList<MeasurementPeriod> periods, int threads, int partitions) {

  public EvaluationOptions {
    periods = ImmutableList.copyOf(periods);
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("at least one period is needed");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    if (partitions < 0) {
      throw new IllegalArgumentException("partitions must be 0 (one per thread) or more, was " + partitions);
    }
  }

  /** One period, one thread. */
  public static EvaluationOptions of(MeasurementPeriod period) {
    return new EvaluationOptions(ImmutableList.of(period), 1, 0);
  }

  /** The periods {@code granularity} cuts {@code span} into, one thread. */
  public static EvaluationOptions of(MeasurementPeriod span, Granularity granularity) {
    return new EvaluationOptions(granularity.periods(span), 1, 0);
  }

  /** These options with {@code n} threads. */
  public EvaluationOptions withThreads(int n) {
    return new EvaluationOptions(periods, n, partitions);
  }

  /** These options with {@code n} partitions. */
  public EvaluationOptions withPartitions(int n) {
    return new EvaluationOptions(periods, threads, n);
  }

  /** These options with other periods. */
  public EvaluationOptions withPeriods(List<MeasurementPeriod> other) {
    return new EvaluationOptions(ImmutableList.copyOf(other), threads, partitions);
  }
}
