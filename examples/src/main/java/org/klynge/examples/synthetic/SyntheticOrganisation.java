package org.klynge.examples.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.klynge.core.model.Clinic;
import org.klynge.core.model.Cluster;
import org.klynge.core.model.DateRange;
import org.klynge.core.model.Municipality;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Practitioner;
import org.klynge.core.model.Region;

/**
 * The organisation of the synthetic nation: regions, municipalities, 114 clusters, clinics and
 * practitioners, with per-clinic traits the patient generator uses (how many patients a clinic
 * lists relative to its neighbours, how it prescribes and measures).
 *
 * <p>The organisation does not depend on the scale: at a small scale each clinic lists fewer
 * patients. Cluster sizes follow the national cluster statistics: 17,000–110,000 patients (mean
 * about 48,000, one in five over 60,000) and 10–73 GPs (mean 29) at scale 1.
 */
final class SyntheticOrganisation {

  /** Number of clusters, whatever the scale. */
  static final int CLUSTERS = 114;
  /** Listed patients in the nation at scale 1. */
  static final int NATIONAL_PATIENTS = 5_500_000;
  static final int SMALLEST_CLUSTER = 17_000;
  static final int LARGEST_CLUSTER = 110_000;
  /** Spread (log scale) of cluster sizes; gives about one cluster in five above 60,000. */
  static final double CLUSTER_SIZE_SIGMA = 0.35;
  static final double PATIENTS_PER_GP = 1_680;
  static final int MIN_GPS = 10;
  static final int MAX_GPS = 73;
  /** Share of clinics of each size, 1 to 6 GPs. */
  static final double[] CLINIC_SIZE_SHARE = {0.38, 0.26, 0.15, 0.10, 0.06, 0.05};
  /** Share of clinics outside any cluster (accredited instead). */
  static final double ACCREDITED_SHARE = 0.015;
  /** Share of clinics that move to another cluster on 1 July of the year. */
  static final double MOVING_CLINIC_SHARE = 0.01;
  /** Share of clinics that measure HbA1c poorly. */
  static final double POOR_HBA1C_SHARE = 0.05;
  static final LocalDate CLUSTERS_START = LocalDate.of(2018, 1, 1);

  final Organisation organisation;
  /** Cluster ids by cluster index ({@code k001} …). */
  final String[] clusterIds;
  /** Patients in the cluster's area at scale 1. */
  final int[] clusterPatients;
  /** Clinic ids by clinic index (the order clinics were added to the organisation). */
  final String[] clinicIds;
  /** The cluster whose area the clinic lies in (its cluster, unless accredited or moving). */
  final int[] clinicArea;
  /** The cluster the clinic is a member of before 1 July of the year, -1 when accredited. */
  final int[] clusterBefore;
  /** The cluster the clinic is a member of from 1 July of the year, -1 when accredited. */
  final int[] clusterAfter;
  /** Clinics of each area: clinic indices {@code areaClinics[areaStart[c] .. areaStart[c+1])}. */
  final int[] areaStart;
  final int[] areaClinics;
  /** Cumulative share of the area's patients listed with each clinic, aligned with areaClinics. */
  final double[] areaCumulativeShare;
  /** Whether the clinic measures HbA1c in few of its diabetes patients. */
  final boolean[] poorHbA1c;
  /** Multiplies the clinic's antibiotic prescribing rates. */
  final double[] antibioticFactor;
  /** Multiplies the clinic's opioid and antipsychotic prescribing rates. */
  final double[] psychotropicFactor;
  /** Multiplies the clinic's consultation rate. */
  final double[] consultationFactor;
  /** Share of the clinic's diabetes patients on a statin. */
  final double[] statinShare;
  final int practitioners;

