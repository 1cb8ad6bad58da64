package org.klynge.core.engine;

import java.time.DateTimeException;
import java.time.LocalDate;
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
    long compute(EvalContext c, long select) {
      long out = 0;
      for (long m = select & c.possible(lookup); m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        if (lookup.count(c.data, c.base + i, c.period, atLeast) >= atLeast) {
          out |= 1L << i;
        }
      }
      return out;
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
    long compute(EvalContext c, long select) {
      long out = 0;
      for (long m = select & c.possible(picker.lookup); m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        double v = picker.pick(c.data, c.base + i, c.period);
        if (!Double.isNaN(v) && comparator.test(v, threshold)) {
          out |= 1L << i;
        }
      }
      return out;
    }
  }

  /**
   * Age in whole years on the reference date within [min, max], as birth-day bounds per period:
   * at least {@code min} years old is born on or before the reference date {@code min} years
   * back (29 February going back to 28 February in other years, so that someone born on 29
   * February becomes a year older on 1 March, as {@link java.time.Period#between} counts). A
   * patient born after the reference date has no age on it, so is in no range.
   */
  static final class AgeBetween extends Node {
    private final int[] earliestBirth;
    private final int[] latestBirth;

    AgeBetween(int id, AgeInRange range, PeriodTable periods) {
      super(id);
      earliestBirth = new int[periods.size()];
      latestBirth = new int[periods.size()];
      for (int k = 0; k < periods.size(); k++) {
        LocalDate reference = LocalDate.ofEpochDay(periods.endDay[k]);
        latestBirth[k] = Math.min(periods.endDay[k], // not yet born: no age
            range.min().map(min -> lastBirthDayAged(reference, min)).orElse(Integer.MAX_VALUE));
        earliestBirth[k] = range.max().map(max -> {
          long day = lastBirthDayAged(reference, max + 1L) + 1L;
          return (int) Math.min(day, Integer.MAX_VALUE);
        }).orElse(Integer.MIN_VALUE);
      }
    }

    /** The last birth day of anyone at least {@code years} old on {@code reference}. */
    private static int lastBirthDayAged(LocalDate reference, long years) {
      try {
        long day = reference.minusYears(years).toEpochDay();
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, day));
      } catch (DateTimeException beyondTheCalendar) {
        return years > 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
      }
    }

    @Override
    long compute(EvalContext c, long select) {
      int earliest = earliestBirth[c.period];
      int latest = latestBirth[c.period];
      PatientData d = c.data;
      long out = 0;
      for (long m = select; m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        int born = d.birthDay(c.base + i);
        out |= born >= earliest && born <= latest ? 1L << i : 0;
      }
      return out;
    }
  }

  /** Sex equals. */
  static final class SexEquals extends Node {
    private final int code;

    SexEquals(int id, Sex sex) {
      super(id);
      this.code = sex.ordinal();
    }

    @Override
    long compute(EvalContext c, long select) {
      PatientData d = c.data;
      long out = 0;
      for (long m = select; m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        out |= d.sexCode(c.base + i) == code ? 1L << i : 0;
      }
      return out;
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
    long compute(EvalContext c, long select) {
      if (coverage == Listed.Coverage.AT_REFERENCE_DATE) {
        return c.listedOnReferenceDay;
      }
      long out = 0;
      for (long m = select; m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        if (listedThroughout(c.data, c.base + i, c.periods.startDay[c.period], c.referenceDay())) {
          out |= 1L << i;
        }
      }
      return out;
    }

    private static boolean listedThroughout(PatientData d, int p, int start, int end) {
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
    long compute(EvalContext c, long select) {
      long holds = select;
      for (int j = 0; j < children.length && holds != 0; j++) {
        holds &= children[j].eval(c, holds);
      }
      return holds;
    }
  }

  static final class AnyOf extends Node {
    private final Node[] children;

    AnyOf(int id, Node[] children) {
      super(id);
      this.children = children;
    }

    @Override
    long compute(EvalContext c, long select) {
      long open = select;
      long holds = 0;
      for (int j = 0; j < children.length && open != 0; j++) {
        long found = children[j].eval(c, open);
        holds |= found;
        open &= ~found;
      }
      return holds;
    }
  }

  static final class Negation extends Node {
    private final Node child;

    Negation(int id, Node child) {
      super(id);
      this.child = child;
    }

    @Override
    long compute(EvalContext c, long select) {
      return select & ~child.eval(c, select);
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

    /** Patient {@code p}'s picked value in the window of period {@code k}, or NaN. */
    double pick(PatientData d, int p, int k) {
      int to = lookup.toDay[k];
      boolean[] matches = lookup.matches;
      int bestDay = Integer.MIN_VALUE;
      double best = Double.NaN;
      for (int e = lookup.firstInWindow(d, p, k), end = d.eventEnd(p); e < end; e++) {
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
