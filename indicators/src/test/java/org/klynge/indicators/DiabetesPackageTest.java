package org.klynge.indicators;

import static org.klynge.core.result.Population.DENOMINATOR;
import static org.klynge.core.result.Population.INITIAL;
import static org.klynge.core.result.Population.NUMERATOR;
import static org.klynge.indicators.Scenario.given;
import static org.klynge.indicators.Scenario.patient;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The type 2 diabetes package, one nested class per indicator. */
class DiabetesPackageTest {

  /** A listed 64-year-old with type 2 diabetes recorded in 2015. */
  static Scenario.PatientSpec diabetic() {
    return patient().female().born("1960-01-01").listed().diagnosis("icpc2:T90", "2015-05-02");
  }

  @Nested
  class HbA1cMeasured {
    static final String ID = "dvdd-1f-hba1c-measured";

    @Test
    void measuredInYear_inNumerator() {
      given(diabetic().lab("NPU27300", "2024-06-01", 52, "mmol/mol"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void measuredOnLastDayOfPeriod_inNumerator() {
      given(diabetic().lab("NPU27300", "2024-12-31", 52, "mmol/mol"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void measuredOnlyOnDayBeforePeriod_inDenominatorOnly() {
      given(diabetic().lab("NPU27300", "2023-12-31", 52, "mmol/mol"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void measurementWithoutResult_stillCountsAsMeasured() {
      given(diabetic().labWithoutResult("NPU27300", "2024-03-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void aged17OnReferenceDate_excluded() {
      given(patient().born("2007-01-01").listed().diagnosis("icpc2:T90", "2023-05-02")
              .lab("NPU27300", "2024-06-01", 52, "mmol/mol"))
          .whenEvaluated(ID).thenInNoPopulation();
    }

    @Test
    void turns18OnReferenceDate_included() {
      given(patient().born("2006-12-31").listed().diagnosis("icpc2:T90", "2023-05-02"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void icd10SubcodeOfDE11_isType2Diabetes() {
      given(patient().born("1960-01-01").listed().diagnosis("icd10:DE119", "2010-01-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void diagnosisAfterPeriodEnd_excluded() {
      given(patient().born("1960-01-01").listed().diagnosis("icpc2:T90", "2025-01-01"))
          .whenEvaluated(ID).thenInNoPopulation();
    }

    @Test
    void notListedOnReferenceDate_excluded() {
      given(patient().born("1960-01-01").listedUntil("2024-12-30").diagnosis("icpc2:T90", "2015-05-02")
              .lab("NPU27300", "2024-06-01", 52, "mmol/mol"))
          .whenEvaluated(ID).thenInNoPopulation();
    }
  }

  @Nested
  class HbA1cAbove58 {
    static final String ID = "diabetes-hba1c-above-58";

    @Test
    void latestAbove58_inNumerator() {
      given(diabetic().lab("NPU27300", "2024-12-31", 59, "mmol/mol"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void exactly58_notAbove58() {
      given(diabetic().lab("NPU27300", "2024-06-01", 58, "mmol/mol"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void earlierHighLaterLow_latestDecides() {
      given(diabetic().lab("NPU27300", "2024-02-01", 75, "mmol/mol").lab("NPU27300", "2024-10-01", 50, "mmol/mol"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void highBeforePeriodOnly_notInDenominator() {
      given(diabetic().lab("NPU27300", "2023-12-31", 75, "mmol/mol"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL);
    }

    @Test
    void percentResult_convertedToMmolPerMol() {
      // 7.6 % is 10.929 × (7.6 − 2.15) = 59.6 mmol/mol; 7.4 % is 57.4 mmol/mol
      given(diabetic().lab("NPU03835", "2024-06-01", 7.6, "%"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
      given(diabetic().lab("NPU03835", "2024-06-01", 7.4, "%"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void measurementWithoutResult_inDenominatorNotNumerator() {
      given(diabetic().labWithoutResult("NPU27300", "2024-06-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }
  }

  @Nested
  class AnnualControl {
    static final String ID = "diabetes-annual-control";

    @Test
    void controlInYear_inNumerator() {
      given(diabetic().service("0120", "2024-01-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void controlOnDayBeforePeriod_notInNumerator() {
      given(diabetic().service("0120", "2023-12-31"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void otherFeeCode_notInNumerator() {
      given(diabetic().service("0101", "2024-05-01").service("01201", "2024-05-02"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void noDiabetes_excluded() {
      given(patient().born("1960-01-01").listed().diagnosis("icpc2:T89", "2015-01-01").service("0120", "2024-05-01"))
          .whenEvaluated(ID).thenInNoPopulation();
    }
  }

  @Nested
  class StatinRedeemed {
    static final String ID = "diabetes-statin-redeemed";

    @Test
    void atorvastatinRedeemed_inNumerator() {
      given(diabetic().prescription("C10AA05", "2024-08-15"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void turns40OnReferenceDate_inDenominator() {
      given(patient().born("1984-12-31").listed().diagnosis("icpc2:T90", "2020-01-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void aged39_initialPopulationOnly() {
      given(patient().born("1985-01-01").listed().diagnosis("icpc2:T90", "2020-01-01").prescription("C10AA01", "2024-03-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL);
    }

    @Test
    void otherLipidLoweringDrug_notAStatin() {
      given(diabetic().prescription("C10AX09", "2024-08-15"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }
  }
}
