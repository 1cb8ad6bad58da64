package org.klynge.core.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;

/**
 * A large consistent publication for measuring the audit: regions of clusters of clinics, with rest of
 * cluster and unattributed rows, three indicators (one of events over the months, quarters and year of
 * 2024, one whose numerators are another's denominators) and about one clinic row in eight suppressed,
 * with its rest of cluster and a complement in the same cluster.
 */
final class SyntheticPublication {

  private SyntheticPublication() {}

  private record Period(LocalDate start, LocalDate end, String label) {}

  private static List<Period> periods() {
    List<Period> out = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      LocalDate s = LocalDate.of(2024, m, 1);
      out.add(new Period(s, s.withDayOfMonth(s.lengthOfMonth()), String.format("2024-%02d", m)));
    }
    for (int q = 1; q <= 4; q++) {
      LocalDate s = LocalDate.of(2024, 3 * q - 2, 1);
      out.add(new Period(s, s.plusMonths(3).minusDays(1), "2024-Q" + q));
    }
    out.add(new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "2024"));
    return out;
  }

  /** About {@code 1,500 × 17 × indicators} rows for {@code clinicsPerCluster = 7}. */
  static AuditTable generate(long seed, int regions, int clustersPerRegion, int clinicsPerCluster, int indicators) {
    Random random = new Random(seed);
    List<Period> periods = periods();
    int clinics = regions * clustersPerRegion * clinicsPerCluster;
    List<AuditRow> rows = new ArrayList<>();
    long[][] previousNumerators = null;
    for (int ind = 0; ind < indicators; ind++) {
      NumeratorKind kind = ind % 3 == 0 ? NumeratorKind.EVENTS : NumeratorKind.PERSONS_IN_DENOMINATOR;
      String numPop = String.format("%04x", 0x1000 + ind);
      String denPop = ind % 3 == 2 ? String.format("%04x", 0x1000 + ind - 1) : String.format("%04x", 0x2000 + ind);
      // true monthly counts per clinic; for events the quarters and the year add up, else drawn afresh
      long[][] num = new long[periods.size()][clinics];
      long[][] den = new long[periods.size()][clinics];
      for (int c = 0; c < clinics; c++) {
        int size = 20 + random.nextInt(200);
        for (int p = 0; p < periods.size(); p++) {
          // the third indicator's denominators are the second one's numerators
          den[p][c] = ind % 3 == 2 ? previousNumerators[p][c] : size + random.nextInt(10);
          if (kind == NumeratorKind.EVENTS && p >= 12) {
            int from = p < 16 ? 3 * (p - 12) : 0;
            int to = p < 16 ? from + 3 : 12;
            for (int m = from; m < to; m++) {
              num[p][c] += num[m][c];
            }
          } else {
            num[p][c] = random.nextInt((int) (kind == NumeratorKind.EVENTS ? den[p][c] / 4 : den[p][c]) + 1);
          }
        }
      }
      previousNumerators = num;
      for (int p = 0; p < periods.size(); p++) {
        Period per = periods.get(p);
        long[] nation = new long[2];
        int c0 = 0;
        for (int r = 0; r < regions; r++) {
          long[] region = new long[2];
          for (int k = 0; k < clustersPerRegion; k++) {
            String cluster = "k" + r + "-" + k;
            long[] sum = new long[2];
            for (int c = c0; c < c0 + clinicsPerCluster; c++) {
              sum[0] += num[p][c];
              sum[1] += den[p][c];
            }
            boolean[] hidden = new boolean[clinicsPerCluster];
            for (int i = 0; i < clinicsPerCluster; i++) {
              if (random.nextInt(16) == 0) {
                hidden[i] = true;
                hidden[(i + 1 + random.nextInt(clinicsPerCluster - 1)) % clinicsPerCluster] = true;
              }
            }
            for (int i = 0; i < clinicsPerCluster; i++) {
              int c = c0 + i;
              String unit = "k" + r + "-" + k + "-P" + i;
              rows.add(row(rows, ind, UnitLevel.CLINIC, unit, cluster, per, hidden[i], num[p][c], den[p][c],
                  numPop, denPop, kind));
              rows.add(row(rows, ind, UnitLevel.REST_OF_CLUSTER, unit, cluster, per, hidden[i],
                  sum[0] - num[p][c], sum[1] - den[p][c], numPop, denPop, kind));
            }
            rows.add(row(rows, ind, UnitLevel.CLUSTER, cluster, "r" + r, per, random.nextInt(40) == 0, sum[0], sum[1],
                numPop, denPop, kind));
            region[0] += sum[0];
            region[1] += sum[1];
            c0 += clinicsPerCluster;
          }
          rows.add(row(rows, ind, UnitLevel.REGION, "r" + r, "", per, false, region[0], region[1], numPop, denPop,
              kind));
          nation[0] += region[0];
          nation[1] += region[1];
        }
        rows.add(row(rows, ind, UnitLevel.NATION, "DK", "", per, false, nation[0], nation[1], numPop, denPop, kind));
        long months = ChronoUnit.MONTHS.between(per.start(), per.end().plusDays(1));
        rows.add(row(rows, ind, UnitLevel.UNATTRIBUTED, "unattributed", "", per, random.nextBoolean(),
            kind == NumeratorKind.EVENTS ? 30 * months : 30, ind % 3 == 2 ? 30 : 400, numPop, denPop, kind));
      }
    }
    return new AuditTable("synthetic.csv", rows);
  }

  private static AuditRow row(List<AuditRow> rows, int ind, UnitLevel level, String unit, String parent, Period p,
      boolean hidden, long num, long den, String numPop, String denPop, NumeratorKind kind) {
    return new AuditRow(rows.size() + 2, "ind" + ind, level, unit, parent, p.start(), p.end(), p.label(), hidden,
        hidden ? OptionalLong.empty() : OptionalLong.of(num), hidden ? OptionalLong.empty() : OptionalLong.of(den),
        numPop, denPop, kind, false, OptionalInt.empty());
  }

  /** Writes the table as a published CSV file (the columns the audit reads). */
  static void writeCsv(AuditTable table, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file)) {
      w.write(String.join(",", PublishedFileReader.REQUIRED_COLUMNS));
      w.write('\n');
      for (AuditRow r : table.rows()) {
        w.write(String.join(",", r.indicator(), r.level().code(), r.unit(), r.parent(), r.periodStart().toString(),
            r.periodEnd().toString(), r.period(), r.suppressed() ? "suppressed" : "shown",
            r.numerator().isPresent() ? Long.toString(r.numerator().getAsLong()) : "",
            r.denominator().isPresent() ? Long.toString(r.denominator().getAsLong()) : "",
            r.numeratorPopulation(), r.denominatorPopulation(), r.numeratorKind().code(),
            Boolean.toString(r.ownClinic()), r.roundedTo().isPresent() ? Integer.toString(r.roundedTo().getAsInt()) : ""));
        w.write('\n');
      }
    }
  }
}
