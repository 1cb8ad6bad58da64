package org.klynge.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Multimaps;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The organisation of general practice: regions, municipalities, clusters, clinics and
 * practitioners, with the time-versioned memberships clinic → cluster and cluster → region.
 *
 * <p>Construction checks that every membership names known units and that no member has two
 * memberships on the same day, so "which cluster was clinic X in on date D" has at most one
 * answer. A clinic outside any cluster on a date (an accredited clinic) has none.
 */
public final class Organisation {

  private final ImmutableMap<String, Region> regions;
  private final ImmutableMap<String, Municipality> municipalities;
  private final ImmutableMap<String, Cluster> clusters;
  private final ImmutableMap<String, Clinic> clinics;
  private final ImmutableMap<String, Practitioner> practitioners;
  private final ImmutableListMultimap<String, Membership> clusterMemberships;
  private final ImmutableListMultimap<String, Membership> regionMemberships;

  private Organisation(Builder b) {
    this.regions = index(b.regions, Region::id, "region");
    this.municipalities = index(b.municipalities, Municipality::id, "municipality");
    this.clusters = index(b.clusters, Cluster::id, "cluster");
    this.clinics = index(b.clinics, Clinic::id, "clinic");
    this.practitioners = index(b.practitioners, Practitioner::id, "practitioner");
    List<String> problems = new ArrayList<>();
    this.clusterMemberships = memberships(b.clusterMemberships, clinics.keySet(), clusters.keySet(),
        "clinic", "cluster", problems);
    this.regionMemberships = memberships(b.regionMemberships, clusters.keySet(), regions.keySet(),
        "cluster", "region", problems);
    for (Municipality m : municipalities.values()) {
      if (!regions.containsKey(m.regionId())) {
        problems.add("municipality " + m.id() + " names unknown region " + m.regionId());
      }
    }
    for (Practitioner p : practitioners.values()) {
      if (!clinics.containsKey(p.clinicId())) {
        problems.add("practitioner " + p.id() + " names unknown clinic " + p.clinicId());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid organisation:\n  " + String.join("\n  ", problems));
    }
  }

  private static <T> ImmutableMap<String, T> index(List<T> items, Function<T, String> id, String kind) {
    ImmutableMap.Builder<String, T> map = ImmutableMap.builder();
    items.forEach(item -> map.put(id.apply(item), item));
    try {
      return map.buildOrThrow();
    } catch (IllegalArgumentException duplicate) {
      throw new IllegalArgumentException("duplicate " + kind + " id: " + duplicate.getMessage(), duplicate);
    }
  }

  private static ImmutableListMultimap<String, Membership> memberships(
      List<Membership> all, Collection<String> members, Collection<String> parents,
      String memberKind, String parentKind, List<String> problems) {
    for (Membership m : all) {
      if (!members.contains(m.memberId())) {
        problems.add(memberKind + " membership names unknown " + memberKind + " " + m.memberId());
      }
      if (!parents.contains(m.parentId())) {
        problems.add(memberKind + " " + m.memberId() + " is a member of unknown " + parentKind + " " + m.parentId());
      }
    }
    ImmutableListMultimap<String, Membership> byMember = Multimaps.index(
        all.stream().sorted((a, b) -> a.validity().from().compareTo(b.validity().from())).iterator(),
        Membership::memberId);
    for (String member : byMember.keySet()) {
      List<Membership> list = byMember.get(member);
      for (int i = 1; i < list.size(); i++) {
        if (list.get(i - 1).validity().overlaps(list.get(i).validity())) {
          problems.add(memberKind + " " + member + " has overlapping memberships " + list.get(i - 1).validity()
              + " (" + parentKind + " " + list.get(i - 1).parentId() + ") and " + list.get(i).validity()
              + " (" + parentKind + " " + list.get(i).parentId() + ")");
        }
      }
    }
    return byMember;
  }

  /** A builder for an organisation. */
  public static Builder builder() {
    return new Builder();
  }

  /** The cluster the clinic belonged to on {@code date}, if any. */
  public Optional<String> clusterOf(String clinicId, LocalDate date) {
    return parentOn(clusterMemberships.get(clinicId), date);
  }

  /** The region the cluster belonged to on {@code date}, if any. */
  public Optional<String> regionOf(String clusterId, LocalDate date) {
    return parentOn(regionMemberships.get(clusterId), date);
  }

  private static Optional<String> parentOn(List<Membership> memberships, LocalDate date) {
    for (Membership m : memberships) {
      if (m.validity().contains(date)) {
        return Optional.of(m.parentId());
      }
    }
    return Optional.empty();
  }

  public ImmutableMap<String, Region> regions() {
    return regions;
  }

  public ImmutableMap<String, Municipality> municipalities() {
    return municipalities;
  }

  public ImmutableMap<String, Cluster> clusters() {
    return clusters;
  }

  public ImmutableMap<String, Clinic> clinics() {
    return clinics;
  }

  public ImmutableMap<String, Practitioner> practitioners() {
    return practitioners;
  }

  /** Every clinic → cluster membership. */
  public ImmutableList<Membership> clusterMemberships() {
    return ImmutableList.copyOf(clusterMemberships.values());
  }

  /** Every cluster → region membership. */
  public ImmutableList<Membership> regionMemberships() {
    return ImmutableList.copyOf(regionMemberships.values());
  }

  /** Collects the parts of an organisation; {@link #build()} checks them all together. */
  public static final class Builder {
    private final List<Region> regions = new ArrayList<>();
    private final List<Municipality> municipalities = new ArrayList<>();
    private final List<Cluster> clusters = new ArrayList<>();
    private final List<Clinic> clinics = new ArrayList<>();
    private final List<Practitioner> practitioners = new ArrayList<>();
    private final List<Membership> clusterMemberships = new ArrayList<>();
    private final List<Membership> regionMemberships = new ArrayList<>();

    private Builder() {}

    public Builder region(Region region) {
      regions.add(region);
      return this;
    }

    public Builder municipality(Municipality municipality) {
      municipalities.add(municipality);
      return this;
    }

    public Builder cluster(Cluster cluster) {
      clusters.add(cluster);
      return this;
    }

    public Builder clinic(Clinic clinic) {
      clinics.add(clinic);
      return this;
    }

    public Builder practitioner(Practitioner practitioner) {
      practitioners.add(practitioner);
      return this;
    }

    /** Clinic {@code clinicId} is in cluster {@code clusterId} during {@code validity}. */
    public Builder clinicInCluster(String clinicId, String clusterId, DateRange validity) {
      clusterMemberships.add(new Membership(clinicId, clusterId, validity));
      return this;
    }

    /** Cluster {@code clusterId} is in region {@code regionId} during {@code validity}. */
    public Builder clusterInRegion(String clusterId, String regionId, DateRange validity) {
      regionMemberships.add(new Membership(clusterId, regionId, validity));
      return this;
    }

    /** The organisation; throws {@link IllegalArgumentException} listing every inconsistency. */
    public Organisation build() {
      return new Organisation(this);
    }
  }
}
