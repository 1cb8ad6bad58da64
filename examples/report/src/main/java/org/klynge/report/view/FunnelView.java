package org.klynge.report.view;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.klynge.core.stats.Measure;

/**
 * What a funnel plot shows: the cluster's clinics over the package period.
 *
 * @param points the clinics plotted
 * @param suppressed clinics not plotted because they are suppressed
 * @param empty clinics not plotted because they have no patients in the denominator
 * @param incomplete clinics not plotted because their data are incomplete (their values are withheld)
 * @param centre the cluster's value, around which the limits are drawn
 * @param measure how the limits are computed; empty for continuous summaries and person-year rates
 * @param limits whether limits are drawn
 * @param overdispersed whether the clinics are overdispersed (the listed positions use widened limits)
 * @param continuous whether the indicator is a continuous summary, which has no funnel
 */
public record FunnelView(
    List<FunnelPoint> points,
    int suppressed,
    int empty,
    int incomplete,
    Optional<Double> centre,
    Optional<Measure> measure,
    boolean limits,
    boolean overdispersed,
    boolean continuous) {
  public FunnelView {
    points = ImmutableList.copyOf(points);
    requireNonNull(centre, "centre");
    requireNonNull(measure, "measure");
  }
}
