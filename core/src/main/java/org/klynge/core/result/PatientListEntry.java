package org.klynge.core.result;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Set;

/**
 * One patient on a clinic's list for an indicator.
 *
 * @param patientId the patient
 * @param populations the populations the patient is in
 * @param counted whether the patient is in the denominator after exclusions and exceptions
 * @param inNumerator whether the patient is in the numerator after numerator exclusions
 * @param facts the facts that put the patient in these populations
 */
public record PatientListEntry(
    String patientId, ImmutableSet<Population> populations, boolean counted, boolean inNumerator,
    ImmutableList<String> facts) {

  public PatientListEntry {
    requireNonNull(patientId, "patientId");
    populations = ImmutableSet.copyOf((Set<Population>) populations);
    facts = ImmutableList.copyOf(facts);
  }

  /** Counted in the denominator but not in the numerator: the actionable gap (e.g. no HbA1c this year). */
  public boolean inGap() {
    return counted && !inNumerator;
  }
}
