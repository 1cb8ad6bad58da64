package org.klynge.core.disclosure;

import java.util.OptionalLong;

/**
 * A count as published.
 *
 * @param status shown, rounded or suppressed
 * @param count the published count, present unless suppressed
 */
public record PublishedCount(Status status, OptionalLong count) {
  public PublishedCount {
    if (status == Status.SUPPRESSED || status == Status.NOT_AVAILABLE) {
      if (count.isPresent()) {
        throw new IllegalArgumentException("a " + status + " count has no number");
      }
    } else if (count.isEmpty()) {
      throw new IllegalArgumentException("a " + status + " count needs its number");
    }
  }

  /** A hidden count. */
  public static PublishedCount suppressed() {
    return new PublishedCount(Status.SUPPRESSED, OptionalLong.empty());
  }
}
