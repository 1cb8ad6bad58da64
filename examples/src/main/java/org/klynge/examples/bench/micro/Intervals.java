package org.klynge.examples.bench.micro;

import java.util.concurrent.TimeUnit;
import org.klynge.core.stats.ConfidenceLevel;
import org.klynge.core.stats.Funnels;
import org.klynge.core.stats.Measure;
import org.klynge.core.stats.Overdispersion;
import org.klynge.core.stats.Proportions;
import org.klynge.core.stats.Rates;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-row routines of assessment as core has them: the Wilson interval of a proportion, the
 * exact Poisson interval of a count and the funnel limits of a unit (95 % and 99.8 %). Average time
 * per call; compare with {@link Quantiles}, which the exact interval calls twice.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class Intervals {
  /** A numerator, which also serves as the count of a rate. */
  @Param({"3", "300"})
  public long x;

  /** The denominator of the proportion and the funnel. */
  @Param({"1000"})
  public long n;

  /** {@code Proportions.wilson(x, n, 0.95)}. */
  @Benchmark
  public Object wilson() {
    return Proportions.wilson(x, n, ConfidenceLevel.DEFAULT);
  }

  /** {@code Rates.exactCount(x, 0.95)}. */
  @Benchmark
  public Object exactPoisson() {
    return Rates.exactCount(x, ConfidenceLevel.DEFAULT);
  }

  /** {@code Funnels.funnel} of a proportion {@code x/n} around a parent of 0.3, no overdispersion. */
  @Benchmark
  public Object funnel() {
    return Funnels.funnel(Measure.PROPORTION, 0.3, n, Overdispersion.none());
  }
}
