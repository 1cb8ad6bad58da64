package org.klynge.core.engine;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.klynge.core.definition.CompletenessRequirement;
import org.klynge.core.definition.Continuous;
import org.klynge.core.definition.DataSource;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.model.Organisation;
import org.klynge.core.result.Level;
import org.klynge.core.result.PopulationCounts;
import org.klynge.core.result.ResultRow;
import org.klynge.core.result.Scores;
import org.klynge.core.result.SourceCompleteness;
import org.klynge.core.result.UnitIds;

/**
 * Turns a merged tally into result rows: clinic rows, then rest-of-cluster, cluster, region
 * and nation rows rolled up with the memberships valid on each period's reference date, then
 * the unattributed row. Aggregates are sums of clinic counts, so clinics sum to their cluster,
 * clusters to their region and regions to the nation by construction.
 */
final class ResultAssembler {

  private ResultAssembler() {}

  static ImmutableList<ResultRow> rows(List<Indicator> indicators, ImmutableList<MeasurementPeriod> periods,
      Tally tally, List<String> clinicIds, Organisation organisation) {
    int clinics = clinicIds.size();
    Map<Long, double[]> values = groupValues(tally);
    List<DataSource> sources = Program.measuredSources(indicators);
    long[][][] nationData = new long[sources.size()][periods.size()][];
    for (int s = 0; s < sources.size(); s++) {
      for (int k = 0; k < periods.size(); k++) {
        nationData[s][k] = new long[] {sum(tally, s, k, clinics, Tally.LISTED), sum(tally, s, k, clinics, Tally.WITH_DATA)};
      }
    }
    ImmutableList.Builder<ResultRow> out = ImmutableList.builder();
    for (int i = 0; i < indicators.size(); i++) {
      Indicator ind = indicators.get(i);
      boolean continuous = ind.scoring() instanceof Continuous;
      for (int k = 0; k < periods.size(); k++) {
        MeasurementPeriod period = periods.get(k);
        LocalDate ref = period.referenceDate();
        Map<String, Unit> clinicUnits = new TreeMap<>();
        Set<String> incomplete = new HashSet<>();
        for (int clinic = 0; clinic < clinics; clinic++) {
          PopulationCounts counts = countsOf(tally, i, k, clinic);
          String clinicId = clinicIds.get(clinic);
          var cluster = organisation.clusterOf(clinicId, ref);
          if (counts.equals(PopulationCounts.ZERO) && cluster.isEmpty()) {
            continue;
          }
          double[] v = continuous ? values.getOrDefault(key(tally, i, k, clinic), new double[0]) : new double[0];
          clinicUnits.put(clinicId, new Unit(clinicId, cluster.orElse(UnitIds.UNASSIGNED), counts, v));
          if (belowRequirement(ind, sources, tally, k, clinic, nationData)) {
            incomplete.add(clinicId);
          }
        }
        Map<String, Unit> clusters = rollUp(clinicUnits, clusterId -> organisation.regionOf(clusterId, ref)
            .orElse(UnitIds.UNASSIGNED));
        Map<String, Unit> regions = rollUp(clusters, regionId -> "");
        Map<String, Unit> nation = rollUp(regions, x -> "");
        Unit dk = nation.isEmpty() ? new Unit(UnitIds.NATION, "", PopulationCounts.ZERO, new double[0])
            : nation.values().iterator().next().renamed(UnitIds.NATION);

        for (Unit u : clinicUnits.values()) {
          ResultRow row = row(ind, Level.CLINIC, u, period);
          out.add(incomplete.contains(u.id) ? markedIncomplete(row) : row);
        }
        for (Unit u : clinicUnits.values()) {
          Unit cluster = clusters.get(u.parent);
          if (!u.parent.equals(UnitIds.UNASSIGNED)) {
            Unit rest = new Unit(u.id, u.parent, cluster.counts.minus(u.counts), without(cluster.values, u.values));
            out.add(row(ind, Level.REST_OF_CLUSTER, rest, period));
          }
        }
        clusters.values().forEach(u -> out.add(row(ind, Level.CLUSTER, u, period)));
        regions.values().forEach(u -> out.add(row(ind, Level.REGION, u, period)));
        out.add(row(ind, Level.NATION, dk, period));
        PopulationCounts none = countsOf(tally, i, k, clinics);
        if (!none.equals(PopulationCounts.ZERO)) {
          double[] v = continuous ? values.getOrDefault(key(tally, i, k, clinics), new double[0]) : new double[0];
          out.add(row(ind, Level.UNATTRIBUTED, new Unit(UnitIds.NONE, "", none, v), period));
        }
      }
    }
    return out.build();
  }

  /** Per clinic (id order) with any listed patient, then the nation, per measured source and period: the completeness. */
  static ImmutableList<SourceCompleteness> completeness(List<Indicator> indicators,
      ImmutableList<MeasurementPeriod> periods, Tally tally, List<String> clinicIds) {
    List<DataSource> sources = Program.measuredSources(indicators);
    ImmutableList.Builder<SourceCompleteness> out = ImmutableList.builder();
    List<SourceCompleteness> nation = new ArrayList<>();
    for (int s = 0; s < sources.size(); s++) {
      for (int k = 0; k < periods.size(); k++) {
        nation.add(new SourceCompleteness(UnitIds.NATION, sources.get(s), periods.get(k),
            sum(tally, s, k, clinicIds.size(), Tally.LISTED), sum(tally, s, k, clinicIds.size(), Tally.WITH_DATA)));
      }
    }
    for (int clinic = 0; clinic < clinicIds.size(); clinic++) {
      for (int s = 0; s < sources.size(); s++) {
        for (int k = 0; k < periods.size(); k++) {
          int slot = tally.completenessSlot(s, k, clinic);
          long listed = tally.completeness[slot + Tally.LISTED];
          if (listed > 0) {
            out.add(new SourceCompleteness(clinicIds.get(clinic), sources.get(s), periods.get(k), listed,
                tally.completeness[slot + Tally.WITH_DATA]));
          }
        }
      }
    }
    return out.addAll(nation).build();
  }

