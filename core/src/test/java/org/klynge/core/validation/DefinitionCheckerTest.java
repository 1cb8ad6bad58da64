package org.klynge.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.klynge.core.format.DefinitionLoader;
import org.klynge.core.format.LoadedDefinitions;
import org.klynge.core.format.Syntax;

/**
 * One test per check. Each reads a fixture from {@code src/test/resources/definitions}: the
 * {@code *-incorrect.yaml} file differs from its {@code *-correct.yaml} counterpart (or from
 * {@code base-correct.yaml}) in one place, and must give exactly one error, at that place.
 */
class DefinitionCheckerTest {

  // ---- correct files ---------------------------------------------------------------------------

  @Test
  void load_baseFixture_hasNoDiagnostics() {
    assertNoDiagnostics("base-correct.yaml");
  }

  @Test
  void load_correctFixtures_haveNoDiagnostics() {
    for (String name : List.of("population-cycle-correct.yaml", "window-correct.yaml",
        "proportion-standard-correct.yaml", "translation-correct.yaml", "code-systems-correct.yaml")) {
      assertNoDiagnostics(name);
    }
  }

  // ---- one rule each ---------------------------------------------------------------------------

  @Test
  void check_translatedQuestionMissing_reportedAtTheQuestion() {
    assertOnlyError("translation-incorrect.yaml", "packages[0].translations.da.questions.whatTheGpCanDo",
        "must answer: can the GP act on it?");
  }

  @Test
  void check_translationUnderUnknownTag_reportedAtTheTag() {
    String text = fixture("translation-correct.yaml").replace("    translations:\n      da:\n        title: HbA1c",
        "    translations:\n      dk:\n        title: HbA1c");
    List<Diagnostic> errors = errors(load("t.yaml", text));
    assertEquals(List.of(Diagnostic.error("t.yaml", "indicators[0].translations.dk",
        "unknown language tag 'dk': use an ISO 639 language code, optionally with an ISO 3166 region, e.g. 'da' or 'da-DK'")),
        errors);
  }

  @Test
  void check_translationOfTextTheOwnerLacks_reportedAtTheText() {
    String text = fixture("translation-correct.yaml").replace("        title: HbA1c målt i året\n",
        "        title: HbA1c målt i året\n        topic: Diabetes\n        unit: \" \"\n");
    List<Diagnostic> errors = errors(load("t.yaml", text));
    assertEquals(List.of(
        Diagnostic.error("t.yaml", "indicators[0].translations.da.topic", "an indicator has no topic to translate"),
        Diagnostic.error("t.yaml", "indicators[0].translations.da.unit",
            "must not be blank: leave it out to show the base text")), errors);
  }

  @Test
  void check_translationWithUnknownField_reportedAtTheField() {
    String text = fixture("translation-correct.yaml").replace("        title: Diabetes i klyngen\n",
        "        title: Diabetes i klyngen\n        titel: Diabetes\n");
    List<Diagnostic> errors = errors(load("t.yaml", text));
    assertEquals(1, errors.size(), errors::toString);
    assertEquals("packages[0].translations.da.titel", errors.get(0).path());
  }

  @Test
  void check_duplicateValueSetId_reportedAtSecondDefinition() {
    assertOnlyError("duplicate-ids-incorrect.yaml", "valueSets[2].id",
        "duplicate value set 'type-2-diabetes' (first defined at duplicate-ids-incorrect.yaml: valueSets[0])");
  }

  @Test
  void check_duplicateIndicatorAcrossFiles_namesTheFirstFile() {
    LoadedDefinitions loaded = DefinitionLoader.loadTexts(List.of(
        source("a.yaml", fixture("base-correct.yaml")),
        source("b.yaml", fixture("base-correct.yaml").replace("id: diabetes\n", "id: diabetes-copy\n"))));
    List<Diagnostic> errors = errors(loaded);
    assertTrue(errors.contains(Diagnostic.error("b.yaml", "indicators[0].id",
        "duplicate indicator 'hba1c-measured@1.0.0' (first defined at a.yaml: indicators[0])")), errors::toString);
    assertTrue(errors.contains(Diagnostic.error("b.yaml", "valueSets[0].id",
        "duplicate value set 'type-2-diabetes' (first defined at a.yaml: valueSets[0])")), errors::toString);
  }