  private SyntheticOrganisation(Organisation organisation, String[] clusterIds, int[] clusterPatients,
      Draft draft, int practitioners) {
    this.organisation = organisation;
    this.clusterIds = clusterIds;
    this.clusterPatients = clusterPatients;
    int n = draft.ids.size();
    this.clinicIds = draft.ids.toArray(String[]::new);
    this.clinicArea = draft.area.stream().mapToInt(Integer::intValue).toArray();
    this.clusterBefore = draft.before.stream().mapToInt(Integer::intValue).toArray();
    this.clusterAfter = draft.after.stream().mapToInt(Integer::intValue).toArray();
    this.poorHbA1c = new boolean[n];
    this.antibioticFactor = new double[n];
    this.psychotropicFactor = new double[n];
    this.consultationFactor = new double[n];
    this.statinShare = new double[n];
    double[] weight = new double[n];
    for (int i = 0; i < n; i++) {
      poorHbA1c[i] = draft.poor.get(i);
      antibioticFactor[i] = draft.antibiotic.get(i);
      psychotropicFactor[i] = draft.psychotropic.get(i);
      consultationFactor[i] = draft.consultation.get(i);
      statinShare[i] = draft.statin.get(i);
      weight[i] = draft.weight.get(i);
    }
    this.areaStart = new int[clusterIds.length + 1];
    this.areaClinics = new int[n];
    this.areaCumulativeShare = new double[n];
    int k = 0;
    for (int c = 0; c < clusterIds.length; c++) {
      areaStart[c] = k;
      double total = 0;
      for (int i = 0; i < n; i++) {
        if (clinicArea[i] == c) {
          total += weight[i];
        }
      }
      double running = 0;
      for (int i = 0; i < n; i++) {
        if (clinicArea[i] == c) {
          running += weight[i];
          areaClinics[k] = i;
          areaCumulativeShare[k] = running / total;
          k++;
        }
      }
      areaCumulativeShare[k - 1] = 1.0;
    }
    areaStart[clusterIds.length] = k;
    this.practitioners = practitioners;
  }

  /** Clinics as they are drafted, before they are frozen into arrays. */
  private static final class Draft {
    final List<String> ids = new ArrayList<>();
    final List<Integer> area = new ArrayList<>();
    final List<Integer> before = new ArrayList<>();
    final List<Integer> after = new ArrayList<>();
    final List<Boolean> poor = new ArrayList<>();
    final List<Double> antibiotic = new ArrayList<>();
    final List<Double> psychotropic = new ArrayList<>();
    final List<Double> consultation = new ArrayList<>();
    final List<Double> statin = new ArrayList<>();
    final List<Double> weight = new ArrayList<>();
  }

  /** Generates the organisation for {@code year} from {@code random}. */
  static SyntheticOrganisation generate(SplittableRandom random, int year) {
    Organisation.Builder org = Organisation.builder();
    int[] sizes = clusterSizes(random);
    String[] clusterIds = new String[CLUSTERS];
    int[] clusterPatients = new int[CLUSTERS];
    String[] clusterRegion = new String[CLUSTERS];
    int c = 0;
    int next = 0;
    for (Geography.Area area : Geography.REGIONS) {
      org.region(new Region(area.code(), area.name()));
      for (Geography.Place place : area.municipalities()) {
        org.municipality(new Municipality(place.code(), place.name(), area.code()));
      }
      // this region's cluster sizes, largest first, matched with its municipalities by size
      int[] regional = Arrays.copyOfRange(sizes, next, next + area.clusters());
      next += area.clusters();
      Arrays.sort(regional);
      List<Geography.Place> homes = clusterHomes(area);
      for (int i = 0; i < area.clusters(); i++) {
        Geography.Place home = homes.get(i);
        long sameHome = homes.stream().filter(home::equals).count();
        int number = (int) homes.subList(0, i + 1).stream().filter(home::equals).count();
        String id = String.format("k%03d", c + 1);
        String name = "Klynge " + home.name() + (sameHome > 1 ? " " + number : "");
        org.cluster(new Cluster(id, name, Optional.of(home.code())));
        org.clusterInRegion(id, area.code(), DateRange.startingAt(CLUSTERS_START));
        clusterIds[c] = id;
        clusterPatients[c] = regional[area.clusters() - 1 - i];
        clusterRegion[c] = area.code();
        c++;
      }
    }
    Draft draft = new Draft();
    int practitioners = 0;
    for (c = 0; c < CLUSTERS; c++) {
      double perGp = PATIENTS_PER_GP * (0.85 + 0.3 * random.nextDouble());
      int gps = clusterPatients[c] == SMALLEST_CLUSTER ? MIN_GPS
          : clusterPatients[c] == LARGEST_CLUSTER ? MAX_GPS
          : (int) Math.max(MIN_GPS, Math.min(MAX_GPS, Math.round(clusterPatients[c] / perGp)));
      while (gps > 0) {
        int size = Math.min(gps, clinicSize(random));
        gps -= size;
        practitioners += addClinic(org, draft, random, c, size, practitioners);
      }
    }
    assignMemberships(org, draft, random, clusterIds, clusterRegion, year);
    return new SyntheticOrganisation(org.build(), clusterIds, clusterPatients, draft, practitioners);
  }

