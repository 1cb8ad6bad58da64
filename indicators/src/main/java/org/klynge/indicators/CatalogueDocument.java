package org.klynge.indicators;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.Continuous;
import org.klynge.core.definition.Criterion;
import org.klynge.core.definition.CriterionText;
import org.klynge.core.definition.DataSource;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Direction;
import org.klynge.core.definition.Granularity;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.Populations;
import org.klynge.core.definition.Proportion;
import org.klynge.core.definition.Rate;
import org.klynge.core.definition.Ratio;
import org.klynge.core.definition.Scoring;
import org.klynge.core.definition.UsedDefinitions;
import org.klynge.core.definition.ValueSet;

/**
 * Renders the catalogue as Markdown for people: per package the three questions, period and
 * meetings, and per indicator its scoring, populations in words, direction, standard, codes per
 * value set, sources and reference. {@code docs/catalogue.md} is this text; a test fails when
 * the two differ.
 *
 * <p>Regenerate from the repository root after changing a definition:
 *
 * <pre>{@code
 * mvn -B -o -q -pl indicators test -Dtest=CatalogueDocumentTest -Dklynge.regenerate=true
 * }</pre>
 *
 * or run {@code main} with the target path ({@code docs/catalogue.md}) and the indicators module
 * and its dependencies on the class path.
 */
public final class CatalogueDocument {

  /** Where the rendered text is kept, relative to the repository root. */
  public static final String DEFAULT_PATH = "docs/catalogue.md";

  private CatalogueDocument() {}

  /** The bundled catalogue as Markdown. */
  public static String render() {
    return render(Catalogue.definitions());
  }

  /** {@code definitions} as Markdown, packages in order, then indicators in no package. */
  public static String render(DefinitionSet definitions) {
    StringBuilder out = new StringBuilder();
    out.append("<!-- Generated from the catalogue definitions by org.klynge.indicators.CatalogueDocument;"
        + " do not edit by hand. -->\n\n");
    out.append("# Indicator catalogue\n\n");
    out.append("The cluster packages and indicators bundled in the `indicators` module"
        + " (`org/klynge/indicators/catalogue/`). The catalogue is an example of the definition format,"
        + " drawn from the Danish cluster-package documents; it is not an official publication, and codes,"
        + " fee codes and standards must be checked against current sources before use.\n\n");
    out.append("Populations are shown in words; the order in which they apply (initial population,"
        + " denominator, exclusions, numerator, exceptions) is described in the definition format."
        + " Ages and listing are taken on the reference date, the last day of each period.\n\n");
    out.append("## Packages\n\n");
    for (ClusterPackage pkg : definitions.packages()) {
      out.append("- [").append(pkg.title()).append("](#").append(anchor(pkg)).append(") — `")
          .append(pkg.key()).append("`: ")
          .append(definitions.indicatorsOf(pkg).stream().map(i -> "`" + i.id() + "`").collect(Collectors.joining(", ")))
          .append('\n');
    }
    out.append('\n');
    for (ClusterPackage pkg : definitions.packages()) {
      renderPackage(out, pkg, definitions);
    }
    Set<String> inPackages = definitions.packages().stream()
        .flatMap(p -> definitions.indicatorsOf(p).stream()).map(Indicator::key).collect(Collectors.toSet());
    List<Indicator> loose = definitions.indicators().stream().filter(i -> !inPackages.contains(i.key())).toList();
    if (!loose.isEmpty()) {
      out.append("## Indicators in no package\n\n");
      loose.forEach(i -> renderIndicator(out, i, definitions));
    }
    return out.toString().stripTrailing() + "\n";
  }

  private static String anchor(ClusterPackage pkg) {
    return "package-" + pkg.id();
  }

