package org.klynge.core.stats;

/**
 * One age–sex stratum for direct standardisation.
 *
 * @param label a name for messages, e.g. {@code "F 65-74"}
 * @param events events observed in the stratum
 * @param personTime persons or person-time at risk in the stratum
 * @param standardPopulation the stratum's size in the standard population (the weight)
 */
public record Stratum(String label, long events, double personTime, double standardPopulation) {
  public Stratum {
    if (label == null) {
      throw new IllegalArgumentException("stratum label is required");
    }
    if (events < 0) {
      throw new IllegalArgumentException("stratum " + label + ": events must be non-negative, got " + events);
    }
    if (!(personTime >= 0) || !Double.isFinite(personTime)) {
      throw new IllegalArgumentException(
          "stratum " + label + ": person-time must be finite and non-negative, got " + personTime);
    }
    if (personTime == 0 && events > 0) {
      throw new IllegalArgumentException("stratum " + label + ": " + events + " events with no person-time");
    }
    if (!(standardPopulation >= 0) || !Double.isFinite(standardPopulation)) {
      throw new IllegalArgumentException(
          "stratum " + label + ": standard population must be finite and non-negative, got " + standardPopulation);
    }
  }
}
