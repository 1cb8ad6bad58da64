package org.klynge.core.engine;

import org.klynge.core.data.PatientData;
import org.klynge.core.definition.AgeInRange;
import org.klynge.core.definition.Comparator;
import org.klynge.core.definition.Listed;
import org.klynge.core.definition.Pick;
import org.klynge.core.model.Sex;

/** The compiled node kinds; each {@code compute} is the small pure semantics of one criterion type. */
final class Nodes {

  private Nodes() {}

  /** At least {@code atLeast} matching events in the window ({@code hasEvent} is atLeast = 1). */
  static final class CountAtLeast extends Node {
    private final EventLookup lookup;
    private final int atLeast;

    CountAtLeast(int id, EventLookup lookup, int atLeast) {
      super(id);
      this.lookup = lookup;
      this.atLeast = atLeast;
    }

    @Override
    boolean compute(EvalContext c) {
      if (!lookup.possible(c)) {
        return false;
      }
      PatientData d = c.data;
      int to = lookup.toDay[c.period];
      boolean[] matches = lookup.matches;
      int found = 0;
      for (int e = lookup.firstInWindow(c); e < c.eventEnd && d.eventDay(e) <= to; e++) {
        if (matches[d.eventCode(e)] && ++found >= atLeast) {
          return true;
        }
      }
      return false;
    }
  }

  /** The latest (or first) usable value in the window, compared to a threshold. */
  static final class ValueAgainstThreshold extends Node {
    private final ValuePicker picker;
    private final Comparator comparator;
    private final double threshold;

    ValueAgainstThreshold(int id, ValuePicker picker, Comparator comparator, double threshold) {
      super(id);
      this.picker = picker;
      this.comparator = comparator;
      this.threshold = threshold;
    }

    @Override
    boolean compute(EvalContext c) {
      double v = picker.pick(c);
      return !Double.isNaN(v) && comparator.test(v, threshold);
    }
  }

  /** Age in whole years on the reference date within [min, max]. */
  static final class AgeBetween extends Node {
    private final int min;
    private final int max;

    AgeBetween(int id, AgeInRange range) {
      super(id);
      this.min = range.min().orElse(Integer.MIN_VALUE);
      this.max = range.max().orElse(Integer.MAX_VALUE);
    }

    @Override
    boolean compute(EvalContext c) {
      int age = CivilDate.age(c.birthPacked, c.periods.endPacked[c.period]);
      return age >= min && age <= max;
    }
  }

  /** Sex equals. */
  static final class SexEquals extends Node {
    private final int code;

    SexEquals(int id, Sex sex) {
      super(id);
      this.code = sex == Sex.FEMALE ? 0 : 1;
    }

    @Override
    boolean compute(EvalContext c) {
      return c.data.sexCode(c.patient) == code;
    }
  }

  /** Listed and alive on the reference date, or on every day of the period. */
  static final class ListedOn extends Node {
    private final Listed.Coverage coverage;

    ListedOn(int id, Listed.Coverage coverage) {
      super(id);
      this.coverage = coverage;
    }

    @Override
    boolean compute(EvalContext c) {
      int p = c.patient;
      PatientData d = c.data;
      if (coverage == Listed.Coverage.AT_REFERENCE_DATE) {
        return c.referenceClinic >= 0;
      }
      int start = c.periods.startDay[c.period];
      int end = c.referenceDay();
      if (d.deathDay(p) < end) {
        return false;
      }
      int coveredTo = start - 1;
      for (int l = d.listingStart(p); l < d.listingEnd(p); l++) {
        if (d.listingFrom(l) > coveredTo + 1) {
          if (d.listingFrom(l) <= end) {
            return false;
          }
          break;
        }
        coveredTo = Math.max(coveredTo, d.listingTo(l));
        if (coveredTo >= end) {
          return true;
        }
      }
      return coveredTo >= end;
    }
  }

  static final class AllOf extends Node {
    private final Node[] children;

    AllOf(int id, Node[] children) {
      super(id);
      this.children = children;
    }

    @Override
    boolean compute(EvalContext c) {
      for (Node child : children) {
        if (!child.test(c)) {
          return false;
        }
      }
      return true;
    }
  }

  static final class AnyOf extends Node {
    private final Node[] children;

    AnyOf(int id, Node[] children) {
      super(id);
      this.children = children;
    }

    @Override
    boolean compute(EvalContext c) {
      for (Node child : children) {
        if (child.test(c)) {
          return true;
        }
      }
      return false;
    }
  }

  static final class Negation extends Node {
    private final Node child;

    Negation(int id, Node child) {
      super(id);
      this.child = child;
    }

    @Override
    boolean compute(EvalContext c) {
      return !child.test(c);
    }
  }

  /**
   * Picks the latest (or first) event in the window whose value is present and convertible to
   * the target unit; ties on the day go to the highest value. Returns NaN when there is none.
   */
  static final class ValuePicker {
    final EventLookup lookup;
    private final Pick pick;
    private final double[] scale;
    private final double[] offset;

    ValuePicker(EventLookup lookup, Pick pick, double[][] conversions) {
      this.lookup = lookup;
      this.pick = pick;
      this.scale = conversions[0];
      this.offset = conversions[1];
    }

    double pick(EvalContext c) {
      if (!lookup.possible(c)) {
        return Double.NaN;
      }
      PatientData d = c.data;
      int to = lookup.toDay[c.period];
      boolean[] matches = lookup.matches;
      int bestDay = Integer.MIN_VALUE;
      double best = Double.NaN;
      for (int e = lookup.firstInWindow(c); e < c.eventEnd; e++) {
        int day = d.eventDay(e);
        if (day > to || (pick == Pick.FIRST && !Double.isNaN(best) && day > bestDay)) {
          break;
        }
        if (!matches[d.eventCode(e)]) {
          continue;
        }
        double raw = d.eventValue(e);
        int u = d.eventUnit(e) + 1;
        double s = scale[u];
        if (Double.isNaN(raw) || Double.isNaN(s)) {
          continue;
        }
        double v = s * raw + offset[u];
        if (Double.isNaN(best) || day > bestDay || v > best) {
          best = v;
          bestDay = day;
        }
      }
      return best;
    }
  }
}
