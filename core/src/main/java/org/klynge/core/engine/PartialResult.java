package org.klynge.core.engine;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.Serializable;
import java.time.LocalDate;
import org.klynge.core.data.Reconciliation;
import org.klynge.core.definition.MeasurementPeriod;

/**
 * What evaluating one part of an extract gives: the counts per indicator, period and clinic,
 * the values of continuous indicators, and the part's reconciliation. Parts are the patients of
 * one partition, each with all of their listings and events and with the whole organisation
 * (the same clinics in the same order), as a Spark or map-reduce job has them. Partial results
 * merge by addition, which is exact and associative, so the result never depends on how
 * patients were divided; {@link Evaluator#finish} turns the merged counts into the same
 * {@link org.klynge.core.result.ResultTable} {@link Evaluator#evaluate} gives for the whole
 * extract (which takes the same path, with one part). Serialisable, for shipping between
 * machines; immutable.
 *
 * <pre>{@code
 * PartialResult merged = parts.stream().map(part -> evaluator.evaluatePart(part, options))
 *     .reduce(PartialResult::plus).orElseThrow();
 * ResultTable results = evaluator.finish(merged, organisation);
 * }</pre>
 *
 * <p>Counts, values and the reconciliation's counts are the same however the patients are
 * divided; the reconciliation's examples (up to 20 per reason) are those of the first parts
 * merged. An {@code event_id} is checked for duplicates within a part only.
 */
public final class PartialResult implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<String> indicatorKeys;
  private final ImmutableList<MeasurementPeriod> periods;
  private final ImmutableList<String> clinicIds;
  private final ImmutableSortedMap<String, LocalDate> asOf;
  private final Tally tally;
  private final Reconciliation reconciliation;

  PartialResult(ImmutableList<String> indicatorKeys, ImmutableList<MeasurementPeriod> periods,
      ImmutableList<String> clinicIds, ImmutableSortedMap<String, LocalDate> asOf, Tally tally,
      Reconciliation reconciliation) {
    this.indicatorKeys = indicatorKeys;
    this.periods = periods;
    this.clinicIds = clinicIds;
    this.asOf = asOf;
    this.tally = tally;
    this.reconciliation = reconciliation;
  }

  /**
   * This part and {@code other} together.
   *
   * @throws IllegalArgumentException when the two are of other indicators, periods, clinics or
   *     data dates (parts of different evaluations)
   */
  public PartialResult plus(PartialResult other) {
    requireNonNull(other, "other");
    requireSame("indicators", indicatorKeys, other.indicatorKeys);
    requireSame("periods", periods, other.periods);
    requireSame("clinics", clinicIds, other.clinicIds);
    requireSame("data dates (as of)", asOf, other.asOf);
    Tally sum = tally.countsOnly();
    sum.mergeFrom(other.tally);
    return new PartialResult(indicatorKeys, periods, clinicIds, asOf, sum, reconciliation.plus(other.reconciliation));
  }

  private static void requireSame(String what, Object mine, Object theirs) {
    if (!mine.equals(theirs)) {
      throw new IllegalArgumentException("cannot merge partial results of other " + what + ": " + mine + " and "
          + theirs);
    }
  }

  /** The keys ({@code id@version}) of the indicators evaluated, in output order. */
  public ImmutableList<String> indicatorKeys() {
    return indicatorKeys;
  }

  /** The periods evaluated. */
  public ImmutableList<MeasurementPeriod> periods() {
    return periods;
  }

  /** The clinic ids of the organisation, in the order the counts are kept. */
  public ImmutableList<String> clinicIds() {
    return clinicIds;
  }

  /** The date each source's data is complete to. */
  public ImmutableSortedMap<String, LocalDate> asOf() {
    return asOf;
  }

  /** The account of the rows of the parts merged so far, with the rows no evaluated indicator used excluded. */
  public Reconciliation reconciliation() {
    return reconciliation;
  }

  Tally tally() {
    return tally;
  }
}
