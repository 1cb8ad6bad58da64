package org.klynge.core.result;

import java.util.Optional;
import org.klynge.core.stats.Interval;
import org.klynge.core.stats.StandardAssessment;

/**
 * The statistics of one result row, all in the row's own units. Every part is empty where it does
 * not apply or cannot be computed (no value, zero denominator, continuous scoring, no parent).
 *
 * @param interval the 95 % confidence interval of the value (none for continuous scoring)
 * @param standard the standard judged by the value and by the interval, when the indicator has one
 * @param funnel funnel limits around the parent's value (clinics: their cluster; clusters: the nation)
 * @param vsRest a clinic against the rest of its cluster
 * @param vsNation a clinic, cluster or region against the rest of the nation (the nation without it)
 * @param standing a clinic's percentile among all clinics, or on the nation's row their deciles
 */
public record RowStatistics(
    Optional<Interval> interval,
    Optional<StandardAssessment> standard,
    Optional<Funnel> funnel,
    Optional<Comparison> vsRest,
    Optional<Comparison> vsNation,
    Optional<NationalStanding> standing) {

  /** No statistics at all (for example, for a suppressed row). */
  public static final RowStatistics NONE = new RowStatistics(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty());

  public RowStatistics {
    interval = interval == null ? Optional.empty() : interval;
    standard = standard == null ? Optional.empty() : standard;
    funnel = funnel == null ? Optional.empty() : funnel;
    vsRest = vsRest == null ? Optional.empty() : vsRest;
    vsNation = vsNation == null ? Optional.empty() : vsNation;
    standing = standing == null ? Optional.empty() : standing;
  }

  /** Statistics without a national standing. */
  public RowStatistics(Optional<Interval> interval, Optional<StandardAssessment> standard, Optional<Funnel> funnel,
      Optional<Comparison> vsRest, Optional<Comparison> vsNation) {
    this(interval, standard, funnel, vsRest, vsNation, Optional.empty());
  }

  /** These statistics without the funnel. */
  public RowStatistics withoutFunnel() {
    return new RowStatistics(interval, standard, Optional.empty(), vsRest, vsNation, standing);
  }

  /** These statistics without the comparison with the rest of the cluster. */
  public RowStatistics withoutVsRest() {
    return new RowStatistics(interval, standard, funnel, Optional.empty(), vsNation, standing);
  }

  /** These statistics without the comparison with the rest of the nation. */
  public RowStatistics withoutVsNation() {
    return new RowStatistics(interval, standard, funnel, vsRest, Optional.empty(), standing);
  }

  /** These statistics with {@code national} as the standing. */
  public RowStatistics withStanding(Optional<NationalStanding> national) {
    return new RowStatistics(interval, standard, funnel, vsRest, vsNation, national);
  }
}
