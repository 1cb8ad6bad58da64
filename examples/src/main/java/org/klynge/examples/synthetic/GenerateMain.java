package org.klynge.examples.synthetic;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import org.klynge.core.data.Extract;

/**
 * Generates a synthetic nation and prints how long it took, the heap it holds and what it
 * contains.
 *
 * <pre>
 * java -Xmx8g -cp examples/target/klynge.jar org.klynge.examples.synthetic.GenerateMain [scale [seed [year]]]
 * </pre>
 */
public final class GenerateMain {

  private GenerateMain() {}

  public static void main(String[] args) {
    SyntheticNation.Settings settings = SyntheticNation.Settings.defaults();
    if (args.length > 0) {
      settings = settings.withScale(Double.parseDouble(args[0]));
    }
    if (args.length > 1) {
      settings = settings.withSeed(Long.parseLong(args[1]));
    }
    if (args.length > 2) {
      settings = settings.withYear(Integer.parseInt(args[2]));
    }
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "synthetic nation: scale %s, seed %d, year %d (max heap %,d MB, %d processors)%n",
        settings.scale(), settings.seed(), settings.year(), runtime.maxMemory() >> 20, runtime.availableProcessors());
    long start = System.nanoTime();
    Extract extract = SyntheticNation.generate(settings);
    long generated = System.nanoTime();
    SyntheticNation.Summary summary = SyntheticNation.describe(extract);
    long described = System.nanoTime();
    System.gc();
    long retained = runtime.totalMemory() - runtime.freeMemory();
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "generated in %.2f s, described in %.2f s%n",
        (generated - start) / 1e9, (described - generated) / 1e9);
    System.out.printf(Locale.ROOT, "heap held after generation %,d MB; peak (sum of pool peaks) %,d MB%n",
        retained >> 20, peak >> 20);
    System.out.println(summary);
    System.out.println(extract.reconciliation().summary());
  }
}
