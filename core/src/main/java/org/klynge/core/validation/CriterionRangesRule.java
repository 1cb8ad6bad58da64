package org.klynge.core.validation;

import java.util.List;
import org.klynge.core.definition.AgeInRange;
import org.klynge.core.definition.Bound;
import org.klynge.core.definition.Covered;
import org.klynge.core.definition.ValueCompared;

/**
 * Ages are 0–150 with min ≤ max, and an age range limits something; thresholds are finite; a
 * coverage criterion gives either days or a percentage, and a percentage only of a window with a
 * first day.
 */
final class CriterionRangesRule implements Rule {
  @Override
  public void check(CheckContext context, List<Diagnostic> out) {
    for (var site : DefinitionWalker.criteria(context.documents())) {
      if (site.node() instanceof AgeInRange age) {
        age.min().filter(m -> m < 0 || m > 150).ifPresent(m -> out.add(
            Diagnostic.error(site.source(), site.path() + ".min", "age must be 0–150, was " + m)));
        age.max().filter(m -> m < 0 || m > 150).ifPresent(m -> out.add(
            Diagnostic.error(site.source(), site.path() + ".max", "age must be 0–150, was " + m)));
        if (age.min().isPresent() && age.max().isPresent() && age.min().get() > age.max().get()) {
          out.add(Diagnostic.error(site.source(), site.path() + ".min",
              "min (" + age.min().get() + ") must not be above max (" + age.max().get() + ")"));
        }
        if (age.min().isEmpty() && age.max().isEmpty()) {
          out.add(site.warning("age range has neither min nor max, so it is always true"));
        }
      } else if (site.node() instanceof ValueCompared v && !Double.isFinite(v.threshold())) {
        out.add(Diagnostic.error(site.source(), site.path() + ".threshold", "must be a finite number"));
      } else if (site.node() instanceof Covered covered) {
        if (covered.days().isPresent() == covered.percent().isPresent()) {
          out.add(Diagnostic.error(site.source(), site.path(), "give exactly one of days and percent"));
        }
        // days ≥ 1 and percent 1–100 are the record's constraints, reported with the others
        if (covered.percent().isPresent() && covered.window().from().anchor() == Bound.Anchor.EVER) {
          out.add(Diagnostic.error(site.source(), site.path() + ".window.from",
              "a share of the window needs a window with a first day, not 'ever'"));
        }
      }
    }
  }
}