  private static void renderPackage(StringBuilder out, ClusterPackage pkg, DefinitionSet defs) {
    out.append("<a id=\"").append(anchor(pkg)).append("\"></a>\n\n");
    out.append("## ").append(pkg.title()).append("\n\n");
    out.append("Package `").append(pkg.key()).append("`");
    if (!pkg.topic().isBlank()) {
      out.append(" — ").append(pkg.topic());
    }
    out.append(".\n\n");
    out.append("- Period: ").append(pkg.period().start()).append(" to ").append(pkg.period().end())
        .append(", ").append(granularity(pkg.granularity())).append(" (")
        .append(pkg.granularity().periods(pkg.period()).size()).append(" period")
        .append(pkg.granularity().periods(pkg.period()).size() == 1 ? "" : "s").append(")\n");
    out.append("- Meeting dates: ").append(pkg.meetingDates().isEmpty() ? "none"
        : pkg.meetingDates().stream().map(Object::toString).collect(Collectors.joining(", "))).append('\n');
    out.append("- Follow-up: ").append(pkg.followUp()
        .map(f -> f.months() + " months after the meeting, " + granularity(f.granularity()))
        .orElse("none")).append('\n');
    pkg.reference().ifPresent(r -> out.append("- Reference: ").append(r).append('\n'));
    out.append('\n');
    out.append("### The three questions\n\n");
    out.append("1. **Is there a relevant clinical problem?** ").append(pkg.questions().clinicalProblem()).append('\n');
    out.append("2. **Can data illuminate it?** ").append(pkg.questions().howDataIlluminates()).append('\n');
    out.append("3. **Can the GP act on it?** ").append(pkg.questions().whatTheGpCanDo()).append("\n\n");
    for (Indicator ind : defs.indicatorsOf(pkg)) {
      renderIndicator(out, ind, defs);
    }
  }

  private static void renderIndicator(StringBuilder out, Indicator ind, DefinitionSet defs) {
    out.append("### ").append(ind.title()).append("\n\n");
    out.append("`").append(ind.key()).append("`");
    if (!ind.tags().isEmpty()) {
      out.append(" · tags: ").append(ind.tags().stream().map(t -> "`" + t + "`").collect(Collectors.joining(", ")));
    }
    out.append("\n\n");
    if (!ind.description().isBlank()) {
      out.append(ind.description()).append("\n\n");
    }
    out.append("- Scoring: ").append(scoring(ind.scoring())).append('\n');
    out.append("- Populations:\n");
    Populations p = ind.populations();
    out.append("  - initial population: ").append(CriterionText.describe(p.initial())).append('\n');
    line(out, "denominator", "the initial population", p.denominator());
    line(out, "denominator exclusion", "removed from the denominator", p.denominatorExclusion());
    line(out, "numerator", "the denominator after exclusions", p.numerator());
    line(out, "numerator exclusion", "removed from the numerator", p.numeratorExclusion());
    line(out, "denominator exception", "removed from the denominator when not in the numerator",
        p.denominatorException());
    UsedDefinitions used = UsedDefinitions.of(ind, defs);
    Set<String> populationIds = used.populations();
    Set<String> valueSetIds = used.valueSets();
    for (String id : populationIds) {
      defs.population(id).ifPresent(np -> out.append("  - where population `").append(np.id()).append("` (")
          .append(np.title()).append(") is: ").append(CriterionText.describe(np.criterion())).append('\n'));
    }
    out.append("- Direction: ").append(direction(ind.direction())).append('\n');
    out.append("- Standard: ").append(ind.standard()
        .map(s -> number(s.target()) + (ind.scoring() instanceof Proportion ? " %" : "")
            + s.source().map(src -> " (" + src + ")").orElse(""))
        .orElse("none")).append('\n');
    if (!ind.unit().isBlank()) {
      out.append("- Unit: ").append(ind.unit()).append('\n');
    }
    out.append("- Sources: ").append(ind.sources().isEmpty() ? "not stated"
        : ind.sources().stream().map(DataSource::display).collect(Collectors.joining(", "))).append('\n');
    if (!ind.requires().isEmpty()) {
      out.append("- Requires: ").append(ind.requires().stream()
          .map(r -> r.source().display() + " from at least " + number(r.minimumOfNation())
              + " % of the nation's share of listed patients, else the clinic is marked data incomplete")
          .collect(Collectors.joining("; "))).append('\n');
    }
    out.append("- Attribution: ").append(ind.attribution().code()).append('\n');
    out.append("- Codes:\n");
    for (String id : valueSetIds) {
      Optional<ValueSet> vs = defs.valueSet(id);
      if (vs.isEmpty()) {
        out.append("  - `").append(id).append("`: undefined\n");
        continue;
      }
      out.append("  - `").append(id).append("` (").append(vs.get().title()).append("): ")
          .append(codes(vs.get().include()));
      if (!vs.get().exclude().isEmpty()) {
        out.append("; excluding ").append(codes(vs.get().exclude()));
      }
      out.append('\n');
    }
    ind.reference().ifPresent(r -> out.append("- Reference: ").append(r).append('\n'));
    out.append('\n');
    if (!ind.rationale().isBlank()) {
      out.append("Rationale: ").append(ind.rationale()).append("\n\n");
    }
  }

