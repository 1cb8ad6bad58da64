package org.klynge.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.klynge.core.data.CodeDictionary;
import org.klynge.core.data.PatientData;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.EventType;
import org.klynge.core.model.UnitConversion;
import org.klynge.core.result.Level;
import org.klynge.core.result.UnitIds;

/**
 * The floor: the benchmark's six indicators computed by one single-purpose loop over the
 * columnar arrays, with every rule hard-coded. No general engine can beat it by much; the
 * benchmark reports how close Klynge comes.
 */
final class HandWrittenFloor {

  private static final int T2D = 1;
  private static final int HBA1C = 1 << 1;
  private static final int STATIN = 1 << 2;
  private static final int CONTROL = 1 << 3;
  private static final int UTI = 1 << 4;
  private static final int DEMENTIA = 1 << 5;
  private static final int ANTI_DEMENTIA = 1 << 6;
  private static final int ANTIPSYCHOTIC = 1 << 7;

  // tally fields per clinic
  private static final int DIAB = 0;
  private static final int MEASURED = 1;
  private static final int ABOVE = 2;
  private static final int STATIN_N = 3;
  private static final int CONTROL_N = 4;
  private static final int WOMEN = 5;
  private static final int UTI_EVENTS = 6;
  private static final int DEM = 7;
  private static final int DEM_AP = 8;
  private static final int FIELDS = 9;

  private final PatientData data;
  private final int[] codeFlags;
  private final double[] unitScale;
  private final double[] unitOffset;
  private final int start;
  private final int ref;
  private final int refPacked;

  HandWrittenFloor(PatientData data, java.time.LocalDate periodStart, java.time.LocalDate referenceDate) {
    this.data = data;
    CodeDictionary codes = data.codes();
    codeFlags = new int[codes.size()];
    for (int i = 0; i < codes.size(); i++) {
      codeFlags[i] = flags(codes.entry(i));
    }
    int units = data.units().size() + 1;
    unitScale = new double[units];
    unitOffset = new double[units];
    for (int u = 0; u < units; u++) {
      var linear = UnitConversion.between(u == 0 ? "" : data.units().get(u - 1), UnitConversion.MMOL_PER_MOL);
      unitScale[u] = linear.map(UnitConversion.Linear::scale).orElse(Double.NaN);
      unitOffset[u] = linear.map(UnitConversion.Linear::offset).orElse(0.0);
    }
    start = (int) periodStart.toEpochDay();
    ref = (int) referenceDate.toEpochDay();
    refPacked = referenceDate.getYear() * 10000 + referenceDate.getMonthValue() * 100 + referenceDate.getDayOfMonth();
  }

  private static int flags(CodeDictionary.Entry e) {
    String c = e.code().value();
    CodeSystem s = e.code().system();
    EventType t = e.type();
    int f = 0;
    if (t == EventType.DIAGNOSIS && ((s.equals(CodeSystem.ICPC2) && c.startsWith("T90")) || (s.equals(CodeSystem.ICD10) && c.startsWith("DE11")))) {
      f |= T2D;
    }
    if (t == EventType.LAB && s.equals(CodeSystem.NPU) && c.equals("NPU27300")) {
      f |= HBA1C;
    }
    if (t == EventType.PRESCRIPTION && s.equals(CodeSystem.ATC)) {
      if (c.startsWith("C10AA")) {
        f |= STATIN;
      }
      if (c.startsWith("J01CA08") || c.startsWith("J01EB02") || c.startsWith("J01XE01") || c.startsWith("J01EA01")) {
        f |= UTI;
      }
      if (c.startsWith("N06D")) {
        f |= ANTI_DEMENTIA;
      }
      if (c.startsWith("N05A")) {
        f |= ANTIPSYCHOTIC;
      }
    }
    if (t == EventType.SERVICE && s.equals(CodeSystem.FEE) && c.equals("0120")) {
      f |= CONTROL;
    }
    if (t == EventType.DIAGNOSIS && ((s.equals(CodeSystem.ICPC2) && c.startsWith("P70"))
        || (s.equals(CodeSystem.ICD10) && (c.startsWith("DF00") || c.startsWith("DF01") || c.startsWith("DF02") || c.startsWith("DF03"))))) {
      f |= DEMENTIA;
    }
    return f;
  }

