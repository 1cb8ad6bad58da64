package org.klynge.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.klynge.core.data.Extract;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.engine.PartialResult;
import org.klynge.core.io.CsvExtractReader;
import org.klynge.core.io.CsvExtractWriter;
import org.klynge.core.io.ExtractTable;
import org.klynge.examples.synthetic.SyntheticNation;
import org.klynge.indicators.Catalogue;

/**
 * Measures what a partition's columnar data costs, for sizing executors ({@code docs/spark.md}):
 * the heap an extract of the synthetic nation keeps (after a full collection, with and without its
 * events), the peak heap while it is built, and the Parquet bytes per row Spark writes. Run by hand:
 * {@code mvn -B -o -pl examples/spark -am test -Dtest=ColumnarBytesMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false -Dklynge.measure=0.05}.
 */
@EnabledIfSystemProperty(named = "klynge.measure", matches = "[0-9.]+")
class ColumnarBytesMeasurement {

  @TempDir
  Path folder;

  @Test
  void measure() throws IOException {
    double scale = Double.parseDouble(System.getProperty("klynge.measure"));
    CsvExtractWriter.write(SyntheticNation.generate(new SyntheticNation.Settings(scale, 42, 2024)), folder);
    Path withoutEvents = Files.createDirectories(folder.resolve("without-events"));
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, withoutEvents.resolve(file.getFileName()));
      }
    }
    Files.writeString(withoutEvents.resolve("events.csv"),
        String.join(",", ExtractTable.EVENTS.requiredColumns()) + "\n");

    long baseline = retained();
    Extract patientsOnly = CsvExtractReader.create().read(withoutEvents);
    long patientBytes = retained() - baseline;
    int patients = patientsOnly.patients().patientCount();
    patientsOnly = null;
    long listingRows = Files.lines(folder.resolve("listings.csv")).count() - 1;

    baseline = retained();
    resetPeaks();
    Extract all = CsvExtractReader.create().read(folder);
    long peak = peakHeap() - baseline;
    long allBytes = retained() - baseline;
    long events = all.patients().eventCount();
    System.out.printf("scale %s: %,d patients, %,d listings, %,d events%n", scale, patients, listingRows, events);
    System.out.printf("retained: %,d bytes with events, %,d without: %.0f bytes per patient (with its listings),"
        + " %.1f bytes per event%n", allBytes, patientBytes, patientBytes / (double) patients,
        (allBytes - patientBytes) / (double) events);
    System.out.printf("peak while building: %,d bytes, %.1f bytes per event%n", peak, peak / (double) events);

    Evaluator evaluator = Evaluator.compileAll(Catalogue.definitions());
    PartialResult partial = evaluator.evaluatePart(all, EvaluationOptions.of(MeasurementPeriod.year(2024)));
    ByteArrayOutputStream serialised = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(serialised)) {
      out.writeObject(partial);
    }
    System.out.printf("a partial result of %d indicators, 1 period, %d clinics: %,d bytes serialised%n",
        evaluator.indicators().size(), all.organisation().clinics().size(), serialised.size());

    SparkSession spark = LocalSpark.start();
    try {
      spark.read().option("header", "true").option("escape", "\"")
          .schema(StructType.fromDDL("patient_id STRING, type STRING, system STRING, code STRING, date DATE,"
              + " value DOUBLE, unit STRING, quantity DOUBLE, end_date DATE, value_code STRING, status STRING,"
              + " event_id STRING"))
          .csv(folder.resolve("events.csv").toString()).write().parquet(folder.resolve("events.parquet").toString());
      spark.read().option("header", "true").schema(StructType.fromDDL("patient_id STRING, sex STRING,"
          + " birth_date DATE, death_date DATE")).csv(folder.resolve("patients.csv").toString()).write()
          .parquet(folder.resolve("patients.parquet").toString());
      System.out.printf("parquet: %.1f bytes per event, %.1f bytes per patient row%n",
          size(folder.resolve("events.parquet")) / (double) events,
          size(folder.resolve("patients.parquet")) / (double) patients);
    } finally {
      spark.stop();
    }
    System.out.println(all.patients().patientCount()); // keeps the extract reachable until here
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".parquet")).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static long retained() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }
}
