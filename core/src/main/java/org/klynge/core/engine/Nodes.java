package org.klynge.core.engine;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.klynge.core.data.PatientData;
import org.klynge.core.definition.AgeInRange;
import org.klynge.core.definition.Comparator;
import org.klynge.core.definition.Covered;
import org.klynge.core.definition.Listed;
import org.klynge.core.definition.Missing;
import org.klynge.core.definition.Pick;
import org.klynge.core.definition.Tie;
import org.klynge.core.model.Sex;

/** The compiled node kinds; each {@code compute} is the small pure semantics of one criterion type. */
final class Nodes {

  private Nodes() {}

  /** A criterion decided by one patient's events at a time, for the block's patients who have any the look-up can match. */
  abstract static class PerPatient extends Node {
    final EventLookup lookup;

    PerPatient(int id, EventLookup lookup) {
      super(id);
      this.lookup = lookup;
    }

    @Override
    final long compute(EvalContext c, long select) {
      long out = 0;
      for (long m = select & c.possible(lookup); m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        if (holds(c.data, c.base + i, c.period)) {
          out |= 1L << i;
        }
      }
      return out;
    }

    /** Whether the criterion holds for patient {@code p} in period {@code k}. */
    abstract boolean holds(PatientData d, int p, int k);
  }

  /** At least {@code atLeast} matching events in the window ({@code hasEvent} is atLeast = 1). */
  static final class CountAtLeast extends Node {
    private final EventLookup lookup;
    private final int atLeast;

    CountAtLeast(int id, EventLookup lookup, int atLeast) {
      super(id);
      this.lookup = lookup;
      this.atLeast = atLeast;
    }

    // its own loop, not PerPatient's: the commonest node keeps a call site the compiler can inline
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
    private final boolean missingHolds;
    private final boolean any;

    ValueAgainstThreshold(int id, ValuePicker picker, Comparator comparator, double threshold, Missing missing) {
      super(id);
      this.picker = picker;
      this.comparator = comparator;
      this.threshold = threshold;
      this.missingHolds = missing == Missing.HOLDS;
      this.any = picker.pick == Pick.ANY;
    }

    @Override
    long compute(EvalContext c, long select) {
      long out = 0;
      for (long m = select & c.possible(picker.lookup); m != 0; m &= m - 1) {
        int i = Long.numberOfTrailingZeros(m);
        if (any) {
          out |= picker.anyHolds(c.data, c.base + i, c.period, comparator, threshold, missingHolds) ? 1L << i : 0;
          continue;
        }
        double v = picker.pick(c.data, c.base + i, c.period);
        boolean holds = v == ValuePicker.MISSING ? missingHolds : !Double.isNaN(v) && comparator.test(v, threshold);
        if (holds) {
          out |= 1L << i;
        }
      }
      return out;
    }
  }

  /**
   * The latest (or first) matching event's coded result in a value set: on the deciding day, any
   * coded result in the set holds; a day with coded results none of which is in it fails; a day
   * with none decides by the missing rule.
   */
  static final class CodedValueIn extends PerPatient {
    private final boolean latest;
    private final boolean any;
    private final boolean skipMissing;
    private final boolean missingHolds;
    /** Per id in the data's value-code dictionary: whether it is in the value set. */
    private final boolean[] in;

    CodedValueIn(int id, EventLookup lookup, Pick pick, Missing missing, boolean[] in) {
      super(id, lookup);
      this.latest = pick == Pick.LATEST;
      this.any = pick == Pick.ANY;
      this.skipMissing = missing == Missing.SKIP;
      this.missingHolds = missing == Missing.HOLDS;
      this.in = in;
    }

    @Override
    boolean holds(PatientData d, int p, int k) {
      int to = lookup.toDay[k];
      if (any) {
        for (int e = lookup.scanFrom(d, p, k), end = d.eventEnd(p); e < end && d.eventDay(e) <= to; e++) {
          int code = d.eventValueCode(e);
          if (lookup.counts(d, e, k) && (code >= 0 ? in[code] : missingHolds)) {
            return true;
          }
        }
        return false;
      }
      int day = Integer.MIN_VALUE;
      boolean found = false;
      boolean coded = false;
      boolean inSet = false;
      for (int e = lookup.scanFrom(d, p, k), end = d.eventEnd(p); e < end; e++) {
        int start = d.eventDay(e);
        if (start > to || (!latest && found && start > day)) {
          break;
        }
        int code = d.eventValueCode(e);
        if (!lookup.counts(d, e, k) || (code < 0 && skipMissing)) {
          continue;
        }
        if (!found || start > day) { // events come in date order: a later day decides instead
          found = true;
          day = start;
          coded = false;
          inSet = false;
        }
        if (code >= 0) {
          coded = true;
          inSet |= in[code];
        }
      }
      return found && (coded ? inSet : missingHolds);
    }
  }

  /** The latest (or first) matching event has a value or a coded result. */
  static final class WithResult extends PerPatient {
    private final boolean latest;
    private final boolean any;

    WithResult(int id, EventLookup lookup, Pick pick) {
      super(id, lookup);
      this.latest = pick == Pick.LATEST;
      this.any = pick == Pick.ANY;
    }

