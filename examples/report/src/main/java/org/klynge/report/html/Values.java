package org.klynge.report.html;

import java.util.Optional;
import org.klynge.core.definition.Continuous;
import org.klynge.core.definition.Direction;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.Proportion;
import org.klynge.core.definition.Rate;
import org.klynge.core.result.Comparison;
import org.klynge.core.stats.Coefficient;
import org.klynge.core.stats.Estimate;
import org.klynge.core.stats.Fulfilment;
import org.klynge.core.stats.Interval;

/** An indicator's values, intervals, units and comparisons as text in the report's language. */
final class Values {

  private final Messages m;
  private final Indicator ind;
  private final String unit;

  /**
   * @param m the language
   * @param ind the indicator
   * @param unit its unit in the report's language (empty for none)
   */
  Values(Messages m, Indicator ind, String unit) {
    this.m = m;
    this.ind = ind;
    this.unit = unit;
  }

  private int decimals() {
    return ind.scoring() instanceof Proportion || ind.scoring() instanceof Continuous || ind.scoring() instanceof Rate
        ? 1 : 2;
  }

  /** A value: {@code 89,1}. */
  String value(double v) {
    return m.number(v, decimals());
  }

  /** A signed value: {@code +1,2}. */
  String signed(double v) {
    String s = value(v);
    return v > 0 && !s.matches("[0.,]+") ? "+" + s : s;
  }

  /** An interval: {@code 85,3–92,0}. */
  String interval(Interval i) {
    return m.text("format.interval", value(i.lower()), value(i.upper()));
  }

  /** An estimate with its interval, or "no value". */
  String estimate(Optional<Estimate> e) {
    return e.map(x -> m.text("format.estimate", value(x.value()), interval(x.interval()))).orElse(m.text("value.none"));
  }

  /** A regression coefficient, signed, with its interval. */
  String coefficient(Coefficient c) {
    return m.text("format.estimate", signed(c.estimate()), interval(c.interval()));
  }

  /** The unit as shown in column heads and on axes. */
  String shortUnit() {
    if (!unit.isEmpty()) {
      return unit;
    }
    if (ind.scoring() instanceof Proportion) {
      return "%";
    }
    if (ind.scoring() instanceof Rate rate) {
      String key = switch (rate.base()) {
        case PERSONS -> "unit.perPersons";
        case PERSON_YEARS -> "unit.perPersonYears";
        case PERSON_DAYS -> "unit.perPersonDays";
      };
      return m.text(key, m.count(rate.per()));
    }
    return m.text("unit.ratio");
  }

  /** The kind of indicator and its unit: "Andel, %". */
  String kind() {
    String kind = ind.scoring() instanceof Proportion ? "kind.proportion" : ind.scoring() instanceof Rate ? "kind.rate"
        : ind.scoring() instanceof Continuous ? "kind.continuous" : "kind.ratio";
    return m.text("format.kindAndUnit", m.text(kind), shortUnit());
  }

  /** Which way is better. */
  String direction() {
    return m.text(ind.direction() == Direction.HIGHER_IS_BETTER ? "direction.higher"
        : ind.direction() == Direction.LOWER_IS_BETTER ? "direction.lower" : "direction.neither");
  }

  /** A comparison with the rest of the cluster or the nation, with its verdict. */
  String comparison(Comparison c) {
    Estimate e = c.estimate();
    if (c.kind() == Comparison.Kind.DIFFERENCE) {
      String verdict = e.interval().lower() > 0 ? "compare.higher" : e.interval().upper() < 0 ? "compare.lower"
          : "compare.unclear";
      String difference = m.number(e.value(), 1);
      return m.text("compare.difference", e.value() > 0 && !difference.matches("[0.,]+") ? "+" + difference : difference,
          m.text("format.interval", m.number(e.interval().lower(), 1), m.number(e.interval().upper(), 1)),
          m.text(verdict));
    }
    String verdict = e.interval().lower() > 1 ? "compare.higher" : e.interval().upper() < 1 ? "compare.lower"
        : "compare.unclear";
    return m.text("compare.ratio", m.number(e.value(), 2),
        m.text("format.interval", m.number(e.interval().lower(), 2), m.number(e.interval().upper(), 2)), m.text(verdict));
  }

  /** Whether a standard is met, as marked-up text. */
  String fulfilment(Fulfilment f) {
    return switch (f) {
      case MET -> "<span class=\"met\">" + Svg.escape(m.text("standard.met")) + "</span>";
      case NOT_MET -> "<span class=\"not-met\">" + Svg.escape(m.text("standard.notMet")) + "</span>";
      case NOT_DETERMINABLE -> Svg.escape(m.text("standard.cannotTell"));
      case NOT_APPLICABLE -> Svg.escape(m.text("standard.notApplicable"));
    };
  }
}
