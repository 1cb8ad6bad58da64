package org.klynge.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.klynge.core.data.Extract;
import org.klynge.core.data.ExtractBuilder;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.model.Clinic;
import org.klynge.core.model.Cluster;
import org.klynge.core.model.Code;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.DateRange;
import org.klynge.core.model.Diagnosis;
import org.klynge.core.model.Event;
import org.klynge.core.model.LabMeasurement;
import org.klynge.core.model.Listing;
import org.klynge.core.model.Organisation;
import org.klynge.core.model.Patient;
import org.klynge.core.model.Prescription;
import org.klynge.core.model.QuestionnaireAnswer;
import org.klynge.core.model.Region;
import org.klynge.core.model.Service;
import org.klynge.core.model.Sex;
import org.klynge.core.result.Explanation;
import org.klynge.core.result.Population;
import org.klynge.core.result.PopulationCounts;
import org.klynge.core.result.ResultTable;

/**
 * A small given/when/then helper for catalogue tests: one patient, listed with one clinic in one
 * cluster, evaluated against the bundled catalogue through the public engine API.
 *
 * <pre>{@code
 * given(patient().female().born("1950-01-01").listed()
 *         .diagnosis("icpc2:T90", "2015-05-02")
 *         .lab("NPU27300", "2024-12-31", 59, "mmol/mol"))
 *     .whenEvaluated("diabetes-hba1c-above-58")
 *     .thenPopulationsAre(INITIAL, DENOMINATOR, NUMERATOR);
 * }</pre>
 *
 * <p>Periods default to the calendar year 2024, the period of the catalogue's packages.
 */
final class Scenario {

  /** The default measurement period. */
  static final MeasurementPeriod YEAR_2024 = MeasurementPeriod.year(2024);
  static final String PATIENT = "p1";
  static final String CLINIC = "c1";
  private static final LocalDate LISTED_FROM = LocalDate.of(2000, 1, 1);
  private static final Evaluator EVALUATOR = Evaluator.compileAll(Catalogue.definitions());

  private Scenario() {}

  /** A patient to describe; female, born 1960-01-01 and not listed until told otherwise. */
  static PatientSpec patient() {
    return new PatientSpec();
  }

  /** The data of the scenario. */
  static Given given(PatientSpec patient) {
    return new Given(patient);
  }

  static MeasurementPeriod month(int year, int month) {
    return MeasurementPeriod.month(java.time.YearMonth.of(year, month));
  }

  /** One patient with listings and events. */
  static final class PatientSpec {
    private Sex sex = Sex.FEMALE;
    private LocalDate born = LocalDate.of(1960, 1, 1);
    private final List<DateRange> listings = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();

    PatientSpec female() {
      sex = Sex.FEMALE;
      return this;
    }

    PatientSpec male() {
      sex = Sex.MALE;
      return this;
    }

    PatientSpec born(String date) {
      born = LocalDate.parse(date);
      return this;
    }

    /** Listed with the clinic from 2000-01-01, open-ended. */
    PatientSpec listed() {
      listings.add(DateRange.startingAt(LISTED_FROM));
      return this;
    }

    /** Listed with the clinic from 2000-01-01 to {@code lastDay}, inclusive. */
    PatientSpec listedUntil(String lastDay) {
      listings.add(DateRange.of(LISTED_FROM, LocalDate.parse(lastDay)));
      return this;
    }

    /** A diagnosis written {@code system:code}, e.g. {@code icpc2:T90}. */
    PatientSpec diagnosis(String systemAndCode, String date) {
      events.add(new Diagnosis(PATIENT, LocalDate.parse(date), code(systemAndCode)));
      return this;
    }

    /** An NPU lab measurement with a result. */
    PatientSpec lab(String npu, String date, double result, String unit) {
      events.add(LabMeasurement.of(PATIENT, LocalDate.parse(date), new Code(CodeSystem.NPU, npu), result, unit));
      return this;
    }

    /** An NPU lab measurement whose result is missing. */
    PatientSpec labWithoutResult(String npu, String date) {
      events.add(new LabMeasurement(PATIENT, LocalDate.parse(date), new Code(CodeSystem.NPU, npu),
          OptionalDouble.empty(), Optional.empty()));
      return this;
    }

    /** A redeemed prescription of one package. */
    PatientSpec prescription(String atc, String date) {
      events.add(Prescription.of(PATIENT, LocalDate.parse(date), atc));
      return this;
    }

