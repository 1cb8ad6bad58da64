package org.klynge.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.klynge.core.model.Clinic;
import org.klynge.core.model.Cluster;
import org.klynge.core.model.DateRange;
import org.klynge.core.model.Membership;
import org.klynge.core.model.Municipality;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Practitioner;
import org.klynge.core.model.Region;

/**
 * An organisation in a form Java serialisation can ship to executors ({@link Organisation} is not
 * serialisable): its parts as text and dates, rebuilt with {@link Organisation#builder()} in the
 * same order, so the clinics keep the order partial results are counted in.
 */
final class ShippedOrganisation implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String[]> regions = new ArrayList<>();
  private final List<String[]> municipalities = new ArrayList<>();
  private final List<String[]> clusters = new ArrayList<>();
  private final List<String[]> clinics = new ArrayList<>();
  private final List<String[]> practitioners = new ArrayList<>();
  private final List<ShippedMembership> clusterMemberships = new ArrayList<>();
  private final List<ShippedMembership> regionMemberships = new ArrayList<>();
  private transient Organisation rebuilt;

  private record ShippedMembership(String member, String parent, LocalDate from, LocalDate to) implements Serializable {
    static ShippedMembership of(Membership m) {
      return new ShippedMembership(m.memberId(), m.parentId(), m.validity().from(), m.validity().to().orElse(null));
    }

    DateRange validity() {
      return new DateRange(from, Optional.ofNullable(to));
    }
  }

  ShippedOrganisation(Organisation organisation) {
    organisation.regions().values().forEach(r -> regions.add(new String[] {r.id(), r.name()}));
    organisation.municipalities().values().forEach(m -> municipalities.add(new String[] {m.id(), m.name(),
        m.regionId()}));
    organisation.clusters().values().forEach(c -> clusters.add(new String[] {c.id(), c.name(),
        c.municipalityId().orElse(null)}));
    organisation.clinics().values().forEach(c -> clinics.add(new String[] {c.id(), c.name(), c.providerNumber()}));
    organisation.practitioners().values().forEach(p -> practitioners.add(new String[] {p.id(), p.name(),
        p.clinicId()}));
    organisation.clusterMemberships().forEach(m -> clusterMemberships.add(ShippedMembership.of(m)));
    organisation.regionMemberships().forEach(m -> regionMemberships.add(ShippedMembership.of(m)));
    rebuilt = organisation;
  }

  /** The organisation, rebuilt once per deserialised copy. */
  synchronized Organisation organisation() {
    if (rebuilt == null) {
      Organisation.Builder b = Organisation.builder();
      regions.forEach(r -> b.region(new Region(r[0], r[1])));
      municipalities.forEach(m -> b.municipality(new Municipality(m[0], m[1], m[2])));
      clusters.forEach(c -> b.cluster(new Cluster(c[0], c[1], Optional.ofNullable(c[2]))));
      clinics.forEach(c -> b.clinic(new Clinic(c[0], c[1], c[2])));
      practitioners.forEach(p -> b.practitioner(new Practitioner(p[0], p[1], p[2])));
      clusterMemberships.forEach(m -> b.clinicInCluster(m.member(), m.parent(), m.validity()));
      regionMemberships.forEach(m -> b.clusterInRegion(m.member(), m.parent(), m.validity()));
      rebuilt = b.build();
    }
    return rebuilt;
  }
}
