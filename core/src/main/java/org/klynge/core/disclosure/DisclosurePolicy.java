package org.klynge.core.disclosure;

import com.google.common.collect.ImmutableMap;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Thresholds per audience and optional rounding of published counts.
 *
 * @param thresholds the small-number threshold for every audience (counts {@code 1 ≤ c < threshold}
 *     are suppressed)
 * @param roundingBase when present, published counts are rounded to the nearest multiple of it
 *     (values are still computed from the unrounded counts)
 */
public record DisclosurePolicy(Map<Audience, Integer> thresholds, OptionalInt roundingBase) {
  public DisclosurePolicy {
    EnumMap<Audience, Integer> copy = new EnumMap<>(Audience.class);
    for (Audience a : Audience.values()) {
      Integer t = thresholds == null ? null : thresholds.get(a);
      if (t == null) {
        throw new IllegalArgumentException("no threshold for audience " + a.code());
      }
      if (t < 1) {
        throw new IllegalArgumentException("threshold for " + a.code() + " must be at least 1, got " + t);
      }
      copy.put(a, t);
    }
    thresholds = ImmutableMap.copyOf(copy);
    roundingBase = roundingBase == null ? OptionalInt.empty() : roundingBase;
    if (roundingBase.isPresent() && roundingBase.getAsInt() < 1) {
      throw new IllegalArgumentException("rounding base must be at least 1, got " + roundingBase.getAsInt());
    }
  }

  /** Every audience at {@link Audience#DEFAULT_THRESHOLD}, no rounding. */
  public static DisclosurePolicy defaults() {
    EnumMap<Audience, Integer> t = new EnumMap<>(Audience.class);
    for (Audience a : Audience.values()) {
      t.put(a, Audience.DEFAULT_THRESHOLD);
    }
    return new DisclosurePolicy(t, OptionalInt.empty());
  }

  /** This policy with {@code threshold} for {@code audience}. */
  public DisclosurePolicy withThreshold(Audience audience, int threshold) {
    EnumMap<Audience, Integer> t = new EnumMap<>(thresholds);
    t.put(audience, threshold);
    return new DisclosurePolicy(t, roundingBase);
  }

  /** This policy with published counts rounded to multiples of {@code base}. */
  public DisclosurePolicy withRounding(int base) {
    return new DisclosurePolicy(thresholds, OptionalInt.of(base));
  }

  /** The threshold for {@code audience}. */
  public int threshold(Audience audience) {
    return thresholds.get(audience);
  }
}