    /** A redeemed prescription of one package with its defined daily doses. */
    PatientSpec prescription(String atc, String date, double definedDailyDoses) {
      events.add(new Prescription(PATIENT, LocalDate.parse(date), atc, 1, OptionalDouble.of(definedDailyDoses)));
      return this;
    }

    /** A service under a fee code. */
    PatientSpec service(String feeCode, String date) {
      events.add(new Service(PATIENT, LocalDate.parse(date), feeCode));
      return this;
    }

    /** A WHO-5 total score. */
    PatientSpec who5(String date, double score) {
      events.add(new QuestionnaireAnswer(PATIENT, LocalDate.parse(date), "WHO5", "total", OptionalDouble.of(score)));
      return this;
    }

    /** A WHO-5 questionnaire whose total was skipped. */
    PatientSpec who5Skipped(String date) {
      events.add(new QuestionnaireAnswer(PATIENT, LocalDate.parse(date), "WHO5", "total", OptionalDouble.empty()));
      return this;
    }

    private static Code code(String systemAndCode) {
      int colon = systemAndCode.indexOf(':');
      CodeSystem system = CodeSystem.builtIn(systemAndCode.substring(0, colon)).orElseThrow();
      return new Code(system, systemAndCode.substring(colon + 1));
    }
  }

  /** The extract built from one patient. */
  static final class Given {
    private final Extract extract;

    private Given(PatientSpec spec) {
      Organisation org = Organisation.builder()
          .region(new Region("r1", "Region"))
          .cluster(Cluster.of("k1", "Cluster"))
          .clinic(new Clinic(CLINIC, "Clinic 1", "1001"))
          .clinicInCluster(CLINIC, "k1", DateRange.startingAt(LISTED_FROM))
          .clusterInRegion("k1", "r1", DateRange.startingAt(LISTED_FROM))
          .build();
      ExtractBuilder b = ExtractBuilder.create(org).patient(Patient.of(PATIENT, spec.sex, spec.born));
      spec.listings.forEach(range -> b.listing(new Listing(PATIENT, CLINIC, range)));
      spec.events.forEach(b::event);
      extract = b.build();
    }

    /** Evaluates the indicator for 2024. */
    Then whenEvaluated(String indicatorId) {
      return whenEvaluated(indicatorId, YEAR_2024);
    }

    /** Evaluates the indicator for {@code period}. */
    Then whenEvaluated(String indicatorId, MeasurementPeriod period) {
      Explanation explanation = EVALUATOR.explain(extract, PATIENT, indicatorId, period);
      ResultTable results = EVALUATOR.evaluate(extract, EvaluationOptions.of(period));
      PopulationCounts counts = results.nation(indicatorId, period).orElseThrow().counts();
      return new Then(explanation, counts);
    }
  }

  /** Assertions on one patient's populations and the counts of the evaluation. */
  static final class Then {
    private final Explanation explanation;
    private final PopulationCounts counts;

    private Then(Explanation explanation, PopulationCounts counts) {
      this.explanation = explanation;
      this.counts = counts;
    }

    /** The patient is in exactly these populations. */
    Then thenPopulationsAre(Population... expected) {
      EnumSet<Population> want = EnumSet.noneOf(Population.class);
      want.addAll(Arrays.asList(expected));
      assertEquals(want, new java.util.HashSet<>(explanation.populations()),
          () -> "populations differ; explanation:\n" + explanation.render());
      return this;
    }

    /** The patient is in no population at all. */
    Then thenInNoPopulation() {
      return thenPopulationsAre();
    }

    /** The number of events a rate counted. */
    Then thenCountedEvents(long expected) {
      assertEquals(expected, counts.events(), () -> "counted events differ; explanation:\n" + explanation.render());
      return this;
    }

    /** What a rate that sums added up, and how many of its events had nothing to add. */
    Then thenSummed(double expected, long notSummed) {
      assertEquals(expected, counts.sum(), () -> "sums differ; explanation:\n" + explanation.render());
      assertEquals(notSummed, counts.notSummed(), () -> "events not summed differ; explanation:\n" + explanation.render());
      return this;
    }

    /** The explanation, for further checks. */
    Explanation explanation() {
      return explanation;
    }

    /** The nation counts, for further checks. */
    PopulationCounts counts() {
      return counts;
    }
  }
}
