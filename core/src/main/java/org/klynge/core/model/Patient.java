package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * A person in the data.
 *
 * @param id the patient's pseudonymous id
 * @param sex sex
 * @param birthDate date of birth
 * @param deathDate date of death, when dead
 */
public record Patient(String id, Sex sex, LocalDate birthDate, Optional<LocalDate> deathDate) {

  public Patient {
    requireNonNull(id, "id");
    requireNonNull(sex, "sex");
    requireNonNull(birthDate, "birthDate");
    deathDate = deathDate == null ? Optional.empty() : deathDate;
    if (deathDate.isPresent() && deathDate.get().isBefore(birthDate)) {
      throw new IllegalArgumentException("patient " + id + " dies before being born");
    }
  }

  /** A living patient. */
  public static Patient of(String id, Sex sex, LocalDate birthDate) {
    return new Patient(id, sex, birthDate, Optional.empty());
  }

  /** Age in whole years on {@code date}; a person born on 29 February turns a year older on 1 March in non-leap years. */
  public int ageOn(LocalDate date) {
    return Period.between(birthDate, date).getYears();
  }
}
