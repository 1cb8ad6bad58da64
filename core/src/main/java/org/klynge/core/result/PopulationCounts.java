package org.klynge.core.result;

/**
 * The counts behind one result row. Populations nest as documented in
 * {@link org.klynge.core.definition.Populations}: the value of a proportion is
 * {@code (numerator − numeratorExclusions) ÷ (denominator − denominatorExclusions − denominatorExceptions)}.
 *
 * @param initialPopulation persons in the initial population
 * @param denominator persons in the denominator
 * @param denominatorExclusions persons excluded from the denominator
 * @param denominatorExceptions persons excepted from the denominator (not in the numerator)
 * @param numerator persons in the numerator
 * @param numeratorExclusions persons excluded from the numerator
 * @param events events counted (rates)
 * @param personDays days listed in the period of the counted persons (rates per person-year)
 * @param valued persons with a value (continuous scoring)
 * @param sumMillionths a summing rate's sum of its events' values, quantities or days, in
 *     millionths (exact in any order of addition; see {@link #sum()}); 0 for other scorings
 * @param notSummed a summing rate's matching events left out of the sum: no value or quantity,
 *     or a unit that does not convert to the rate's
 */
public record PopulationCounts(
    long initialPopulation,
    long denominator,
    long denominatorExclusions,
    long denominatorExceptions,
    long numerator,
    long numeratorExclusions,
    long events,
    long personDays,
    long valued,
    long sumMillionths,
    long notSummed) {

  /** The number of fields. */
  static final int FIELDS = 11;

  /** Counts of a scoring that sums nothing. */
  public PopulationCounts(long initialPopulation, long denominator, long denominatorExclusions,
      long denominatorExceptions, long numerator, long numeratorExclusions, long events, long personDays,
      long valued) {
    this(initialPopulation, denominator, denominatorExclusions, denominatorExceptions, numerator,
        numeratorExclusions, events, personDays, valued, 0, 0);
  }

  /** Counts from the slots {@code [offset, offset + FIELDS)} of an array. */
  static PopulationCounts of(long[] a, int offset) {
    return new PopulationCounts(a[offset], a[offset + 1], a[offset + 2], a[offset + 3], a[offset + 4],
        a[offset + 5], a[offset + 6], a[offset + 7], a[offset + 8], a[offset + 9], a[offset + 10]);
  }

  /** A summing rate's sum: {@link #sumMillionths} ÷ 1,000,000, e.g. 1,234.5 DDD. */
  public double sum() {
    return sumMillionths / 1e6;
  }

  /** Persons in the denominator after exclusions and exceptions. */
  public long effectiveDenominator() {
    return denominator - denominatorExclusions - denominatorExceptions;
  }

  /** Persons in the numerator after numerator exclusions. */
  public long effectiveNumerator() {
    return numerator - numeratorExclusions;
  }

  /** These counts minus {@code other}'s (for "rest of cluster"). */
  public PopulationCounts minus(PopulationCounts o) {
    return new PopulationCounts(initialPopulation - o.initialPopulation, denominator - o.denominator,
        denominatorExclusions - o.denominatorExclusions, denominatorExceptions - o.denominatorExceptions,
        numerator - o.numerator, numeratorExclusions - o.numeratorExclusions, events - o.events,
        personDays - o.personDays, valued - o.valued, sumMillionths - o.sumMillionths, notSummed - o.notSummed);
  }

  /** These counts plus {@code other}'s. */
  public PopulationCounts plus(PopulationCounts o) {
    return new PopulationCounts(initialPopulation + o.initialPopulation, denominator + o.denominator,
        denominatorExclusions + o.denominatorExclusions, denominatorExceptions + o.denominatorExceptions,
        numerator + o.numerator, numeratorExclusions + o.numeratorExclusions, events + o.events,
        personDays + o.personDays, valued + o.valued, sumMillionths + o.sumMillionths, notSummed + o.notSummed);
  }

  /** All zero. */
  public static final PopulationCounts ZERO = new PopulationCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