  /**
   * 114 cluster sizes at scale 1: quantiles of a log-normal distribution, the smallest set to
   * 17,000, the largest to 110,000 and the rest scaled so that they sum to 5.5 million; then
   * shuffled over the regions, with the smallest in Region Sjælland and the largest in Region
   * Syddanmark. Returned in region order (see {@link Geography#REGIONS}).
   */
  private static int[] clusterSizes(SplittableRandom random) {
    double[] quantile = new double[CLUSTERS];
    for (int i = 0; i < CLUSTERS; i++) {
      quantile[i] = Math.exp(CLUSTER_SIZE_SIGMA * inverseNormal((i + 0.5) / CLUSTERS));
    }
    double middle = 0;
    for (int i = 1; i < CLUSTERS - 1; i++) {
      middle += quantile[i];
    }
    double factor = (NATIONAL_PATIENTS - SMALLEST_CLUSTER - LARGEST_CLUSTER) / middle;
    int[] sizes = new int[CLUSTERS];
    sizes[0] = SMALLEST_CLUSTER;
    sizes[CLUSTERS - 1] = LARGEST_CLUSTER;
    for (int i = 1; i < CLUSTERS - 1; i++) {
      sizes[i] = (int) Math.round(quantile[i] * factor / 100.0) * 100;
    }
    // shuffle all but the extremes, then put the extremes in their regions
    int[] middleSizes = Arrays.copyOfRange(sizes, 1, CLUSTERS - 1);
    for (int i = middleSizes.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = middleSizes[i];
      middleSizes[i] = middleSizes[j];
      middleSizes[j] = t;
    }
    int[] out = new int[CLUSTERS];
    int m = 0;
    int at = 0;
    for (Geography.Area area : Geography.REGIONS) {
      for (int i = 0; i < area.clusters(); i++) {
        if (i == 0 && area.code().equals(Geography.SMALLEST_CLUSTER_REGION)) {
          out[at++] = SMALLEST_CLUSTER;
        } else if (i == 0 && area.code().equals(Geography.LARGEST_CLUSTER_REGION)) {
          out[at++] = LARGEST_CLUSTER;
        } else {
          out[at++] = middleSizes[m++];
        }
      }
    }
    return out;
  }

  /**
   * The home municipality of each of a region's clusters, largest cluster first: one cluster per
   * municipality, the extra clusters in the largest municipalities (the capital gets most), and
   * when a region has fewer clusters than municipalities the smallest ones have none of their own.
   */
  private static List<Geography.Place> clusterHomes(Geography.Area area) {
    List<Geography.Place> places = area.municipalities();
    int own = Math.min(area.clusters(), places.size());
    int extra = area.clusters() - own;
    List<Geography.Place> homes = new ArrayList<>();
    // the largest municipality takes two thirds of the extra clusters, the next ones the rest
    int first = (extra * 2 + 2) / 3;
    for (int i = 0; i < first + 1; i++) {
      homes.add(places.get(0));
    }
    for (int i = 0; i < extra - first; i++) {
      homes.add(places.get(1 + i % Math.max(1, Math.min(3, own - 1))));
    }
    for (int i = 1; i < own; i++) {
      homes.add(places.get(i));
    }
    homes.sort((a, b) -> Integer.compare(places.indexOf(a), places.indexOf(b)));
    return homes;
  }

  private static int clinicSize(SplittableRandom random) {
    double u = random.nextDouble();
    for (int s = 0; s < CLINIC_SIZE_SHARE.length; s++) {
      u -= CLINIC_SIZE_SHARE[s];
      if (u < 0) {
        return s + 1;
      }
    }
    return CLINIC_SIZE_SHARE.length;
  }

