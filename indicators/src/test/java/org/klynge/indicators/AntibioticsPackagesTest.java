package org.klynge.indicators;

import static org.klynge.core.result.Population.DENOMINATOR;
import static org.klynge.core.result.Population.INITIAL;
import static org.klynge.core.result.Population.NUMERATOR;
import static org.klynge.indicators.Scenario.given;
import static org.klynge.indicators.Scenario.month;
import static org.klynge.indicators.Scenario.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The urinary tract infection and eye infection packages (redeemed antibiotics). */
class AntibioticsPackagesTest {

  /** A listed woman aged 44. */
  static Scenario.PatientSpec woman() {
    return patient().female().born("1980-03-01").listed();
  }

  @Nested
  class UtiPer1000Women {
    static final String ID = "uti-antibiotics-per-1000-women";

    @Test
    void womanWithTwoCourses_countsTwoPrescriptions() {
      var then = given(woman().prescription("J01CA08", "2024-02-01").prescription("J01EB02", "2024-09-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR).thenCountedEvents(2);
      assertEquals(1, then.counts().denominator());
    }

    @Test
    void man_notCounted() {
      given(patient().male().born("1980-03-01").listed().prescription("J01CA08", "2024-02-01"))
          .whenEvaluated(ID).thenInNoPopulation().thenCountedEvents(0);
    }

    @Test
    void woman17OnReferenceDate_notCounted() {
      given(patient().female().born("2007-01-01").listed().prescription("J01XE01", "2024-02-01"))
          .whenEvaluated(ID).thenInNoPopulation().thenCountedEvents(0);
    }

    @Test
    void otherAntibiotic_notCounted() {
      given(woman().prescription("J01CE02", "2024-02-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR).thenCountedEvents(0);
    }

    @Test
    void sameDrugSameDayTwice_countsAsTwoPackages() {
      // a redemption row is a package: without an event id, two identical rows are two
      given(woman().prescription("J01EA01", "2024-02-01").prescription("J01EA01", "2024-02-01"))
          .whenEvaluated(ID).thenCountedEvents(2);
    }

    @Test
    void monthly_prescriptionOnLastDayOfMarch_countsInMarchNotApril() {
      var spec = woman().prescription("J01CA08", "2024-03-31");
      given(spec).whenEvaluated(ID, month(2024, 3)).thenCountedEvents(1);
      given(spec).whenEvaluated(ID, month(2024, 4)).thenCountedEvents(0);
    }

    @Test
    void prescriptionOnDayBeforePeriod_notCounted() {
      given(woman().prescription("J01CA08", "2023-12-31"))
          .whenEvaluated(ID).thenCountedEvents(0);
    }
  }

  @Nested
  class UtiDddPer1000WomenPerDay {
    static final String ID = "uti-antibiotics-ddd-per-1000-women-per-day";

    @Test
    void twoCourses_sumTheirDddOverTheListedDays() {
      var then = given(woman().prescription("J01CA08", "2024-02-01", 6).prescription("J01EA01", "2024-09-01", 3))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR).thenCountedEvents(2).thenSummed(9, 0);
      assertEquals(366, then.counts().personDays(), "2024 is a leap year, listed all of it");
    }

    @Test
    void redemptionWithoutDdd_leftOutAndCountedAsNotSummed() {
      given(woman().prescription("J01CA08", "2024-02-01", 6).prescription("J01XE01", "2024-03-01"))
          .whenEvaluated(ID).thenCountedEvents(1).thenSummed(6, 1);
    }

    @Test
    void otherAntibiotic_notSummed() {
      given(woman().prescription("J01CE02", "2024-02-01", 11.2))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR).thenSummed(0, 0);
    }

    @Test
    void man_notCounted() {
      given(patient().male().born("1980-03-01").listed().prescription("J01CA08", "2024-02-01", 6))
          .whenEvaluated(ID).thenInNoPopulation().thenSummed(0, 0);
    }

    @Test
    void monthly_onlyThatMonthsDddAndDays() {
      var spec = woman().prescription("J01CA08", "2024-03-31", 6).prescription("J01CA08", "2024-04-01", 3);
      var march = given(spec).whenEvaluated(ID, month(2024, 3)).thenSummed(6, 0);
      assertEquals(31, march.counts().personDays());
    }
  }

  @Nested
  class UtiFirstChoiceShare {
    static final String ID = "uti-first-choice-share";

    @Test
    void onlyPivmecillinam_inNumerator() {
      given(woman().prescription("J01CA08", "2024-02-01").prescription("J01CA08", "2024-06-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void sulfamethizoleAndNitrofurantoin_inNumerator() {
      given(woman().prescription("J01EB02", "2024-02-01").prescription("J01XE01", "2024-12-31"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void anyTrimethoprim_notInNumerator() {
      given(woman().prescription("J01CA08", "2024-02-01").prescription("J01EA01", "2024-02-20"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR);
    }

    @Test
    void trimethoprimBeforePeriod_doesNotCount() {
      given(woman().prescription("J01EA01", "2023-12-31").prescription("J01EB02", "2024-01-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
    }

    @Test
    void noUtiAntibiotic_initialPopulationOnly() {
      given(woman().prescription("J01CE02", "2024-02-01"))
          .whenEvaluated(ID).thenPopulationsAre(INITIAL);
    }

    @Test
    void man_excluded() {
      given(patient().male().born("1980-03-01").listed().prescription("J01CA08", "2024-02-01"))
          .whenEvaluated(ID).thenInNoPopulation();
    }
  }

  @Nested
  class EyeAntibioticsPer1000 {
    static final String ID = "eye-antibiotics-per-1000-patients";

    /** A listed child aged 3. */
    Scenario.PatientSpec child() {
      return patient().male().born("2021-05-01").listed();
    }

    @Test
    void chloramphenicolInFebruary_countsInFebruaryOnly() {
      var spec = child().prescription("S01AA01", "2024-02-29");
      given(spec).whenEvaluated(ID, month(2024, 2)).thenPopulationsAre(INITIAL, DENOMINATOR).thenCountedEvents(1);
      given(spec).whenEvaluated(ID, month(2024, 3)).thenPopulationsAre(INITIAL, DENOMINATOR).thenCountedEvents(0);
    }

    @Test
    void fusidicAcid_counted() {
      given(child().prescription("S01AA13", "2024-03-01"))
          .whenEvaluated(ID, month(2024, 3)).thenCountedEvents(1);
    }

    @Test
    void otherEyeAntibiotic_notCounted() {
      given(child().prescription("S01AA12", "2024-03-01"))
          .whenEvaluated(ID, month(2024, 3)).thenPopulationsAre(INITIAL, DENOMINATOR).thenCountedEvents(0);
    }

    @Test
    void listingEndedBeforeMonthEnd_notCounted() {
      given(patient().born("2021-05-01").listedUntil("2024-02-15").prescription("S01AA01", "2024-02-01"))
          .whenEvaluated(ID, month(2024, 2)).thenInNoPopulation().thenCountedEvents(0);
    }

    @Test
    void adult_countedToo() {
      given(patient().born("1950-05-01").listed().prescription("S01AA01", "2024-07-31"))
          .whenEvaluated(ID, month(2024, 7)).thenPopulationsAre(INITIAL, DENOMINATOR).thenCountedEvents(1);
    }
  }
}
