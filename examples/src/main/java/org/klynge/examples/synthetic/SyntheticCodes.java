package org.klynge.examples.synthetic;

import java.util.OptionalDouble;

/**
 * The codes the synthetic nation records, as the indicator catalogue names them: ICPC-2 and
 * ICD-10 diagnoses, ATC codes of redeemed prescriptions, NPU lab codes, fee codes of services
 * and questionnaire items; and SKS codes of hospital contacts and SNOMED CT codes of a residence
 * and of smoking status.
 */
public final class SyntheticCodes {

  // diagnoses
  public static final String ICPC2_TYPE2_DIABETES = "T90";
  public static final String ICD10_TYPE2_DIABETES = "DE11";
  public static final String ICPC2_DEMENTIA = "P70";
  /** ICD-10 dementia in Alzheimer's disease, vascular, in other diseases, unspecified. */
  public static final String[] ICD10_DEMENTIA = {"DF00", "DF01", "DF02", "DF03"};
  public static final String ICPC2_COPD = "R95";
  public static final String ICD10_COPD = "DJ44";
  /** ICD-10 Z51.5, palliative care (palliativ behandling), as Danish registries write it. */
  public static final String ICD10_PALLIATIVE_CARE = "DZ515";

  // hospital contacts (SKS)
  /** SKS diagnosis of an admission: COPD with acute exacerbation (J44.1). */
  public static final String SKS_COPD_EXACERBATION = "DJ441";
  /** SKS procedure: primary total hip replacement without cement. */
  public static final String SKS_HIP_REPLACEMENT = "KNFB20";
  /** SKS procedure: primary total knee replacement without cement. */
  public static final String SKS_KNEE_REPLACEMENT = "KNGB20";

  // residence and care periods
  /** SNOMED CT 160734000, lives in a nursing home (finding): a stay in a nursing home (plejebolig). */
  public static final String SNOMED_LIVES_IN_NURSING_HOME = "160734000";
  /**
   * Dose dispensing (dosisdispensering: the pharmacy packs the drugs in dose bags), an illustrative
   * fee code like {@link #FEE_ANNUAL_CONTROL}; the period is the service's date to its end.
   */
  public static final String FEE_DOSE_DISPENSING = "0170";

  // lab
  public static final String NPU_HBA1C = "NPU27300";
  public static final String UNIT_MMOL_PER_MOL = "mmol/mol";
  public static final String UNIT_PERCENT = "%";

  // services (fee codes)
  public static final String FEE_CONSULTATION = "0101";
  public static final String FEE_ANNUAL_CONTROL = "0120";
  public static final String FEE_SPIROMETRY = "7113";

  // prescriptions (ATC)
  public static final String ATC_SIMVASTATIN = "C10AA01";
  public static final String ATC_ATORVASTATIN = "C10AA05";
  public static final String ATC_PIVMECILLINAM = "J01CA08";
  public static final String ATC_SULFAMETHIZOLE = "J01EB02";
  public static final String ATC_NITROFURANTOIN = "J01XE01";
  public static final String ATC_TRIMETHOPRIM = "J01EA01";
  public static final String ATC_PHENOXYMETHYLPENICILLIN = "J01CE02";
  public static final String ATC_CLARITHROMYCIN = "J01FA09";
  public static final String ATC_CHLORAMPHENICOL_EYE = "S01AA01";
  public static final String ATC_FUSIDIC_ACID_EYE = "S01AA13";
  public static final String ATC_DONEPEZIL = "N06DA02";
  public static final String ATC_GALANTAMINE = "N06DA04";
  public static final String ATC_MEMANTINE = "N06DX01";
  public static final String ATC_QUETIAPINE = "N05AH04";
  public static final String ATC_RISPERIDONE = "N05AX08";
  /** Salmeterol and fluticasone (LABA with inhaled steroid). */
  public static final String ATC_SALMETEROL_FLUTICASONE = "R03AK06";
  /** Tiotropium (LAMA). */
  public static final String ATC_TIOTROPIUM = "R03BB04";
  /** Vilanterol and umeclidinium (LABA with LAMA). */
  public static final String ATC_VILANTEROL_UMECLIDINIUM = "R03AL03";
  public static final String ATC_MORPHINE = "N02AA01";
  public static final String ATC_TRAMADOL_PARACETAMOL = "N02AJ13";
  public static final String ATC_TRAMADOL = "N02AX02";

