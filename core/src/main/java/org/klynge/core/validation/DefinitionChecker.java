package org.klynge.core.validation;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.klynge.core.definition.DefinitionSet;

/**
 * Runs every check over definitions and returns all diagnostics at once: structural
 * constraints first, then the semantic rules (duplicate ids, undefined references, population
 * cycles, criteria nested too deeply, code systems redeclared with another hierarchy or named by a
 * value set without being declared, empty value sets, windows that end before they start, ages and thresholds out of
 * range, percentages outside 0–100, packages without indicators, translations under unknown language tags or with
 * blank texts or texts their owner does not have).
 *
 * <pre>{@code
 * List<Diagnostic> problems = DefinitionChecker.check(List.of(new Document("dm.yaml", set)));
 * }</pre>
 */
public final class DefinitionChecker {

  private static final Rule NESTING = new NestingRule();

  private static final ImmutableList<Rule> RULES = ImmutableList.of(
      new StructuralConstraints(),
      new SchemaVersionRule(),
      new TextRule(),
      new UniqueIdsRule(),
      new ReferencesRule(),
      new PopulationCyclesRule(),
      new CodeSystemsRule(),
      new ValueSetContentRule(),
      new WindowRule(),
      new CriterionRangesRule(),
      new ScoringRule(),
      new CompletenessRule(),
      new PackageRule(),
      new TranslationRule());

  private DefinitionChecker() {}

  /**
   * Every problem in the documents, taken together (references may cross documents), sorted by
   * source and path. Nesting is checked first; when a criterion tree is deeper than
   * {@link org.klynge.core.definition.DefinitionLimits#MAX_CRITERION_DEPTH} by itself, only the
   * nesting is reported, since the other checks would walk the too-deep tree.
   */
  public static ImmutableList<Diagnostic> check(List<Document> documents) {
    CheckContext context = new CheckContext(documents);
    List<Diagnostic> out = new ArrayList<>();
    NESTING.check(context, out);
    if (!NestingRule.anyTreeTooDeep(context)) {
      for (Rule rule : RULES) {
        rule.check(context, out);
      }
    }
    return out.stream()
        .sorted(Comparator.comparing(Diagnostic::source).thenComparing(Diagnostic::path))
        .distinct()
        .collect(ImmutableList.toImmutableList());
  }

  /** Every problem in one set of definitions. */
  public static ImmutableList<Diagnostic> check(DefinitionSet definitions, String source) {
    return check(List.of(new Document(source, definitions)));
  }

  /** Throws {@link DefinitionException} when {@code diagnostics} hold an error. */
  public static void requireNoErrors(List<Diagnostic> diagnostics) {
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      throw new DefinitionException(diagnostics);
    }
  }
}
