package org.klynge.core.data;

import java.time.LocalDate;
import org.klynge.core.model.Clinic;
import org.klynge.core.model.Cluster;
import org.klynge.core.model.DateRange;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Region;

/** The smallest organisation data can be built for: clinic c1 in cluster k1 in region r1, since 2000. */
public final class TestOrganisation {

  public static final Organisation ONE_CLINIC = Organisation.builder()
      .region(new Region("r1", "Region"))
      .cluster(Cluster.of("k1", "Cluster"))
      .clinic(new Clinic("c1", "Clinic", "1001"))
      .clinicInCluster("c1", "k1", DateRange.startingAt(LocalDate.of(2000, 1, 1)))
      .clusterInRegion("k1", "r1", DateRange.startingAt(LocalDate.of(2000, 1, 1)))
      .build();

  private TestOrganisation() {}
}