  @Test
  void check_textWithALineSeparator_reportedWhereItIs() {
    String text = fixture("base-correct.yaml").replace("title: HbA1c measurement", "title: \"HbA1c\\Lmeasurement\"");
    List<Diagnostic> errors = errors(load("t.yaml", text));

    assertEquals(1, errors.size(), errors::toString);
    assertEquals("valueSets[1].title", errors.get(0).path());
    assertTrue(errors.get(0).message().contains("U+2028 at character 6"), errors.get(0)::message);
  }

  @Test
  void check_valueSetNamingAnUndeclaredSystem_reportedAtTheSystem() {
    assertOnlyError("undeclared-code-system-incorrect.yaml", "valueSets[0].include.read3",
        "value set 'type-2-diabetes' names code system 'read3', which is neither built in nor declared");
  }

  @Test
  void check_builtInSystemDeclaredWithAnotherHierarchy_reportedAtTheHierarchy() {
    assertOnlyError("code-system-hierarchy-incorrect.yaml", "codeSystems[1].hierarchy",
        "code system 'atc' is declared with hierarchy exact, but it has hierarchy prefix (built in)");
  }

  @Test
  void check_systemDeclaredInAnotherFile_isKnownToTheValueSetsOfEveryFile() {
    String declaring = "schemaVersion: 1\ncodeSystems:\n  - {id: read3, hierarchy: prefix}\n";
    LoadedDefinitions loaded = DefinitionLoader.loadTexts(List.of(source("systems.yaml", declaring),
        source("sets.yaml", fixture("undeclared-code-system-incorrect.yaml"))));
    assertEquals(List.of(), loaded.diagnostics());
    assertTrue(loaded.orThrow().declaredSystems().find("read3").orElseThrow().hierarchical());
  }

  @Test
  void check_systemDeclaredTwiceWithDifferentHierarchies_reportedAtTheSecond() {
    String a = "schemaVersion: 1\ncodeSystems:\n  - {id: read3, hierarchy: prefix}\n";
    String b = "schemaVersion: 1\ncodeSystems:\n  - {id: read3, hierarchy: exact}\n";
    List<Diagnostic> errors = errors(DefinitionLoader.loadTexts(List.of(source("a.yaml", a), source("b.yaml", b))));
    assertEquals(List.of(Diagnostic.error("b.yaml", "codeSystems[0].hierarchy", "code system 'read3' is declared with"
        + " hierarchy exact, but it has hierarchy prefix (declared at a.yaml: codeSystems[0])")), errors);
  }

  @Test
  void check_undefinedValueSet_reportedAtValueSetProperty() {
    assertOnlyError("undefined-value-set-incorrect.yaml", "indicators[0].populations.numerator.valueSet",
        "undefined value set 'hba1c-typo'");
  }

  @Test
  void check_codedValueWithAnUndefinedValueSet_reportedAtIn() {
    String text = fixture("event-relations-correct.yaml").replace("in: current-smoker", "in: current-smokr");
    List<Diagnostic> errors = errors(load("coded.yaml", text));
    assertEquals(List.of(Diagnostic.error("coded.yaml", "indicators[1].populations.numerator.in",
        "undefined value set 'current-smokr'")), errors);
  }

  @Test
  void check_coverageWithBothOrNeitherMeasure_reportedAtTheCriterion() {
    String both = fixture("event-relations-correct.yaml").replace("percent: 80}", "percent: 80, days: 30}");
    assertEquals(List.of(Diagnostic.error("both.yaml", "indicators[2].populations.numerator",
        "give exactly one of days and percent")), errors(load("both.yaml", both)));
    String neither = fixture("event-relations-correct.yaml").replace(", percent: 80}", "}");
    assertEquals(List.of(Diagnostic.error("neither.yaml", "indicators[2].populations.numerator",
        "give exactly one of days and percent")), errors(load("neither.yaml", neither)));
    String zero = fixture("event-relations-correct.yaml").replace("percent: 80}", "days: 0}");
    List<Diagnostic> zeroErrors = errors(load("zero.yaml", zero));
    assertEquals(1, zeroErrors.size(), zeroErrors::toString);
    assertEquals("indicators[2].populations.numerator.days", zeroErrors.get(0).path());
    String ever = fixture("event-relations-correct.yaml").replace("percent: 80}", "percent: 80, window: {from: ever, to: period.end}}");
    assertEquals(List.of(Diagnostic.error("ever.yaml", "indicators[2].populations.numerator.window.from",
        "a share of the window needs a window with a first day, not 'ever'")), errors(load("ever.yaml", ever)));
  }

