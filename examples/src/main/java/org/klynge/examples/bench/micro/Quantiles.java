package org.klynge.examples.bench.micro;

import java.util.concurrent.TimeUnit;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The quantiles assessment uses, the hand-written code ({@link HandWrittenDistributions}, which
 * {@code core.stats.Distributions} had before) against Apache Commons Statistics 1.1, which it uses
 * now, each pair with the same arguments: the two limits of an exact Poisson interval
 * (gamma quantiles with shapes {@code x} and {@code x + 1}), the two limits of a Clopper–Pearson
 * interval (beta quantiles, as in the rate ratio), the normal quantile of a level and the
 * chi-square quantile of the overdispersion test. Average time per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Quantiles {
  private static final double ALPHA = 0.05;

  /** An event count, for the Poisson limits. */
  @State(Scope.Benchmark)
  public static class Count {
    /** The count {@code x}. */
    @Param({"3", "30", "300", "3000", "300000"})
    public long x;
  }

  /** Numerator and denominator, for the Clopper–Pearson limits. */
  @State(Scope.Benchmark)
  public static class Pair {
    /** {@code x/n}. */
    @Param({"3/10", "30/120", "300/5000", "5000/100000"})
    public String xn;

    long x;
    long n;

    /** Splits {@link #xn}. */
    @Setup
    public void split() {
      String[] parts = xn.split("/");
      x = Long.parseLong(parts[0]);
      n = Long.parseLong(parts[1]);
    }
  }

  /** The probability of a normal quantile. */
  @State(Scope.Benchmark)
  public static class Level {
    /** {@code 1 − α/2} of the 95 % and 99.8 % levels. */
    @Param({"0.975", "0.999"})
    public double p;
  }

  /** Hand-written: {@code G⁻¹(α/2; x)} and {@code G⁻¹(1 − α/2; x + 1)}. */
  @Benchmark
  public double poissonHandWritten(Count c) {
    return HandWrittenDistributions.gammaQuantile(ALPHA / 2, c.x)
        + HandWrittenDistributions.gammaQuantile(1 - ALPHA / 2, c.x + 1);
  }

  /** Commons: the same limits, the upper one from the survival function (no 1 − p). */
  @Benchmark
  public double poissonCommons(Count c) {
    return GammaDistribution.of(c.x, 1).inverseCumulativeProbability(ALPHA / 2)
        + GammaDistribution.of(c.x + 1, 1).inverseSurvivalProbability(ALPHA / 2);
  }

  /** Hand-written: {@code B⁻¹(α/2; x, n − x + 1)} and {@code B⁻¹(1 − α/2; x + 1, n − x)}. */
  @Benchmark
  public double clopperPearsonHandWritten(Pair p) {
    return HandWrittenDistributions.betaQuantile(ALPHA / 2, p.x, p.n - p.x + 1)
        + HandWrittenDistributions.betaQuantile(1 - ALPHA / 2, p.x + 1, p.n - p.x);
  }

  /** Commons: the same limits. */
  @Benchmark
  public double clopperPearsonCommons(Pair p) {
    return BetaDistribution.of(p.x, p.n - p.x + 1).inverseCumulativeProbability(ALPHA / 2)
        + BetaDistribution.of(p.x + 1, p.n - p.x).inverseSurvivalProbability(ALPHA / 2);
  }

  /** Hand-written: {@code Φ⁻¹(p)}. */
  @Benchmark
  public double normalHandWritten(Level l) {
    return HandWrittenDistributions.normalQuantile(l.p);
  }

  /** Commons: {@code Φ⁻¹(p)}. */
  @Benchmark
  public double normalCommons(Level l) {
    return NormalDistribution.of(0, 1).inverseCumulativeProbability(l.p);
  }

  /** Hand-written: {@code χ²(0.95; 114)}, the overdispersion test among the clusters. */
  @Benchmark
  public double chiSquareHandWritten() {
    return HandWrittenDistributions.chiSquareQuantile(0.95, 114);
  }

  /** Commons: {@code χ²(0.95; 114)}. */
  @Benchmark
  public double chiSquareCommons() {
    return ChiSquaredDistribution.of(114).inverseSurvivalProbability(0.05);
  }
}