  /** Counts with {@code threads} threads over contiguous patient ranges. */
  long[] run(int threads) throws Exception {
    int n = data.patientCount();
    int clinics = data.clinicIds().size();
    if (threads == 1) {
      return scan(0, n, clinics);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<long[]>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int from = (int) ((long) n * t / threads);
        int to = (int) ((long) n * (t + 1) / threads);
        parts.add(pool.submit(() -> scan(from, to, clinics)));
      }
      long[] total = new long[clinics * FIELDS];
      for (Future<long[]> f : parts) {
        long[] part = f.get();
        for (int i = 0; i < total.length; i++) {
          total[i] += part[i];
        }
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  private long[] scan(int from, int to, int clinics) {
    long[] t = new long[clinics * FIELDS];
    PatientData d = data;
    for (int p = from; p < to; p++) {
      if (d.deathDay(p) < ref) {
        continue;
      }
      int clinic = -1;
      for (int l = d.listingStart(p); l < d.listingEnd(p); l++) {
        if (d.listingFrom(l) <= ref && ref <= d.listingTo(l)) {
          clinic = d.listingClinic(l);
          break;
        }
      }
      if (clinic < 0) {
        continue;
      }
      int age = (refPacked - packed(d.birthDay(p))) / 10000;
      boolean adult = age >= 18;
      boolean woman = adult && d.sexCode(p) == 0;
      boolean old = age >= 65;
      if (!adult) {
        continue;
      }
      int seen = 0;
      int utiEvents = 0;
      int latestDay = Integer.MIN_VALUE;
      double latest = Double.NaN;
      for (int e = d.eventStart(p); e < d.eventEnd(p); e++) {
        int day = d.eventDay(e);
        if (day > ref) {
          break;
        }
        int f = codeFlags[d.eventCode(e)];
        if (f == 0) {
          continue;
        }
        boolean inPeriod = day >= start;
        seen |= f & (T2D | DEMENTIA);
        if (inPeriod) {
          seen |= f;
          if ((f & UTI) != 0) {
            utiEvents++;
          }
          if ((f & HBA1C) != 0) {
            double raw = d.eventValue(e);
            int u = d.eventUnit(e) + 1;
            if (!Double.isNaN(raw) && !Double.isNaN(unitScale[u])) {
              double v = unitScale[u] * raw + unitOffset[u];
              if (Double.isNaN(latest) || day > latestDay || v > latest) {
                latest = v;
                latestDay = day;
              }
            }
          }
        }
      }
      int o = clinic * FIELDS;
      if ((seen & T2D) != 0) {
        t[o + DIAB]++;
        if ((seen & HBA1C) != 0) {
          t[o + MEASURED]++;
          if (latest > 58) {
            t[o + ABOVE]++;
          }
        }
        if ((seen & STATIN) != 0) {
          t[o + STATIN_N]++;
        }
        if ((seen & CONTROL) != 0) {
          t[o + CONTROL_N]++;
        }
      }
      if (woman) {
        t[o + WOMEN]++;
        t[o + UTI_EVENTS] += utiEvents;
      }
      if (old && (seen & (DEMENTIA | ANTI_DEMENTIA)) != 0) {
        t[o + DEM]++;
        if ((seen & ANTIPSYCHOTIC) != 0) {
          t[o + DEM_AP]++;
        }
      }
    }
    return t;
  }

  /** {@code yyyymmdd} of an epoch day without allocating (Hinnant's civil_from_days). */
  private static int packed(int epochDay) {
    long z = epochDay + 719468L;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return (int) (year * 10000 + month * 100 + day);
  }

  /** The tallies rolled up into the benchmark's comparable counts. */
  static BenchCounts counts(long[] t, OrganisationUnits units) {
    BenchCounts out = new BenchCounts();
    for (int c = 0; c < units.clinic().length; c++) {
      int o = c * FIELDS;
      for (Level level : new Level[] {Level.CLINIC, Level.CLUSTER, Level.REGION, Level.NATION}) {
        String unit = switch (level) {
          case CLINIC -> units.clinic()[c];
          case CLUSTER -> units.cluster()[c];
          case REGION -> units.region()[c];
          default -> UnitIds.NATION;
        };
        if (t[o + DIAB] > 0) {
          out.add("hba1c-measured", level, unit, t[o + DIAB], t[o + MEASURED]);
          out.add("hba1c-above-58", level, unit, t[o + MEASURED], t[o + ABOVE]);
          out.add("statin-treated", level, unit, t[o + DIAB], t[o + STATIN_N]);
          out.add("annual-control", level, unit, t[o + DIAB], t[o + CONTROL_N]);
        }
        if (t[o + WOMEN] > 0) {
          out.add("uti-per-1000-women", level, unit, t[o + WOMEN], t[o + UTI_EVENTS]);
        }
        if (t[o + DEM] > 0) {
          out.add("dementia-antipsychotics", level, unit, t[o + DEM], t[o + DEM_AP]);
        }
      }
    }
    return out;
  }
}
