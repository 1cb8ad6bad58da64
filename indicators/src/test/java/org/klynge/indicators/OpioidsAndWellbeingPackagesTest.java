package org.klynge.indicators;

import static org.klynge.core.result.Population.DENOMINATOR;
import static org.klynge.core.result.Population.INITIAL;
import static org.klynge.core.result.Population.NUMERATOR;
import static org.klynge.indicators.Scenario.given;
import static org.klynge.indicators.Scenario.patient;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The opioid package and the questionnaire package on young people's well-being. */
class OpioidsAndWellbeingPackagesTest {

  /** A listed adult aged 54. */
  static Scenario.PatientSpec adult() {
    return patient().male().born("1970-09-01").listed();
  }

  @Nested
  class OpioidUsersAdults {
    static final String ID = "opioid-users-adults";

    @Test
    void tramadolRedeemed_inNumerator() {
      given(adult().prescription("N02AX02", "2024-12-31"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void paracetamolOnly_inDenominatorOnly() {
      given(adult().prescription("N02BE01", "2024-06-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void opioidOnDayBeforePeriod_notInNumerator() {
      given(adult().prescription("N02AA01", "2023-12-31"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void aged17_excluded() {
      given(patient().born("2007-01-01").listed().prescription("N02AX02", "2024-06-01"))
          .whenEvaluated(ID).thenInNoPopulation();
    }
  }

  @Nested
  class OpioidRepeatedUsers {
    static final String ID = "opioid-repeated-users";

    @Test
    void threeRedemptions_inNumerator() {
      given(adult().prescription("N02AX02", "2024-01-10").prescription("N02AX02", "2024-04-10")
              .prescription("N02AX02", "2024-12-31"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void twoRedemptions_inDenominatorOnly() {
      given(adult().prescription("N02AX02", "2024-01-10").prescription("N02AJ06", "2024-04-10"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void threeIdenticalRedemptionRows_areThreeRedemptions() {
      // a redemption row is a package: without an event id, identical rows each count
      given(adult().prescription("N02AX02", "2024-01-10").prescription("N02AX02", "2024-01-10")
              .prescription("N02AX02", "2024-01-10"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void thirdRedemptionBeforePeriod_notCounted() {
      given(adult().prescription("N02AX02", "2023-12-31").prescription("N02AX02", "2024-01-10")
              .prescription("N02AX02", "2024-04-10"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void noOpioid_initialPopulationOnly() {
      given(adult()).whenEvaluated(ID).thenPopulationsAre(INITIAL);
    }
  }

  @Nested
  class Who5PoorWellbeingYoung {
    static final String ID = "who5-poor-wellbeing-young";

    /** A listed 16-year-old. */
    Scenario.PatientSpec teenager() {
      return patient().female().born("2008-04-01").listed();
    }

    @Test
    void scoreBelow50_inNumerator() {
      given(teenager().who5("2024-03-01", 40))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void scoreExactly50_notPoor() {
      given(teenager().who5("2024-03-01", 50))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void scoreZero_answeredAndPoor() {
      given(teenager().who5("2024-12-31", 0))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void lowThenGood_latestDecides() {
      given(teenager().who5("2024-02-01", 28).who5("2024-09-01", 64))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void skippedTotal_notAnswered() {
      given(teenager().who5Skipped("2024-03-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL);
    }

    @Test
    void answeredOnDayBeforePeriod_notAnswered() {
      given(teenager().who5("2023-12-31", 20))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL);
    }

    @Test
    void turns12OnReferenceDate_included() {
      given(patient().born("2012-12-31").listed().who5("2024-12-31", 44))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void aged11_excluded() {
      given(patient().born("2013-01-01").listed().who5("2024-06-01", 44))
          .whenEvaluated(ID).thenInNoPopulation();
    }

    @Test
    void aged25_excluded() {
      given(patient().born("1999-12-31").listed().who5("2024-06-01", 44))
          .whenEvaluated(ID).thenInNoPopulation();
    }

    @Test
    void aged24_included() {
      given(patient().born("2000-01-01").listed().who5("2024-06-01", 44))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }
  }
}