  /** Adds a clinic of {@code gps} practitioners in cluster area {@code area}; returns gps. */
  private static int addClinic(Organisation.Builder org, Draft draft, SplittableRandom random, int area,
      int gps, int practitionersSoFar) {
    int index = draft.ids.size();
    String id = String.format("c%04d", index + 1);
    String providerNumber = String.format("%06d", 10_000 + index * 37 + random.nextInt(37));
    String[] names = new String[gps];
    for (int g = 0; g < gps; g++) {
      names[g] = Geography.FIRST_NAMES.get(random.nextInt(Geography.FIRST_NAMES.size())) + " "
          + Geography.SURNAMES.get(random.nextInt(Geography.SURNAMES.size()));
    }
    String clinicName = gps == 1 ? "Læge " + names[0]
        : gps == 2 ? "Lægerne " + surname(names[0]) + " og " + surname(names[1])
        : "Lægehuset " + surname(names[0]) + " m.fl.";
    org.clinic(new Clinic(id, clinicName, providerNumber));
    for (int g = 0; g < gps; g++) {
      org.practitioner(new Practitioner(String.format("l%04d", practitionersSoFar + g + 1), names[g], id));
    }
    boolean accredited = random.nextDouble() < ACCREDITED_SHARE;
    draft.ids.add(id);
    draft.area.add(area);
    draft.before.add(accredited ? -1 : area);
    draft.after.add(accredited ? -1 : area);
    draft.poor.add(random.nextDouble() < POOR_HBA1C_SHARE);
    draft.antibiotic.add(Math.exp(0.25 * random.nextGaussian()));
    draft.psychotropic.add(Math.exp(0.30 * random.nextGaussian()));
    draft.consultation.add(Math.exp(0.15 * random.nextGaussian()));
    draft.statin.add(Math.max(0.4, Math.min(0.9, 0.70 + 0.07 * random.nextGaussian())));
    draft.weight.add(gps * (0.85 + 0.3 * random.nextDouble()));
    return gps;
  }

  private static String surname(String name) {
    return name.substring(name.indexOf(' ') + 1);
  }

  /**
   * Every clinic outside the accredited ones is a member of its area's cluster from 2018-01-01;
   * a few move to another cluster of the same region on 1 July of the year (never into or out of
   * the first cluster, whose meeting the eye-drop data illustrates).
   */
  private static void assignMemberships(Organisation.Builder org, Draft draft, SplittableRandom random,
      String[] clusterIds, String[] clusterRegion, int year) {
    LocalDate move = LocalDate.of(year, 7, 1);
    for (int i = 0; i < draft.ids.size(); i++) {
      int cluster = draft.before.get(i);
      if (cluster < 0) {
        continue;
      }
      String id = draft.ids.get(i);
      boolean moves = cluster != 0 && random.nextDouble() < MOVING_CLINIC_SHARE;
      int target = cluster + 1 < CLUSTERS && clusterRegion[cluster + 1].equals(clusterRegion[cluster])
          ? cluster + 1 : cluster - 1;
      if (moves && target > 0 && clusterRegion[target].equals(clusterRegion[cluster])) {
        org.clinicInCluster(id, clusterIds[cluster], DateRange.of(CLUSTERS_START, move.minusDays(1)));
        org.clinicInCluster(id, clusterIds[target], DateRange.startingAt(move));
        draft.after.set(i, target);
      } else {
        org.clinicInCluster(id, clusterIds[cluster], DateRange.startingAt(CLUSTERS_START));
      }
    }
  }

  /** The standard normal quantile (Acklam's rational approximation, relative error below 1e-9). */
  static double inverseNormal(double p) {
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    double[] cc = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    double low = 0.02425;
    if (p < low) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((cc[0] * q + cc[1]) * q + cc[2]) * q + cc[3]) * q + cc[4]) * q + cc[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
      double q = Math.sqrt(-2 * Math.log(1 - p));
      return -(((((cc[0] * q + cc[1]) * q + cc[2]) * q + cc[3]) * q + cc[4]) * q + cc[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
}