  // questionnaires
  /** WHO-5 well-being index, total score 0–100. */
  public static final String WHO5_TOTAL = "WHO5/total";
  /** Smoking status, answered with a SNOMED CT finding as the coded result. */
  public static final String SMOKING_STATUS = "smoking";
  /** SNOMED CT 77176002, smoker (finding). */
  public static final String SNOMED_SMOKER = "77176002";
  /** SNOMED CT 8517006, ex-smoker (finding). */
  public static final String SNOMED_EX_SMOKER = "8517006";
  /** SNOMED CT 266919005, never smoked tobacco (finding). */
  public static final String SNOMED_NEVER_SMOKED = "266919005";

  /**
   * The clinic (in cluster {@code k001}) that sent no care-plan data in the measurement year: its
   * diabetes indicators are marked data incomplete rather than shown as 0 % measured.
   */
  public static final String NO_CARE_PLANS_CLINIC = "c0004";

  /** The cluster whose meeting on eye infections is followed by fewer eye-drop prescriptions. */
  public static final String EYE_DROP_MEETING_CLUSTER = "k001";
  /** Month and day of that meeting, in the generated year. */
  public static final int EYE_DROP_MEETING_MONTH = 2;
  public static final int EYE_DROP_MEETING_DAY = 27;

  /**
   * The days one package of {@code atc} lasts, at the usual dose: 100 tablets of a statin or
   * antipsychotic, 98 of an anti-dementia drug, a course of antibiotics (3 days for urinary tract
   * infection, 7 otherwise), a week of eye drops, a month of an inhaler or an opioid.
   */
  public static int daysPerPackage(String atc) {
    return switch (atc) {
      case ATC_SIMVASTATIN, ATC_ATORVASTATIN, ATC_QUETIAPINE, ATC_RISPERIDONE -> 100;
      case ATC_DONEPEZIL, ATC_GALANTAMINE, ATC_MEMANTINE -> 98;
      case ATC_PIVMECILLINAM, ATC_SULFAMETHIZOLE, ATC_TRIMETHOPRIM -> 3;
      case ATC_NITROFURANTOIN -> 5;
      case ATC_PHENOXYMETHYLPENICILLIN, ATC_CLARITHROMYCIN, ATC_CHLORAMPHENICOL_EYE, ATC_FUSIDIC_ACID_EYE -> 7;
      case ATC_SALMETEROL_FLUTICASONE, ATC_TIOTROPIUM, ATC_VILANTEROL_UMECLIDINIUM, ATC_MORPHINE,
          ATC_TRAMADOL_PARACETAMOL, ATC_TRAMADOL -> 30;
      default -> throw new IllegalArgumentException("no package size for " + atc);
    };
  }

  /** The unit of a redemption's defined daily doses. */
  public static final String UNIT_DDD = "DDD";

  /**
   * The defined daily doses in one package of an antibiotic for systemic use (J01), about a
   * course at the usual dose (e.g. pivmecillinam 400 mg three times a day for 3 days, 3.6 g at
   * 0.6 g a DDD: 6 DDD); empty for other drugs, whose redemptions carry no DDD in the synthetic
   * extract. Synthetic amounts of the right order, not a reference.
   */
  public static OptionalDouble dddPerPackage(String atc) {
    return switch (atc) {
      case ATC_PIVMECILLINAM -> OptionalDouble.of(6);
      case ATC_SULFAMETHIZOLE -> OptionalDouble.of(1.5);
      case ATC_TRIMETHOPRIM -> OptionalDouble.of(3);
      case ATC_NITROFURANTOIN -> OptionalDouble.of(5);
      case ATC_PHENOXYMETHYLPENICILLIN -> OptionalDouble.of(11.2);
      case ATC_CLARITHROMYCIN -> OptionalDouble.of(7);
      default -> OptionalDouble.empty();
    };
  }

  private SyntheticCodes() {}
}
