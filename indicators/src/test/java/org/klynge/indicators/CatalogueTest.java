package org.klynge.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.klynge.core.data.ExtractBuilder;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.IndicatorRef;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.definition.Translation;
import org.klynge.core.engine.EvaluationOptions;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.format.LoadedDefinitions;
import org.klynge.core.model.Clinic;
import org.klynge.core.model.Organisation;
import org.klynge.core.validation.Diagnostic;

class CatalogueTest {

  @Test
  void load_wholeCatalogue_hasNoErrorsAndNoWarnings() {
    LoadedDefinitions loaded = Catalogue.load();
    assertEquals(List.of(), loaded.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.toList()));
    assertEquals(Catalogue.files().size(), loaded.documents().size());
  }

  @Test
  void packages_allSeven_arePresentInOrder() {
    assertEquals(List.of("type-2-diabetes", "uti-antibiotics", "eye-infection-antibiotics", "dementia-antipsychotics",
            "vulnerable-copd", "opioids", "young-wellbeing"),
        Catalogue.packages().stream().map(ClusterPackage::id).collect(Collectors.toList()));
  }

  @Test
  void indicators_existingIds_areKept() {
    assertTrue(Catalogue.indicator("dvdd-1f-hba1c-measured").isPresent());
    assertTrue(Catalogue.indicator("uti-antibiotics-per-1000-women").isPresent());
  }

  @Test
  void indicators_every_hasRationaleSourcesReferenceAndUnit() {
    for (Indicator ind : Catalogue.indicators()) {
      assertFalse(ind.rationale().isBlank(), ind.key() + " rationale");
      assertFalse(ind.description().isBlank(), ind.key() + " description");
      assertFalse(ind.sources().isEmpty(), ind.key() + " sources");
      assertTrue(ind.reference().isPresent(), ind.key() + " reference");
      assertFalse(ind.unit().isBlank(), ind.key() + " unit");
    }
  }

  @Test
  void translations_everyIndicatorAndPackage_hasDanishTexts() {
    Locale da = Locale.forLanguageTag("da");
    for (Indicator ind : Catalogue.indicators()) {
      Translation t = ind.translation(da).orElseThrow(() -> new AssertionError(ind.key() + " has no Danish texts"));
      assertTrue(t.title().isPresent() && t.description().isPresent(), ind.key() + " Danish title and description");
      assertFalse(ind.title(da).equals(ind.title()), ind.key() + " Danish title differs from the English");
    }
    for (ClusterPackage pkg : Catalogue.packages()) {
      Translation t = pkg.translation(da).orElseThrow(() -> new AssertionError(pkg.key() + " has no Danish texts"));
      assertTrue(t.title().isPresent() && t.topic().isPresent() && t.questions().isPresent(),
          pkg.key() + " Danish title, topic and questions");
    }
    // a region-specific tag falls back to the language, an unknown language to the base text
    Indicator hba1c = Catalogue.indicator("dvdd-1f-hba1c-measured").orElseThrow();
    assertEquals("HbA1c målt i året", hba1c.title(Locale.forLanguageTag("da-DK")));
    assertEquals("HbA1c measured in the year", hba1c.title(Locale.GERMAN));
  }

  @Test
  void indicators_every_belongsToAPackage() {
    var referenced = Catalogue.packages().stream().flatMap(p -> Catalogue.definitions().indicatorsOf(p).stream())
        .map(Indicator::key).collect(Collectors.toSet());
    for (Indicator ind : Catalogue.indicators()) {
      assertTrue(referenced.contains(ind.key()), ind.key() + " is in no package");
    }
  }

  @Test
  void packages_every_answersTheThreeQuestionsAndPinsVersions() {
    for (ClusterPackage pkg : Catalogue.packages()) {
      assertFalse(pkg.questions().clinicalProblem().isBlank(), pkg.id());
      assertFalse(pkg.questions().howDataIlluminates().isBlank(), pkg.id());
      assertFalse(pkg.questions().whatTheGpCanDo().isBlank(), pkg.id());
      assertTrue(pkg.reference().isPresent(), pkg.id() + " reference");
      assertFalse(pkg.meetingDates().isEmpty(), pkg.id() + " meeting dates");
      pkg.indicators().forEach(entry -> assertTrue(
          entry instanceof IndicatorRef ref && ref.version().isPresent(), pkg.id() + ": " + entry));
    }
  }

  @Test
  void eyePackage_periodAndMeeting_matchTheKoolCluster() {
    ClusterPackage eye = Catalogue.clusterPackage("eye-infection-antibiotics").orElseThrow();
    assertEquals(new MeasurementPeriod(java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2024, 7, 31)),
        eye.period());
    assertEquals(List.of(java.time.LocalDate.of(2024, 2, 27)), eye.meetingDates());
    assertEquals(7, eye.granularity().periods(eye.period()).size());
  }

  @Test
  void forPackage_everyPackage_evaluatesEveryPeriodOfItsSpan() {
    var org = Organisation.builder().clinic(new Clinic("c1", "Clinic", "1")).build();
    var extract = ExtractBuilder.create(org).build();
    for (ClusterPackage pkg : Catalogue.packages()) {
      Evaluator evaluator = Evaluator.forPackage(Catalogue.definitions(), pkg.id());
      var periods = pkg.granularity().periods(pkg.period());
      var results = evaluator.evaluate(extract, EvaluationOptions.of(pkg.period(), pkg.granularity()));
      for (Indicator ind : evaluator.indicators()) {
        for (MeasurementPeriod period : periods) {
          assertTrue(results.nation(ind.id(), period).isPresent(), pkg.id() + " " + ind.key() + " " + period);
        }
      }
    }
  }
}
