package org.klynge.core.stats;

/**
 * A standard judged two ways: by the point value alone, and with the confidence interval.
 *
 * @param point the plain comparison of the value with the target
 * @param withUncertainty MET or NOT_MET only when the whole interval lies on one side of the target
 */
public record StandardAssessment(Fulfilment point, Fulfilment withUncertainty) {
  public StandardAssessment {
    if (point == null || withUncertainty == null) {
      throw new IllegalArgumentException("both judgements are required");
    }
  }
}
