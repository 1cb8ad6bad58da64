package org.klynge.core.audit;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The level of a row in a published file, with its code in the {@code level} column. */
public enum UnitLevel {
  /** One clinic, under its id when it is the viewer's own, else under a file-local pseudonym. */
  CLINIC("clinic"),
  /** A cluster minus one clinic: the row's unit is the clinic, its parent the cluster. */
  REST_OF_CLUSTER("rest_of_cluster"),
  /** A cluster; its parent is the region. */
  CLUSTER("cluster"),
  /** A region. */
  REGION("region"),
  /** The nation, {@code DK}: the sum of the regions. */
  NATION("nation"),
  /** Patients attributed to no clinic; part of no sum. */
  UNATTRIBUTED("unattributed");

  private final String code;

  UnitLevel(String code) {
    this.code = code;
  }

  /** The code in the {@code level} column, e.g. {@code rest_of_cluster}. */
  public String code() {
    return code;
  }

  /** The level with this code, if any. */
  public static Optional<UnitLevel> fromCode(String code) {
    return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
  }

  /** The valid codes, for messages: {@code clinic, rest_of_cluster, …}. */
  public static String codes() {
    return Arrays.stream(values()).map(UnitLevel::code).collect(Collectors.joining(", "));
  }
}