  private static void line(StringBuilder out, String name, String base, Optional<Criterion> c) {
    if (c.isPresent()) {
      out.append("  - ").append(name).append(": ").append(base).append(", if ")
          .append(CriterionText.describe(c.get())).append('\n');
    } else if (name.equals("denominator")) {
      out.append("  - denominator: the initial population\n");
    }
  }

  private static String codes(java.util.Map<String, ? extends List<String>> bySystem) {
    return bySystem.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; "));
  }

  private static String scoring(Scoring s) {
    if (s instanceof Proportion) {
      return "proportion (numerator ÷ denominator, in %)";
    }
    if (s instanceof Ratio) {
      return "ratio (numerator persons ÷ denominator persons)";
    }
    if (s instanceof Rate r) {
      String what = switch (r.sum()) {
        case EVENTS -> r.event().code() + " events";
        case VALUE -> "the " + r.unit().orElse("") + " of " + r.event().code() + " events";
        case QUANTITY -> "the quantity of " + r.event().code() + " events";
        case DAYS -> "the days of " + r.event().code() + " events";
      };
      String base = switch (r.base()) {
        case PERSONS -> " persons on the reference date";
        case PERSON_YEARS -> " person-years";
        case PERSON_DAYS -> " persons per day (person-days listed)";
      };
      return "rate: " + what + " in '" + r.valueSet() + "' " + CriterionText.window(r.window()) + " per " + r.per()
          + base;
    }
    Continuous c = (Continuous) s;
    return "continuous: " + c.aggregate().code() + " of each patient's " + c.pick().code() + " " + c.event().code()
        + " value in '" + c.valueSet() + "' " + CriterionText.window(c.window()) + c.unit().map(u -> " (" + u + ")").orElse("");
  }

  private static String granularity(Granularity g) {
    switch (g) {
      case WHOLE:
        return "as one period";
      case YEAR:
        return "by calendar year";
      case QUARTER:
        return "by quarter";
      case MONTH:
        return "by month";
      default:
        return "by rolling 12 months ending at each month end";
    }
  }

  private static String direction(Direction d) {
    switch (d) {
      case HIGHER_IS_BETTER:
        return "higher is better";
      case LOWER_IS_BETTER:
        return "lower is better";
      default:
        return "neither (descriptive)";
    }
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** Writes the rendered catalogue to the path given (default {@value #DEFAULT_PATH}). */
  public static void main(String[] args) throws IOException {
    Path target = Path.of(args.length > 0 ? args[0] : DEFAULT_PATH);
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    Files.writeString(target, render(), StandardCharsets.UTF_8);
    System.out.println("wrote " + target.toAbsolutePath().normalize());
  }
}