  private static long sum(Tally tally, int source, int period, int clinics, int field) {
    long total = 0;
    for (int clinic = 0; clinic < clinics; clinic++) {
      total += tally.completeness[tally.completenessSlot(source, period, clinic) + field];
    }
    return total;
  }

  /** Whether {@code clinic} falls short of some source {@code ind} requires, in period {@code k}. */
  private static boolean belowRequirement(Indicator ind, List<DataSource> sources, Tally tally, int k, int clinic,
      long[][][] nation) {
    for (CompletenessRequirement r : ind.requires()) {
      int s = sources.indexOf(r.source());
      int slot = tally.completenessSlot(s, k, clinic);
      if (SourceCompleteness.significantlyBelow(tally.completeness[slot + Tally.WITH_DATA],
          tally.completeness[slot + Tally.LISTED], nation[s][k][Tally.WITH_DATA], nation[s][k][Tally.LISTED],
          r.minimumOfNation(), r.significance())) {
        return true;
      }
    }
    return false;
  }

  private static ResultRow markedIncomplete(ResultRow r) {
    return new ResultRow(r.indicatorId(), r.indicatorVersion(), r.level(), r.unitId(), r.parentId(), r.period(),
        r.counts(), r.value(), true);
  }

  /** A unit being assembled: id, parent id, counts, sorted values. */
  private record Unit(String id, String parent, PopulationCounts counts, double[] values) {
    Unit renamed(String newId) {
      return new Unit(newId, "", counts, values);
    }
  }

  private interface ParentOf {
    String of(String id);
  }

  /** Groups units by parent into parent units whose counts are sums and values the merged values. */
  private static Map<String, Unit> rollUp(Map<String, Unit> children, ParentOf parentOf) {
    Map<String, List<Unit>> byParent = new TreeMap<>();
    for (Unit u : children.values()) {
      byParent.computeIfAbsent(u.parent, x -> new ArrayList<>()).add(u);
    }
    Map<String, Unit> out = new TreeMap<>();
    byParent.forEach((parent, members) -> {
      PopulationCounts sum = PopulationCounts.ZERO;
      int n = 0;
      for (Unit m : members) {
        sum = sum.plus(m.counts);
        n += m.values.length;
      }
      double[] merged = new double[n];
      int at = 0;
      for (Unit m : members) {
        System.arraycopy(m.values, 0, merged, at, m.values.length);
        at += m.values.length;
      }
      Arrays.sort(merged);
      out.put(parent, new Unit(parent, parentOf.of(parent), sum, merged));
    });
    return out;
  }

  /** The sorted multiset difference {@code all − part} (both sorted, part ⊆ all). */
  private static double[] without(double[] all, double[] part) {
    double[] out = new double[all.length - part.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < all.length) {
      if (j < part.length && Double.compare(all[i], part[j]) == 0) {
        i++;
        j++;
      } else {
        out[k++] = all[i++];
      }
    }
    return out;
  }

  private static ResultRow row(Indicator ind, Level level, Unit u, MeasurementPeriod period) {
    return new ResultRow(ind.id(), ind.version(), level, u.id, u.parent, period, u.counts,
        Scores.value(ind.scoring(), u.counts, u.values));
  }

  private static PopulationCounts countsOf(Tally tally, int i, int k, int bucket) {
    int slot = tally.slot(i, k, bucket);
    long[] c = tally.counts;
    return new PopulationCounts(c[slot + Tally.IP], c[slot + Tally.DEN], c[slot + Tally.DEX],
        c[slot + Tally.DEXC], c[slot + Tally.NUM], c[slot + Tally.NUMEX], c[slot + Tally.EVENTS],
        c[slot + Tally.PERSON_DAYS], c[slot + Tally.VALUED], c[slot + Tally.SUM], c[slot + Tally.NOT_SUMMED]);
  }

  private static long key(Tally tally, int i, int k, int bucket) {
    return ((long) i * tally.periods + k) * tally.buckets + bucket;
  }

  /** The values of each key, sorted ascending, whatever order partitions produced them in. */
  private static Map<Long, double[]> groupValues(Tally tally) {
    Map<Long, double[]> out = new HashMap<>();
    if (tally.valueCount == 0) {
      return out;
    }
    Map<Long, Integer> sizes = new HashMap<>();
    for (int i = 0; i < tally.valueCount; i++) {
      sizes.merge(tally.valueKeys[i], 1, Integer::sum);
    }
    Map<Long, Integer> fill = new HashMap<>();
    sizes.forEach((k, n) -> {
      out.put(k, new double[n]);
      fill.put(k, 0);
    });
    for (int i = 0; i < tally.valueCount; i++) {
      long k = tally.valueKeys[i];
      int at = fill.merge(k, 1, Integer::sum) - 1;
      out.get(k)[at] = tally.values[i];
    }
    out.values().forEach(Arrays::sort);
    return out;
  }

}