  @Test
  void check_unknownStatusOrRelation_reportedWhereItIs() {
    String status = fixture("event-relations-correct.yaml").replace("status: [redeemed], percent", "status: [redeemd], percent");
    List<Diagnostic> errors = errors(load("status.yaml", status));
    assertEquals(1, errors.size(), errors::toString);
    assertEquals("indicators[2].populations.numerator.status[0]", errors.get(0).path());
    assertTrue(errors.get(0).message().contains("unknown status 'redeemd'"), errors.get(0)::message);
    String relation = fixture("event-relations-correct.yaml").replace("relation: overlaps}", "relation: overlap}");
    errors = errors(load("relation.yaml", relation));
    assertEquals(1, errors.size(), errors::toString);
    assertTrue(errors.get(0).path().endsWith(".relation"), errors.get(0)::path);
    assertTrue(errors.get(0).message().contains("expected starts, ends, overlaps or during"), errors.get(0)::message);
  }

  @Test
  void check_undefinedPopulation_reportedAtReferenceId() {
    assertOnlyError("undefined-population-incorrect.yaml", "indicators[0].populations.initial.id",
        "undefined population 'adults-with-diabetes-typo'");
  }

  @Test
  void check_undefinedIndicatorVersion_reportedAtPackageEntry() {
    assertOnlyError("undefined-indicator-incorrect.yaml", "packages[0].indicators[0]",
        "undefined indicator 'hba1c-measured@2.0.0'");
  }

  @Test
  void check_unpinnedReferenceToSeveralVersions_asksToPinOne() {
    String secondVersion = """
          - id: hba1c-measured
            version: 1.1.0
            title: HbA1c measured in the year (revised)
            scoring: {type: proportion}
            populations:
              initial: {type: population, id: adults-with-diabetes}
              numerator: {type: hasEvent, event: lab, valueSet: hba1c}
        """;
    String combined = fixture("base-correct.yaml")
        .replace("indicators: [hba1c-measured@1.0.0]", "indicators: [hba1c-measured]")
        .replace("\npackages:", secondVersion + "\npackages:");
    List<Diagnostic> errors = errors(load("versions.yaml", combined));
    assertEquals(List.of(Diagnostic.error("versions.yaml", "packages[0].indicators[0]",
        "indicator 'hba1c-measured' has several versions (1.0.0, 1.1.0); pin one as hba1c-measured@VERSION")), errors);
  }

  @Test
  void check_populationCycle_reportedOnceWithTheCycle() {
    assertOnlyError("population-cycle-incorrect.yaml", "populations[0].criterion",
        "population refers to itself: adults → adults-with-diabetes → adults");
  }

  @Test
  void check_emptyValueSet_reportedAtInclude() {
    assertOnlyError("empty-value-set-incorrect.yaml", "valueSets[1].include", "value set 'hba1c' includes no codes");
  }

  @Test
  void check_windowEndingBeforeStart_reportedAtFrom() {
    assertOnlyError("window-incorrect.yaml", "indicators[0].populations.numerator.window.from",
        "window ends (period.end - 15 months) before it starts (period.end)");
  }

  @Test
  void check_everAsWindowEnd_reportedAtFrom() {
    List<Diagnostic> errors = errors(load("ever.yaml", fixture("base-correct.yaml").replace(
        "window: {from: ever, to: period.end}", "window: {from: period.start, to: ever}")));
    assertEquals(List.of(Diagnostic.error("ever.yaml", "populations[0].criterion.all[2].window.from",
        "'ever' can only be used for 'from'")), errors);
  }

