package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * A redeemed prescription (Ordiprax+ style): the drug's ATC code, the redemption date, the
 * number of packages and, where known, the defined daily doses.
 *
 * @param patientId the patient
 * @param date the redemption date
 * @param atc the ATC code, e.g. {@code J01CA08}
 * @param packages packages redeemed, at least 0
 * @param definedDailyDoses DDD redeemed, when known
 */
public record Prescription(
    String patientId, LocalDate date, String atc, double packages, OptionalDouble definedDailyDoses)
    implements Event {

  public Prescription {
    requireNonNull(patientId, "patientId");
    requireNonNull(date, "date");
    requireNonNull(atc, "atc");
    definedDailyDoses = definedDailyDoses == null ? OptionalDouble.empty() : definedDailyDoses;
    if (!(packages >= 0)) {
      throw new IllegalArgumentException("packages must be 0 or more, was " + packages);
    }
  }

  /** One package of {@code atc} redeemed on {@code date}. */
  public static Prescription of(String patientId, LocalDate date, String atc) {
    return new Prescription(patientId, date, atc, 1, OptionalDouble.empty());
  }

  @Override
  public EventType type() {
    return EventType.PRESCRIPTION;
  }

  @Override
  public Code code() {
    return new Code(CodeSystem.ATC, atc);
  }

  @Override
  public OptionalDouble value() {
    return definedDailyDoses;
  }

  @Override
  public OptionalDouble quantity() {
    return OptionalDouble.of(packages);
  }
}
