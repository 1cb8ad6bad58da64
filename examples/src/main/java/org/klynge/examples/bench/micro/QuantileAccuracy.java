package org.klynge.examples.bench.micro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.klynge.core.stats.Distributions;

/**
 * Compares the hand-written quantiles ({@link HandWrittenDistributions}) and Commons Statistics'
 * as core uses them ({@code stats.Distributions}) with a file of reference values (core's {@code
 * reference-quantiles.csv}: {@code distribution,p,a,b,quantile}) and prints the largest relative
 * error of each per distribution: {@code java -cp examples/target/klynge-bench.jar
 * org.klynge.examples.bench.micro.QuantileAccuracy
 * core/src/test/resources/org/klynge/core/stats/reference-quantiles.csv}.
 */
public final class QuantileAccuracy {
  private QuantileAccuracy() {}

  /** Reads the file named by {@code args[0]} and prints the errors. */
  public static void main(String[] args) throws IOException {
    String[] names = {"gamma", "beta", "normal", "chisquare"};
    double[] own = new double[names.length];
    double[] commons = new double[names.length];
    int[] count = new int[names.length];
    String[] ownWorst = new String[names.length];
    String[] commonsWorst = new String[names.length];
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(",", -1);
      int d = Arrays.asList(names).indexOf(f[0]);
      double p = Double.parseDouble(f[1]);
      double a = f[2].isEmpty() ? 0 : Double.parseDouble(f[2]);
      double b = f[3].isEmpty() ? 0 : Double.parseDouble(f[3]);
      double ref = Double.parseDouble(f[4]);
      double k;
      double c;
      switch (f[0]) {
        case "gamma" -> {
          k = HandWrittenDistributions.gammaQuantile(p, a);
          c = Distributions.gammaQuantile(p, a);
        }
        case "beta" -> {
          k = HandWrittenDistributions.betaQuantile(p, a, b);
          c = Distributions.betaQuantile(p, a, b);
        }
        case "normal" -> {
          k = HandWrittenDistributions.normalQuantile(p);
          c = Distributions.normalQuantile(p);
        }
        default -> {
          k = HandWrittenDistributions.chiSquareQuantile(p, a);
          c = Distributions.chiSquareQuantile(p, a);
        }
      }
      double scale = ref == 0 ? 1 : Math.abs(ref);
      double ek = Math.abs(k - ref) / scale;
      double ec = Math.abs(c - ref) / scale;
      count[d]++;
      if (ek > own[d]) {
        own[d] = ek;
        ownWorst[d] = line;
      }
      if (ec > commons[d]) {
        commons[d] = ec;
        commonsWorst[d] = line;
      }
    }
    System.out.printf(Locale.ROOT, "%-10s %6s %14s %14s%n", "quantile", "points", "hand-written", "Commons");
    for (int d = 0; d < names.length; d++) {
      System.out.printf(Locale.ROOT, "%-10s %6d %14.2e %14.2e%n", names[d], count[d], own[d], commons[d]);
      System.out.println("  worst hand-written: " + ownWorst[d] + "; worst Commons: " + commonsWorst[d]);
    }
  }
}
