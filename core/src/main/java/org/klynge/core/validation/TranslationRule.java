package org.klynge.core.validation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.Indicator;
import org.klynge.core.definition.KeyQuestions;
import org.klynge.core.definition.Translation;

/**
 * Translations of indicators and packages: each is keyed by a known language tag (an ISO 639
 * language, optionally with an ISO 3166 region: {@code da}, {@code da-DK}), translates at least
 * one text, translates only the texts its owner has (an indicator has no topic or questions, a
 * package no description, rationale or unit), and every text it gives is non-blank, all three
 * questions included.
 */
final class TranslationRule implements Rule {

  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
  private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

  @Override
  public void check(CheckContext context, List<Diagnostic> out) {
    for (Site<Indicator> site : DefinitionWalker.indicators(context.documents())) {
      check(site.source(), site.path() + ".translations", site.node().translations(), true, out);
    }
    for (Document doc : context.documents()) {
      List<ClusterPackage> packages = doc.definitions().packages();
      for (int p = 0; p < packages.size(); p++) {
        check(doc.source(), "packages[" + p + "].translations", packages.get(p).translations(), false, out);
      }
    }
  }

  private static void check(String source, String base, Map<String, Translation> translations, boolean indicator,
      List<Diagnostic> out) {
    translations.forEach((tag, t) -> {
      String path = base + "." + tag;
      if (!knownTag(tag)) {
        out.add(Diagnostic.error(source, path, "unknown language tag '" + tag
            + "': use an ISO 639 language code, optionally with an ISO 3166 region, e.g. 'da' or 'da-DK'"));
      }
      if (t.givesNoText()) {
        out.add(Diagnostic.error(source, path, "translates nothing: give at least one text"));
        return;
      }
      String owner = indicator ? "an indicator" : "a package";
      nonBlank(source, path + ".title", t.title(), out);
      if (indicator) {
        nonBlank(source, path + ".description", t.description(), out);
        nonBlank(source, path + ".rationale", t.rationale(), out);
        nonBlank(source, path + ".unit", t.unit(), out);
        foreign(source, path + ".topic", t.topic(), owner, out);
        foreign(source, path + ".questions", t.questions(), owner, out);
      } else {
        foreign(source, path + ".description", t.description(), owner, out);
        foreign(source, path + ".rationale", t.rationale(), owner, out);
        foreign(source, path + ".unit", t.unit(), owner, out);
        nonBlank(source, path + ".topic", t.topic(), out);
        t.questions().ifPresent(q -> questions(source, path + ".questions", q, out));
      }
    });
  }

  /** {@code da}, {@code da-DK}: a known language, optionally a known region, in the canonical form. */
  static boolean knownTag(String tag) {
    String[] parts = tag.split("-", -1);
    if (parts.length > 2 || !LANGUAGES.contains(parts[0])) {
      return false;
    }
    return parts.length == 1 || REGIONS.contains(parts[1]);
  }

  /** Translated questions are all three answered: the base answers do not fill a gap. */
  private static void questions(String source, String path, KeyQuestions q, List<Diagnostic> out) {
    answered(source, path + ".clinicalProblem", q.clinicalProblem(), "is there a relevant clinical problem?", out);
    answered(source, path + ".howDataIlluminates", q.howDataIlluminates(), "can data illuminate it?", out);
    answered(source, path + ".whatTheGpCanDo", q.whatTheGpCanDo(), "can the GP act on it?", out);
  }

  private static void answered(String source, String path, String answer, String question, List<Diagnostic> out) {
    if (answer.isBlank()) {
      out.add(Diagnostic.error(source, path, "must answer: " + question + " (translated questions answer all three)"));
    }
  }

  private static void nonBlank(String source, String path, Optional<String> text, List<Diagnostic> out) {
    if (text.isPresent() && text.get().isBlank()) {
      out.add(Diagnostic.error(source, path, "must not be blank: leave it out to show the base text"));
    }
  }

  private static void foreign(String source, String path, Optional<?> text, String owner, List<Diagnostic> out) {
    if (text.isPresent()) {
      String field = path.substring(path.lastIndexOf('.') + 1);
      out.add(Diagnostic.error(source, path, owner + " has no " + field + " to translate"));
    }
  }
}