    @Override
    boolean holds(PatientData d, int p, int k) {
      int to = lookup.toDay[k];
      int day = Integer.MIN_VALUE;
      boolean found = false;
      boolean result = false;
      for (int e = lookup.scanFrom(d, p, k), end = d.eventEnd(p); e < end; e++) {
        int start = d.eventDay(e);
        if (start > to || (!latest && !any && found && start > day)) {
          break;
        }
        if (!lookup.counts(d, e, k)) {
          continue;
        }
        if (any) {
          if (!Double.isNaN(d.eventValue(e)) || d.eventValueCode(e) >= 0) {
            return true;
          }
          continue;
        }
        if (!found || start > day) {
          found = true;
          day = start;
          result = false;
        }
        result |= !Double.isNaN(d.eventValue(e)) || d.eventValueCode(e) >= 0;
      }
      return result;
    }
  }

  /** The days of the window covered by matching events, at least a number or a share of them. */
  static final class CoveredDays extends PerPatient {
    private final Covered covered;

    CoveredDays(int id, EventLookup lookup, Covered covered) {
      super(id, lookup);
      this.covered = covered;
    }

    @Override
    boolean holds(PatientData d, int p, int k) {
      long windowDays = Math.max(0, (long) lookup.toDay[k] - lookup.fromDay[k] + 1);
      return covered.enough(coveredDays(d, p, k), windowDays);
    }

    /** The days of the window in at least one counted event; events come by start, so one pass merges them. */
    private long coveredDays(PatientData d, int p, int k) {
      int from = lookup.fromDay[k];
      int to = lookup.toDay[k];
      long days = 0;
      long coveredTo = (long) from - 1;
      for (int e = lookup.scanFrom(d, p, k), end = d.eventEnd(p); e < end && d.eventDay(e) <= to; e++) {
        if (!lookup.counts(d, e, k)) {
          continue;
        }
        long first = Math.max(Math.max(d.eventDay(e), from), coveredTo + 1);
        long last = Math.min(d.eventEndDay(e), to);
        if (last >= first) {
          days += last - first + 1;
          coveredTo = last;
        }
      }
      return days;
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
   * Picks the latest (or first) matching event whose value is present and convertible to the
   * target unit, or (unless missing events are skipped) any matching event; on the deciding day a
   * usable value goes before a missing one, and among usable values the tie rule chooses.
   * Returns NaN when no event decides, and {@link #MISSING} when one without a usable value does.
   */
  static final class ValuePicker {
    /** The deciding event has no usable value (values read are finite, so this is never one). */
    static final double MISSING = Double.NEGATIVE_INFINITY;

    final EventLookup lookup;
    final Pick pick;
    private final boolean skipMissing;
    private final boolean lowest;
    private final double[] scale;
    private final double[] offset;

    ValuePicker(EventLookup lookup, Pick pick, Missing missing, Tie tie, double[][] conversions) {
      this.lookup = lookup;
      this.pick = pick;
      this.skipMissing = missing == Missing.SKIP;
      this.lowest = tie == Tie.LOWEST;
      this.scale = conversions[0];
      this.offset = conversions[1];
    }

    /** Event {@code e}'s value converted to the target unit, or NaN when it has none or it cannot be converted. */
    private double usableValue(PatientData d, int e) {
      double raw = d.eventValue(e);
      int u = d.eventUnit(e) + 1;
      double s = scale[u];
      return Double.isNaN(raw) || Double.isNaN(s) ? Double.NaN : s * raw + offset[u];
    }

    /**
     * For {@code pick: any}: whether some counted event of patient {@code p} in period {@code k}
     * has a usable value that compares, or (with {@code missingHolds}) has none.
     */
    boolean anyHolds(PatientData d, int p, int k, Comparator comparator, double threshold, boolean missingHolds) {
      int to = lookup.toDay[k];
      for (int e = lookup.scanFrom(d, p, k), end = d.eventEnd(p); e < end && d.eventDay(e) <= to; e++) {
        if (!lookup.counts(d, e, k)) {
          continue;
        }
        double v = usableValue(d, e);
        if (Double.isNaN(v) ? missingHolds : comparator.test(v, threshold)) {
          return true;
        }
      }
      return false;
    }

    /** Patient {@code p}'s picked value (latest or first) in the window of period {@code k}, NaN, or {@link #MISSING}. */
    double pick(PatientData d, int p, int k) {
      int to = lookup.toDay[k];
      int bestDay = Integer.MIN_VALUE;
      boolean found = false;
      double best = Double.NaN;
      for (int e = lookup.scanFrom(d, p, k), end = d.eventEnd(p); e < end; e++) {
        int day = d.eventDay(e);
        if (day > to || (pick == Pick.FIRST && found && day > bestDay)) {
          break;
        }
        if (!lookup.counts(d, e, k)) {
          continue;
        }
        double v = usableValue(d, e);
        boolean usable = !Double.isNaN(v);
        if (!usable && skipMissing) {
          continue;
        }
        if (!found || day > bestDay) {
          found = true;
          bestDay = day;
          best = v;
        } else if (usable && (Double.isNaN(best) || (lowest ? v < best : v > best))) {
          best = v;
        }
      }
      return found && Double.isNaN(best) ? MISSING : best;
    }
  }
}
