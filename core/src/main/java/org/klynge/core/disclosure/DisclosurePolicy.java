package org.klynge.core.disclosure;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Sets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What disclosure control protects, per audience, and how published counts are rounded.
 *
 * <ul>
 *   <li><b>threshold</b> t: a count from 1 to t − 1 is a <em>primary</em> cell (0 is shown: it
 *       identifies nobody);
 *   <li><b>protection level</b> p (by default the threshold): the range an attacker can derive for a
 *       primary cell with value v from everything published must reach at least v + p upwards and
 *       down to max(0, v − p); any other suppressed cell's range must be at least p wide;
 *   <li><b>small complements</b>: also treat {@code n − x} from 1 to t − 1 (1–4 patients of a
 *       denominator <em>lack</em> the attribute) as primary; on by default for {@link
 *       Audience#PUBLIC};
 *   <li><b>rounding base</b> b: published counts are rounded to the nearest multiple of b (half up),
 *       and every statistic is computed from the rounded counts or withheld.
 * </ul>
 *
 * <p>One policy serves every audience at once: a cell is protected at the strictest setting of the
 * audiences that can see it, so that the tables of all audiences can be combined safely.
 *
 * @param thresholds the threshold for every audience, at least 1
 * @param protectionLevels the protection level of the audiences that set one, at least 1; the
 *     others use their threshold
 * @param smallComplements the audiences for which small complements are primary
 * @param roundingBase when present, published counts are rounded to multiples of it
 */
public record DisclosurePolicy(
    Map<Audience, Integer> thresholds,
    Map<Audience, Integer> protectionLevels,
    Set<Audience> smallComplements,
    OptionalInt roundingBase) {

  public DisclosurePolicy {
    EnumMap<Audience, Integer> t = new EnumMap<>(Audience.class);
    for (Audience a : Audience.values()) {
      Integer value = thresholds == null ? null : thresholds.get(a);
      if (value == null) {
        throw new IllegalArgumentException("no threshold for audience " + a.code());
      }
      if (value < 1) {
        throw new IllegalArgumentException("threshold for " + a.code() + " must be at least 1, got " + value);
      }
      t.put(a, value);
    }
    thresholds = ImmutableMap.copyOf(t);
    EnumMap<Audience, Integer> p = new EnumMap<>(Audience.class);
    (protectionLevels == null ? Map.<Audience, Integer>of() : protectionLevels).forEach((a, value) -> {
      if (value == null || value < 1) {
        throw new IllegalArgumentException(
            "protection level for " + a.code() + " must be at least 1, got " + value);
      }
      p.put(a, value);
    });
    protectionLevels = ImmutableMap.copyOf(p);
    smallComplements = Sets.immutableEnumSet(smallComplements == null ? Set.of() : smallComplements);
    roundingBase = roundingBase == null ? OptionalInt.empty() : roundingBase;
    if (roundingBase.isPresent() && roundingBase.getAsInt() < 1) {
      throw new IllegalArgumentException(
          "rounding base must be a positive whole number, got " + roundingBase.getAsInt());
    }
  }

  /** Every audience at {@link Audience#DEFAULT_THRESHOLD}, protection level = threshold, small complements for public, no rounding. */
  public static DisclosurePolicy defaults() {
    EnumMap<Audience, Integer> t = new EnumMap<>(Audience.class);
    for (Audience a : Audience.values()) {
      t.put(a, Audience.DEFAULT_THRESHOLD);
    }
    return new DisclosurePolicy(t, Map.of(), EnumSet.of(Audience.PUBLIC), OptionalInt.empty());
  }

  /** This policy with {@code threshold} for {@code audience}. */
  public DisclosurePolicy withThreshold(Audience audience, int threshold) {
    EnumMap<Audience, Integer> t = new EnumMap<>(thresholds);
    t.put(audience, threshold);
    return new DisclosurePolicy(t, protectionLevels, smallComplements, roundingBase);
  }

  /** This policy with protection level {@code level} for {@code audience}. */
  public DisclosurePolicy withProtection(Audience audience, int level) {
    EnumMap<Audience, Integer> p = new EnumMap<>(Audience.class);
    p.putAll(protectionLevels);
    p.put(audience, level);
    return new DisclosurePolicy(thresholds, p, smallComplements, roundingBase);
  }

  /** This policy with small complements primary (or not) for {@code audience}. */
  public DisclosurePolicy withSmallComplements(Audience audience, boolean primary) {
    EnumSet<Audience> s = EnumSet.noneOf(Audience.class);
    s.addAll(smallComplements);
    if (primary) {
      s.add(audience);
    } else {
      s.remove(audience);
    }
    return new DisclosurePolicy(thresholds, protectionLevels, s, roundingBase);
  }

  /** This policy with published counts rounded to multiples of {@code base}. */
  public DisclosurePolicy withRounding(int base) {
    return new DisclosurePolicy(thresholds, protectionLevels, smallComplements, OptionalInt.of(base));
  }

  /** The threshold for {@code audience}. */
  public int threshold(Audience audience) {
    return thresholds.get(audience);
  }

  /** The protection level for {@code audience}: the one set, else its threshold. */
  public int protection(Audience audience) {
    return protectionLevels.getOrDefault(audience, threshold(audience));
  }

  /** Whether small complements are primary for {@code audience}. */
  public boolean smallComplements(Audience audience) {
    return smallComplements.contains(audience);
  }

  /**
   * The strictest protection of the audiences in {@code seenBy}: the highest threshold and
   * protection level, and small complements if any of them has them.
   */
  public Protection strictest(Set<Audience> seenBy) {
    int t = 1;
    int p = 1;
    boolean complements = false;
    for (Audience a : seenBy) {
      t = Math.max(t, threshold(a));
      p = Math.max(p, protection(a));
      complements |= smallComplements(a);
    }
    return new Protection(t, p, complements);
  }

  /** {@code count} as published: rounded to the base when there is one. */
  public long published(long count) {
    return roundingBase.isPresent() ? roundToBase(count, roundingBase.getAsInt()) : count;
  }

  /** The nearest multiple of {@code base}, halves rounded up. Example: 7 → 5, 8 → 10 for base 5. */
  public static long roundToBase(long count, int base) {
    return Math.floorDiv(count + base / 2, base) * base;
  }
}
