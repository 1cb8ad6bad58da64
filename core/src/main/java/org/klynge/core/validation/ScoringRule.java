package org.klynge.core.validation;

import java.util.List;
import org.klynge.core.definition.Continuous;
import org.klynge.core.definition.Direction;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.Pick;
import org.klynge.core.definition.Proportion;
import org.klynge.core.definition.Rate;
import org.klynge.core.definition.Ratio;

/**
 * Scoring and populations must fit: proportions and ratios need a numerator; a continuous scoring
 * picks one value (latest or first); a rate that sums values names their unit, and only such a rate
 * has one; a standard on a proportion is a percentage (0–100) and needs
 * a direction.
 */
final class ScoringRule implements Rule {
  @Override
  public void check(CheckContext context, List<Diagnostic> out) {
    for (Site<Indicator> site : DefinitionWalker.indicators(context.documents())) {
      Indicator ind = site.node();
      boolean needsNumerator = ind.scoring() instanceof Proportion || ind.scoring() instanceof Ratio;
      if (needsNumerator && ind.populations().numerator().isEmpty()) {
        out.add(site.error("a " + (ind.scoring() instanceof Proportion ? "proportion" : "ratio")
            + " needs populations.numerator").withPath(site.path() + ".populations.numerator"));
      }
      if (ind.scoring() instanceof Rate rate) {
        checkSum(site, rate, out);
      }
      if (ind.scoring() instanceof Continuous continuous && continuous.pick() == Pick.ANY) {
        out.add(Diagnostic.error(site.source(), site.path() + ".scoring.pick",
            "a continuous scoring takes one value per patient: pick latest or first, not any"));
      }
      ind.standard().ifPresent(standard -> {
        if (ind.scoring() instanceof Proportion && (standard.target() < 0 || standard.target() > 100)) {
          out.add(Diagnostic.error(site.source(), site.path() + ".standard.target",
              "a proportion's standard is a percentage and must be 0–100, was " + standard.target()));
        }
        if (ind.direction() == Direction.NEITHER) {
          out.add(Diagnostic.error(site.source(), site.path() + ".direction",
              "an indicator with a standard must say whether higher or lower is better"));
        }
      });
    }
  }

  /** A rate that sums values says in which unit; no other rate has a unit to sum in. */
  private static void checkSum(Site<Indicator> site, Rate rate, List<Diagnostic> out) {
    String path = site.path() + ".scoring.unit";
    if (rate.sum() == Rate.Summed.VALUE && rate.unit().isEmpty()) {
      out.add(Diagnostic.error(site.source(), path,
          "a rate that sums value needs the unit it sums in, e.g. unit: DDD; events whose value is in another"
              + " unit are then left out of the sum"));
    }
    if (rate.sum() != Rate.Summed.VALUE && rate.unit().isPresent()) {
      out.add(Diagnostic.error(site.source(), path,
          "only a rate that sums value has a unit; this one sums " + rate.sum().code()
              + " (add sum: value, or remove unit)"));
    }
  }
}
