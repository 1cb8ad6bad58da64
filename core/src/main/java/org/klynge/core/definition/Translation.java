package org.klynge.core.definition;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The texts of an indicator or a cluster package in another language, each optional: where one
 * is absent the base text is shown. An indicator translates its title, description, rationale
 * and unit; a package its title, topic and the three questions. Which fields belong to which is
 * checked with the rest of the definitions, as is that every text given is non-blank.
 *
 * <pre>{@code
 * translations:
 *   da:
 *     title: HbA1c målt i året
 *     description: Andel patienter med type 2-diabetes med mindst én HbA1c-måling i perioden.
 * }</pre>
 *
 * @param title the title
 * @param description an indicator's description
 * @param rationale an indicator's rationale
 * @param unit an indicator's unit, e.g. {@code recepter pr. 1.000 kvinder}
 * @param topic a package's topic
 * @param questions a package's three questions, answered
 */
public record Translation(
    Optional<String> title,
    Optional<String> description,
    Optional<String> rationale,
    Optional<String> unit,
    Optional<String> topic,
    Optional<KeyQuestions> questions) {

  public Translation {
    title = title == null ? Optional.empty() : title;
    description = description == null ? Optional.empty() : description;
    rationale = rationale == null ? Optional.empty() : rationale;
    unit = unit == null ? Optional.empty() : unit;
    topic = topic == null ? Optional.empty() : topic;
    questions = questions == null ? Optional.empty() : questions;
  }

  /** A translation of a title alone. */
  public static Translation ofTitle(String title) {
    return new Translation(Optional.of(title), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /**
   * The translation for {@code locale} among {@code translations}: by its full tag first
   * ({@code da-DK}), then by its language alone ({@code da}).
   */
  static Optional<Translation> find(Map<String, Translation> translations, Locale locale) {
    Translation exact = translations.get(locale.toLanguageTag());
    return Optional.ofNullable(exact != null ? exact : translations.get(locale.getLanguage()));
  }

  /** True when no text is given. */
  public boolean givesNoText() {
    return title.isEmpty() && description.isEmpty() && rationale.isEmpty() && unit.isEmpty() && topic.isEmpty()
        && questions.isEmpty();
  }
}
