package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A code system events are recorded in, with its matching rule. In a {@link Hierarchy#PREFIX
 * prefix} system a code includes every code it is a prefix of (the ATC code {@code J01} includes
 * {@code J01CA08}, the ICD-10 code {@code DE11} includes {@code DE119}); in an {@link
 * Hierarchy#EXACT exact} system a code includes only itself.
 *
 * <p>The built-in systems are the constants below ({@link #builtIns()}); a definition file may
 * declare more ({@code codeSystems: [{id: read2, title: Read codes v2, hierarchy: prefix}]}).
 * The systems an extract may use are a {@link CodeSystems}.
 *
 * @param id the name used in definitions and data files: lower-case letters and digits, in words
 *     joined by {@code -}, {@code .} or {@code _} (e.g. {@code icd10cm})
 * @param title a human title
 * @param hierarchy how a code matches other codes
 */
public record CodeSystem(String id, String title, Hierarchy hierarchy) {

  /** The form of an id. */
  public static final String ID_PATTERN = "[a-z0-9]+(?:[-._][a-z0-9]+)*";
  private static final Pattern ID = Pattern.compile(ID_PATTERN);

  /** How codes of a system match each other. */
  public enum Hierarchy {
    /** A code includes every code it is a prefix of. */
    PREFIX("prefix"),
    /** A code includes only itself. */
    EXACT("exact");

    private final String code;

    Hierarchy(String code) {
      this.code = code;
    }

    /** The name used in definition files. */
    @JsonValue
    public String code() {
      return code;
    }

    /** The hierarchy with this name, if any. */
    public static Optional<Hierarchy> fromCode(String code) {
      return Arrays.stream(values()).filter(h -> h.code.equals(code)).findFirst();
    }

    @JsonCreator
    static Hierarchy parse(String code) {
      return fromCode(code).orElseThrow(() -> new IllegalArgumentException(
          "unknown hierarchy '" + code + "', expected prefix or exact"));
    }
  }

  /** WHO Anatomical Therapeutic Chemical classification (redeemed prescriptions). */
  public static final CodeSystem ATC = new CodeSystem("atc", "WHO Anatomical Therapeutic Chemical classification",
      Hierarchy.PREFIX);
  /** International Classification of Primary Care, 2nd edition (diagnoses in general practice). */
  public static final CodeSystem ICPC2 = new CodeSystem("icpc2", "International Classification of Primary Care, 2nd edition",
      Hierarchy.PREFIX);
  /** ICD-10 as used in Danish registries, with the leading {@code D} (e.g. {@code DE11}). */
  public static final CodeSystem ICD10 = new CodeSystem("icd10", "ICD-10 (WHO; Danish registries write a leading D)",
      Hierarchy.PREFIX);
  /** ICD-10-CM, the United States' clinical modification of ICD-10 (e.g. {@code E119}). */
  public static final CodeSystem ICD10CM = new CodeSystem("icd10cm", "ICD-10-CM (United States clinical modification)",
      Hierarchy.PREFIX);
  /**
   * SKS, the Danish health-care classification system (sundhedsvæsenets klassifikationssystem):
   * diagnoses ({@code DE11}), procedures ({@code KJFB}), care and administration codes.
   */
  public static final CodeSystem SKS = new CodeSystem("sks", "SKS, the Danish health-care classification system",
      Hierarchy.PREFIX);
  /** Nomenclature for Properties and Units (Danish lab codes, e.g. {@code NPU27300} HbA1c). */
  public static final CodeSystem NPU = new CodeSystem("npu", "Nomenclature for Properties and Units", Hierarchy.EXACT);
  /** Logical Observation Identifiers Names and Codes. */
  public static final CodeSystem LOINC = new CodeSystem("loinc", "LOINC", Hierarchy.EXACT);
  /** Fee codes of the collective agreement (ydelseskoder), e.g. {@code 0101}. */
  public static final CodeSystem FEE = new CodeSystem("fee", "Fee codes of the collective agreement (ydelseskoder)",
      Hierarchy.EXACT);
  /** Questionnaire items, written {@code questionnaire/item}. */
  public static final CodeSystem QUESTIONNAIRE = new CodeSystem("questionnaire", "Questionnaire items", Hierarchy.EXACT);
  /**
   * SNOMED CT concept ids. Matched exactly: a concept does not include its descendants, since
   * subsumption needs the SNOMED CT relationship tables, which Klynge does not hold; list the
   * descendants in the value set (as a value-set expansion does).
   */
  public static final CodeSystem SNOMED = new CodeSystem("snomed", "SNOMED CT", Hierarchy.EXACT);
  /** Current Procedural Terminology (AMA), United States procedure codes. */
  public static final CodeSystem CPT = new CodeSystem("cpt", "Current Procedural Terminology", Hierarchy.EXACT);
  /** Healthcare Common Procedure Coding System, level II (United States). */
  public static final CodeSystem HCPCS = new CodeSystem("hcpcs", "Healthcare Common Procedure Coding System",
      Hierarchy.EXACT);
  /** RxNorm concept ids (United States medicines). */
  public static final CodeSystem RXNORM = new CodeSystem("rxnorm", "RxNorm", Hierarchy.EXACT);

  private static final ImmutableList<CodeSystem> BUILT_INS = ImmutableList.of(
      ATC, ICPC2, ICD10, ICD10CM, SKS, NPU, LOINC, FEE, QUESTIONNAIRE, SNOMED, CPT, HCPCS, RXNORM);

  public CodeSystem {
    requireNonNull(id, "id");
    requireNonNull(hierarchy, "hierarchy");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("code system id '" + id + "' must be lower-case letters and digits, in words"
          + " joined by '-', '.' or '_' (e.g. icd10cm)");
    }
    title = title == null || title.isBlank() ? id : title;
  }

  /** A system in which codes match exactly, titled by its id. */
  public static CodeSystem exact(String id) {
    return new CodeSystem(id, id, Hierarchy.EXACT);
  }

  /** A system in which codes match by prefix, titled by its id. */
  public static CodeSystem prefix(String id) {
    return new CodeSystem(id, id, Hierarchy.PREFIX);
  }

  /** The built-in systems, in a fixed order. */
  public static ImmutableList<CodeSystem> builtIns() {
    return BUILT_INS;
  }

  /** The built-in system with this id (ignoring case), if any. */
  public static Optional<CodeSystem> builtIn(String id) {
    String lower = id.toLowerCase(Locale.ROOT);
    return BUILT_INS.stream().filter(s -> s.id.equals(lower)).findFirst();
  }

  /** The built-in ids, for messages. */
  public static String builtInIds() {
    return BUILT_INS.stream().map(CodeSystem::id).collect(Collectors.joining(", "));
  }

  /** Whether a code includes every code it is a prefix of. */
  public boolean hierarchical() {
    return hierarchy == Hierarchy.PREFIX;
  }

  /** Whether this system and {@code other} match codes the same way: the same id and hierarchy (titles may differ). */
  public boolean sameRule(CodeSystem other) {
    return id.equals(other.id) && hierarchy == other.hierarchy;
  }
}