  @Test
  void check_ageMinAboveMax_reportedAtMin() {
    assertOnlyError("age-range-incorrect.yaml", "populations[0].criterion.all[1].min",
        "min (70) must not be above max (18)");
  }

  @Test
  void check_proportionStandardAbove100_reportedAtTarget() {
    assertOnlyError("proportion-standard-incorrect.yaml", "indicators[0].standard.target",
        "a proportion's standard is a percentage and must be 0–100, was 950.0");
  }

  @Test
  void check_proportionWithoutNumerator_reportedAtNumerator() {
    assertOnlyError("proportion-numerator-incorrect.yaml", "indicators[0].populations.numerator",
        "a proportion needs populations.numerator");
  }

  @Test
  void check_rateSummingValueWithoutUnit_reportedAtUnit() {
    List<Diagnostic> errors = errors(load("t.yaml", rate("sum: value")));
    assertEquals(List.of(Diagnostic.error("t.yaml", "indicators[0].scoring.unit",
        "a rate that sums value needs the unit it sums in, e.g. unit: DDD; events whose value is in another unit"
            + " are then left out of the sum")), errors);
  }

  @Test
  void check_unitOnARateThatCounts_reportedAtUnit() {
    List<Diagnostic> errors = errors(load("t.yaml", rate("unit: DDD")));
    assertEquals(List.of(Diagnostic.error("t.yaml", "indicators[0].scoring.unit",
        "only a rate that sums value has a unit; this one sums events (add sum: value, or remove unit)")), errors);
  }

  @Test
  void check_rateSummingValueInAUnit_hasNoDiagnostics() {
    assertEquals(List.of(), errors(load("t.yaml", rate("sum: value, unit: DDD, base: personDays"))));
  }

  @Test
  void read_unknownRateSum_namesTheChoices() {
    List<Diagnostic> errors = errors(load("t.yaml", rate("sum: doses")));
    assertEquals(1, errors.size(), errors::toString);
    assertTrue(errors.get(0).message().contains("expected events, value, quantity or days"), errors::toString);
  }

  @Test
  void check_completenessRequirements_reportedAtEachBadField() {
    String text = fixture("base-correct.yaml").replace("    unit: \"%\"\n", "    unit: \"%\"\n    requires:\n"
        + "      - {source: population, minimumOfNation: 50}\n"
        + "      - {source: carePlans, minimumOfNation: 0}\n"
        + "      - {source: carePlans, minimumOfNation: 50, significance: 0.9}\n");
    List<Diagnostic> errors = errors(load("t.yaml", text));
    assertEquals(List.of(
        Diagnostic.error("t.yaml", "indicators[0].requires[0].source", "the population source has no events to"
            + " measure completeness by: require carePlans, prescriptions, services, questionnaires or municipal"),
        Diagnostic.error("t.yaml", "indicators[0].requires[1].minimumOfNation",
            "must be above 0 and at most 100 (percent of the nation's share), was 0.0"),
        Diagnostic.error("t.yaml", "indicators[0].requires[2].significance",
            "must be above 0 and at most 0.5 (how unlikely a shortfall must be to mark a clinic), was 0.9"),
        Diagnostic.error("t.yaml", "indicators[0].requires[2].source", "source carePlans is required twice")),
        errors);
  }

  /** The base fixture with its indicator scored as a rate of HbA1c measurements with {@code extra} properties. */
  private static String rate(String extra) {
    return fixture("base-correct.yaml").replace("    scoring: {type: proportion}\n",
        "    scoring: {type: rate, event: lab, valueSet: hba1c, per: 1000, " + extra + "}\n")
        .replace("    standard: {target: 95, source: DVDD indicator 1f}\n", "");
  }

  @Test
  void read_unknownProperty_reportedWithPathAndLine() {
    assertOnlyError("unknown-property-incorrect.yaml", "indicators[0].populations.numerater",
        "unknown property 'numerater'");
  }

  @Test
  void check_badIdPattern_reportedAtId() {
    assertOnlyError("id-pattern-incorrect.yaml", "packages[0].id",
        "must be lower-case letters and digits joined by '-' or '.'");
  }

