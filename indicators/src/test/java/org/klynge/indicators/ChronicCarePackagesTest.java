package org.klynge.indicators;

import static org.klynge.core.result.Population.DENOMINATOR;
import static org.klynge.core.result.Population.INITIAL;
import static org.klynge.core.result.Population.NUMERATOR;
import static org.klynge.indicators.Scenario.given;
import static org.klynge.indicators.Scenario.patient;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The dementia and vulnerable COPD packages. */
class ChronicCarePackagesTest {

  @Nested
  class DementiaAntipsychotics {
    static final String ID = "dementia-antipsychotics";

    /** A listed 80-year-old. */
    Scenario.PatientSpec aged80() {
      return patient().female().born("1944-06-01").listed();
    }

    @Test
    void diagnosisAndAntipsychotic_inNumerator() {
      given(aged80().diagnosis("icpc2:P70", "2020-01-01").prescription("N05AH04", "2024-05-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void diagnosisWithoutAntipsychotic_inDenominatorOnly() {
      given(aged80().diagnosis("icd10:DF00", "2020-01-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void antiDementiaDrugWithoutDiagnosis_countsAsDementia() {
      given(aged80().prescription("N06DA02", "2024-02-01").prescription("N05AX08", "2024-12-31"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void antiDementiaDrugOnlyBeforePeriod_notDementia() {
      given(aged80().prescription("N06DA02", "2023-12-31").prescription("N05AX08", "2024-03-01"))
          .whenEvaluated(ID).thenInNoPopulation();
    }

    @Test
    void antipsychoticOnDayBeforePeriod_notInNumerator() {
      given(aged80().diagnosis("icd10:DF03", "2020-01-01").prescription("N05AH04", "2023-12-31"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void aged64_excluded() {
      given(patient().born("1960-01-01").listed().diagnosis("icpc2:P70", "2020-01-01").prescription("N05AH04", "2024-05-01"))
          .whenEvaluated(ID).thenInNoPopulation();
    }

    @Test
    void turns65OnReferenceDate_included() {
      given(patient().born("1959-12-31").listed().diagnosis("icd10:DF01", "2020-01-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void otherPsycholeptic_notAnAntipsychotic() {
      given(aged80().diagnosis("icpc2:P70", "2020-01-01").prescription("N05CF01", "2024-05-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }
  }

  /** A listed 70-year-old with COPD recorded in 2018. */
  static Scenario.PatientSpec copd() {
    return patient().male().born("1954-01-01").listed().diagnosis("icpc2:R95", "2018-03-01");
  }

  @Nested
  class CopdSpirometryOrAnnualControl {
    static final String ID = "copd-spirometry-or-annual-control";

    @Test
    void spirometry_inNumerator() {
      given(copd().service("7113", "2024-10-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void annualControlOnLastDay_inNumerator() {
      given(copd().service("0120", "2024-12-31"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void controlOnlyLastYear_inDenominatorOnly() {
      given(copd().service("7113", "2023-12-31").service("0101", "2024-04-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void icd10SubcodeOfDJ44_isCopd() {
      given(patient().born("1954-01-01").listed().diagnosis("icd10:DJ449", "2018-03-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void asthmaOnly_excluded() {
      given(patient().born("1954-01-01").listed().diagnosis("icpc2:R96", "2018-03-01").service("7113", "2024-10-01"))
          .whenEvaluated(ID).thenInNoPopulation();
    }
  }

  @Nested
  class CopdInhaledTherapy {
    static final String ID = "copd-inhaled-therapy";

    @Test
    void inhalerRedeemed_inNumerator() {
      given(copd().prescription("R03AL04", "2024-01-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void noInhaler_inDenominatorOnly() {
      given(copd().prescription("J01CA04", "2024-01-05"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void inhalerAfterPeriodEnd_notInNumerator() {
      given(copd().prescription("R03BB04", "2025-01-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void aged17_excluded() {
      given(patient().born("2007-01-01").listed().diagnosis("icpc2:R95", "2023-03-01").prescription("R03AL04", "2024-01-01"))
          .whenEvaluated(ID).thenInNoPopulation();
    }
  }
}
