package org.klynge.core.definition;

import java.util.stream.Collectors;
import org.klynge.core.model.EventStatus;

/** Renders criteria in words, for explanations, patient lists and generated documentation. */
public final class CriterionText {

  private CriterionText() {}

  /** The criterion in one line, e.g. {@code has lab in 'hba1c' from period.start to period.end}. */
  public static String describe(Criterion c) {
    if (c instanceof HasEvent e) {
      return "has " + e.event().code() + " in '" + e.valueSet() + "'" + filters(e) + " " + window(e);
    }
    if (c instanceof EventCount e) {
      return "at least " + e.atLeast() + " " + e.event().code() + " in '" + e.valueSet() + "'" + filters(e) + " "
          + window(e);
    }
    if (c instanceof ValueCompared v) {
      return v.pick().code() + " " + v.event().code() + " value in '" + v.valueSet() + "'" + filters(v) + " "
          + window(v) + " " + v.comparator().symbol() + " " + number(v.threshold())
          + v.unit().map(u -> " " + u).orElse("")
          + (v.missing() == Missing.SKIP ? "" : v.missing() == Missing.HOLDS ? ", or no value" : ", with a value")
          + (v.tie() == Tie.LOWEST ? " (lowest of a day)" : "");
    }
    if (c instanceof CodedValue v) {
      return v.pick().code() + " " + v.event().code() + " in '" + v.valueSet() + "'" + filters(v) + " " + window(v)
          + " has a result in '" + v.in() + "'"
          + (v.missing() == Missing.SKIP ? "" : v.missing() == Missing.HOLDS ? ", or no result" : ", with a result");
    }
    if (c instanceof HasResult v) {
      return v.pick().code() + " " + v.event().code() + " in '" + v.valueSet() + "'" + filters(v) + " " + window(v)
          + " has a result";
    }
    if (c instanceof Covered v) {
      return "covered by " + v.event().code() + " in '" + v.valueSet() + "'" + filters(v) + " for at least "
          + v.days().map(d -> d + " days").orElseGet(() -> v.percent().orElse(0) + " % of the days") + " "
          + window(v.window());
    }
    if (c instanceof AgeInRange a) {
      if (a.min().isPresent() && a.max().isPresent()) {
        return "aged " + a.min().get() + "–" + a.max().get() + " on the reference date";
      }
      return a.min().map(m -> "aged " + m + " or older on the reference date")
          .orElse(a.max().map(m -> "aged " + m + " or younger on the reference date").orElse("any age"));
    }
    if (c instanceof SexIs s) {
      return "sex is " + s.sex().display();
    }
    if (c instanceof Listed l) {
      return l.coverage() == Listed.Coverage.AT_REFERENCE_DATE ? "listed with a clinic on the reference date"
          : "listed with a clinic on every day of the period";
    }
    if (c instanceof And and) {
      return "all of: " + and.all().stream().map(CriterionText::describe).collect(Collectors.joining("; "));
    }
    if (c instanceof Or or) {
      return "any of: " + or.any().stream().map(CriterionText::describe).collect(Collectors.joining("; "));
    }
    if (c instanceof Not not) {
      return "not (" + describe(not.criterion()) + ")";
    }
    PopulationRef ref = (PopulationRef) c;
    return "in population '" + ref.id() + "'";
  }

  /** The status filter in words, e.g. {@code  (final or amended)}; empty when any status counts. */
  private static String filters(EventCriterion e) {
    if (e.status().isEmpty()) {
      return "";
    }
    return " (" + e.status().stream().map(EventStatus::code).collect(Collectors.joining(" or ")) + ")";
  }

  /** The window with the relation, e.g. {@code overlapping the period}. */
  private static String window(EventCriterion e) {
    return switch (e.relation()) {
      case STARTS -> window(e.window());
      case ENDS -> "ending " + window(e.window());
      case OVERLAPS -> "overlapping " + window(e.window()).replaceFirst("^in ", "");
      case DURING -> "lasting only " + window(e.window());
    };
  }

  /** A window in words, e.g. {@code from period.start to period.end}. */
  public static String window(Window w) {
    if (w.equals(Window.PERIOD)) {
      return "in the period";
    }
    if (w.from().anchor() == Bound.Anchor.EVER) {
      return "ever up to " + w.to();
    }
    return "from " + w.from() + " to " + w.to();
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
