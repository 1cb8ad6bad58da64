package org.klynge.core.engine;

import static org.klynge.core.engine.Membership.COUNTED;
import static org.klynge.core.engine.Membership.DENOMINATOR;
import static org.klynge.core.engine.Membership.DENOMINATOR_EXCEPTION;
import static org.klynge.core.engine.Membership.DENOMINATOR_EXCLUSION;
import static org.klynge.core.engine.Membership.INITIAL;
import static org.klynge.core.engine.Membership.NUMERATOR;
import static org.klynge.core.engine.Membership.NUMERATOR_EXCLUSION;


/**
 * The population order, in one place: initial population ⊇ denominator; exclusions removed
 * before the numerator; numerator exclusions removed from the numerator; exceptions only from
 * those not in the (remaining) numerator. For ratios the numerator is taken from the initial
 * population, independently of the denominator.
 */
final class PopulationLogic {

  private PopulationLogic() {}

  /** The populations the context's patient is in for {@code ind} and the context's period. */
  static int classify(Program.CompiledIndicator ind, EvalContext c) {
    if (!ind.initial().test(c)) {
      return 0;
    }
    int flags = INITIAL;
    boolean den = ind.denominator() == null || ind.denominator().test(c);
    boolean remaining = false;
    if (den) {
      flags |= DENOMINATOR;
      if (ind.denominatorExclusion() != null && ind.denominatorExclusion().test(c)) {
        flags |= DENOMINATOR_EXCLUSION;
      } else {
        remaining = true;
      }
    }
    boolean ratio = ind.ratio();
    boolean numeratorApplies = ratio || remaining;
    boolean inNumerator = false;
    if (numeratorApplies && ind.numerator() != null && ind.numerator().test(c)) {
      flags |= NUMERATOR;
      inNumerator = true;
      if (ind.numeratorExclusion() != null && ind.numeratorExclusion().test(c)) {
        flags |= NUMERATOR_EXCLUSION;
        inNumerator = false;
      }
    }
    if (remaining) {
      boolean excepted = !inNumerator && ind.denominatorException() != null && ind.denominatorException().test(c);
      if (excepted) {
        flags |= DENOMINATOR_EXCEPTION;
      } else {
        flags |= COUNTED;
      }
    }
    return flags;
  }
}
