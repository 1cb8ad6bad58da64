package org.klynge.core.result;

import java.util.OptionalDouble;
import org.klynge.core.definition.Continuous;
import org.klynge.core.definition.Proportion;
import org.klynge.core.definition.Rate;
import org.klynge.core.definition.Ratio;
import org.klynge.core.definition.Scoring;

/**
 * The arithmetic of indicator values, as pure functions. Every function returns an empty value
 * when its denominator is 0, never NaN or infinity.
 */
public final class Scores {

  /** Days in an average year, for person-years: 365.25. */
  public static final double DAYS_PER_YEAR = 365.25;

  private Scores() {}

  /**
   * The value of an indicator from its counts and, for continuous scoring, the sorted values.
   *
   * @param sortedValues the persons' values in ascending order (continuous scoring only)
   */
  public static OptionalDouble value(Scoring scoring, PopulationCounts c, double[] sortedValues) {
    if (scoring instanceof Proportion) {
      return percent(c.effectiveNumerator(), c.effectiveDenominator());
    }
    if (scoring instanceof Ratio) {
      return ratio(c.effectiveNumerator(), c.effectiveDenominator());
    }
    if (scoring instanceof Rate rate) {
      double amount = rate.countsEvents() ? c.events() : c.sum();
      return switch (rate.base()) {
        case PERSONS -> ratePer(amount, c.effectiveDenominator(), rate.per());
        case PERSON_YEARS -> ratePerPersonYears(amount, c.personDays(), rate.per());
        case PERSON_DAYS -> ratePerPersonDays(amount, c.personDays(), rate.per());
      };
    }
    Continuous cont = (Continuous) scoring;
    return cont.aggregate() == Continuous.Aggregate.MEAN ? mean(sortedValues) : median(sortedValues);
  }

  /** {@code 100 × numerator ÷ denominator}; e.g. 57 of 60 is 95.0. */
  public static OptionalDouble percent(long numerator, long denominator) {
    return denominator <= 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * numerator / denominator);
  }

  /** {@code numerator ÷ denominator}; e.g. 3 ÷ 4 is 0.75. */
  public static OptionalDouble ratio(long numerator, long denominator) {
    return denominator <= 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
  }

  /** {@code events × per ÷ persons}; e.g. 120 prescriptions for 800 women per 1,000 is 150.0. */
  public static OptionalDouble ratePer(double events, long persons, int per) {
    return persons <= 0 ? OptionalDouble.empty() : OptionalDouble.of(events * per / persons);
  }

  /** {@code events × per ÷ (personDays ÷ 365.25)}; e.g. 10 events in 3,652.5 person-days per 1,000 is 1,000.0. */
  public static OptionalDouble ratePerPersonYears(double events, long personDays, int per) {
    return personDays <= 0 ? OptionalDouble.empty()
        : OptionalDouble.of(events * per * DAYS_PER_YEAR / personDays);
  }

  /** {@code amount × per ÷ personDays}; e.g. 7,320 DDD over 366,000 person-days per 1,000 is 20.0 DDD per 1,000 per day. */
  public static OptionalDouble ratePerPersonDays(double amount, long personDays, int per) {
    return personDays <= 0 ? OptionalDouble.empty() : OptionalDouble.of(amount * per / personDays);
  }

  /** The arithmetic mean, summed in ascending order so it does not depend on input order. */
  public static OptionalDouble mean(double[] sorted) {
    if (sorted.length == 0) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    return OptionalDouble.of(sum / sorted.length);
  }

  /** The median: the middle value, or the mean of the two middle values; e.g. [1, 2, 4, 9] gives 3.0. */
  public static OptionalDouble median(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
  }
}