  @Test
  void check_missingKeyQuestion_reportedAtTheQuestion() {
    assertOnlyError("key-question-incorrect.yaml", "packages[0].questions.whatTheGpCanDo",
        "must answer: can the GP act on it?");
  }

  @Test
  void check_wrongSchemaVersion_reportedAtSchemaVersion() {
    assertOnlyError("schema-version-incorrect.yaml", "schemaVersion",
        "is 2, but this version of Klynge reads schemaVersion 1");
  }

  @Test
  void read_invalidWindowBoundText_reportedWithPathAndExpectedSyntax() {
    assertOnlyError("window-bound-text-incorrect.yaml", "indicators[0].populations.numerator.window.from",
        "cannot read window bound 'period.middle': expected 'ever', 'period.start' or 'period.end'");
  }

  @Test
  void read_missingNumber_reportedWithIndexedPath() {
    List<Diagnostic> errors = errors(load("target.yaml", fixture("base-correct.yaml")
        .replace("standard: {target: 95, source: DVDD indicator 1f}", "standard: {source: DVDD indicator 1f}")));
    assertEquals(1, errors.size(), errors::toString);
    assertEquals("indicators[0].standard.target", errors.get(0).path());
    assertTrue(errors.get(0).message().startsWith("a value is required here (missing or null)"), errors::toString);
  }

  // ---- all at once -----------------------------------------------------------------------------

  @Test
  void load_threeSeededMistakes_reportsAllThree() {
    List<Diagnostic> errors = errors(load("three-mistakes-incorrect.yaml"));
    assertEquals(List.of(
            "indicators[0].colour",
            "packages[0].questions.whatTheGpCanDo",
            "populations[0].criterion.all[1].min"),
        errors.stream().map(Diagnostic::path).toList(), errors::toString);
    assertTrue(errors.get(0).message().startsWith("unknown property 'colour'"));
    assertEquals("must answer: can the GP act on it?", errors.get(1).message());
    assertEquals("min (70) must not be above max (18)", errors.get(2).message());
  }

  @Test
  void orThrow_threeSeededMistakes_listsEveryProblemOneALine() {
    DefinitionException e = assertThrows(DefinitionException.class, () -> load("three-mistakes-incorrect.yaml").orThrow());
    assertEquals(3, e.diagnostics().size());
    assertEquals("""
        3 problems in definitions:
          three-mistakes-incorrect.yaml: indicators[0].colour: unknown property 'colour' (line 36)
          three-mistakes-incorrect.yaml: packages[0].questions.whatTheGpCanDo: must answer: can the GP act on it?
          three-mistakes-incorrect.yaml: populations[0].criterion.all[1].min: min (70) must not be above max (18)""",
        e.getMessage());
  }

  // ---------------------------------------------------------------------------------------------

  private static void assertNoDiagnostics(String name) {
    LoadedDefinitions loaded = load(name);
    assertEquals(List.of(), loaded.diagnostics(), name);
    assertFalse(loaded.hasErrors());
  }

  /** The fixture gives exactly one diagnostic, an error at {@code path} whose message contains {@code fragment}. */
  private static void assertOnlyError(String name, String path, String fragment) {
    List<Diagnostic> all = load(name).diagnostics();
    assertEquals(1, all.size(), () -> name + ": " + all);
    Diagnostic d = all.get(0);
    assertEquals(Severity.ERROR, d.severity(), d::toString);
    assertEquals(name, d.source());
    assertEquals(path, d.path(), d::toString);
    assertTrue(d.message().contains(fragment), () -> "message '" + d.message() + "' lacks '" + fragment + "'");
  }

  private static List<Diagnostic> errors(LoadedDefinitions loaded) {
    return loaded.diagnostics().stream().filter(Diagnostic::isError).toList();
  }

  private static LoadedDefinitions load(String name) {
    return load(name, fixture(name));
  }

  private static LoadedDefinitions load(String name, String text) {
    return DefinitionLoader.loadTexts(List.of(source(name, text)));
  }

  private static DefinitionLoader.Source source(String name, String text) {
    return new DefinitionLoader.Source(name, text, Syntax.YAML);
  }

  static String fixture(String name) {
    try (InputStream in = DefinitionCheckerTest.class.getResourceAsStream("/definitions/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
