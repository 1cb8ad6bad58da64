package org.klynge.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The code systems events are recorded in. Hierarchical systems match by prefix: the ATC code
 * {@code J01} includes {@code J01CA08}, the ICD-10 code {@code DE11} includes {@code DE119}.
 */
public enum CodeSystem {
  /** WHO Anatomical Therapeutic Chemical classification (redeemed prescriptions). */
  ATC("atc", true),
  /** International Classification of Primary Care, 2nd edition (diagnoses in general practice). */
  ICPC2("icpc2", true),
  /** ICD-10 as used in Danish registries, with the leading {@code D} (e.g. {@code DE11}). */
  ICD10("icd10", true),
  /** Nomenclature for Properties and Units (Danish lab codes, e.g. {@code NPU27300} HbA1c). */
  NPU("npu", false),
  /** Logical Observation Identifiers Names and Codes. */
  LOINC("loinc", false),
  /** Fee codes of the collective agreement (ydelseskoder), e.g. {@code 0101}. */
  FEE("fee", false),
  /** Questionnaire items, written {@code questionnaire/item}. */
  QUESTIONNAIRE("questionnaire", false);

  private final String code;
  private final boolean hierarchical;

  CodeSystem(String code, boolean hierarchical) {
    this.code = code;
    this.hierarchical = hierarchical;
  }

  /** The name used in definitions and data files. */
  @JsonValue
  public String code() {
    return code;
  }

  /** Whether a code includes every code it is a prefix of. */
  public boolean hierarchical() {
    return hierarchical;
  }

  /** The system with this name (case-insensitive), if any. */
  public static Optional<CodeSystem> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equalsIgnoreCase(code)).findFirst();
  }

  /** The valid names, for error messages. */
  public static String validCodes() {
    return Arrays.stream(values()).map(CodeSystem::code).collect(Collectors.joining(", "));
  }

  @JsonCreator
  static CodeSystem parse(String code) {
    return fromCode(code)
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown code system '" + code + "', expected one of " + validCodes()));
  }
}
