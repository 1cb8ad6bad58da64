package org.klynge.core.engine;

/**
 * The population order, in one place: initial population ⊇ denominator; exclusions removed
 * before the numerator; numerator exclusions removed from the numerator; exceptions only from
 * those not in the (remaining) numerator. For ratios the numerator is taken from the initial
 * population, independently of the denominator.
 *
 * <p>Works on a block of patients at once (one bit each, see {@link EvalContext}); each
 * population's criterion is asked only about the patients the order lets reach it.
 */
final class PopulationLogic {
  /** The block's patients in the initial population. */
  long initial;
  long denominator;
  long denominatorExclusion;
  long denominatorException;
  long numerator;
  long numeratorExclusion;
  /** In the denominator after exclusions and exceptions: the persons a rate or mean counts. */
  long counted;

  /** Sorts the block's patients in {@code select} into {@code ind}'s populations for the context's period. */
  void classify(Program.CompiledIndicator ind, EvalContext c, long select) {
    initial = ind.initial().eval(c, select);
    denominator = ind.denominator() == null ? initial : ind.denominator().eval(c, initial);
    denominatorExclusion = ind.denominatorExclusion() == null ? 0
        : ind.denominatorExclusion().eval(c, denominator);
    long remaining = denominator & ~denominatorExclusion;
    long candidates = ind.ratio() ? initial : remaining;
    numerator = ind.numerator() == null ? 0 : ind.numerator().eval(c, candidates);
    numeratorExclusion = ind.numeratorExclusion() == null ? 0 : ind.numeratorExclusion().eval(c, numerator);
    long inNumerator = numerator & ~numeratorExclusion;
    denominatorException = ind.denominatorException() == null ? 0
        : ind.denominatorException().eval(c, remaining & ~inNumerator);
    counted = remaining & ~denominatorException;
  }
}
