package org.klynge.core.definition;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.Valid;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A cluster package (klyngepakke): material for a cluster meeting on one clinical topic, with
 * the indicators that illuminate it, the default measurement period and granularity, the
 * meeting dates that split a series into before and after, and the follow-up.
 *
 * @param id a stable id
 * @param version the package's version
 * @param title the title
 * @param topic the clinical topic
 * @param questions the three questions, answered
 * @param indicators the indicators, inline or by reference
 * @param period the default measurement span
 * @param granularity how the span is cut into periods
 * @param meetingDates the dates of cluster meetings on the topic
 * @param followUp the follow-up package, when one is offered
 * @param reference where the package comes from (a source note)
 * @param translations the texts in other languages, by language tag (e.g. {@code da})
 */
public record ClusterPackage(
    @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
    @NotBlank String version,
    @NotBlank String title,
    String topic,
    @Valid KeyQuestions questions,
    @Valid ImmutableList<PackageIndicator> indicators,
    MeasurementPeriod period,
    Granularity granularity,
    ImmutableList<LocalDate> meetingDates,
    @Valid Optional<FollowUp> followUp,
    Optional<String> reference,
    ImmutableSortedMap<String, Translation> translations) {

  public ClusterPackage {
    requireNonNull(id, "id");
    requireNonNull(version, "version");
    requireNonNull(title, "title");
    topic = topic == null ? "" : topic;
    questions = questions == null ? new KeyQuestions("", "", "") : questions;
    indicators = indicators == null ? ImmutableList.of() : ImmutableList.copyOf(indicators);
    requireNonNull(period, "period");
    granularity = granularity == null ? Granularity.WHOLE : granularity;
    meetingDates = meetingDates == null ? ImmutableList.of() : ImmutableList.copyOf(meetingDates);
    followUp = followUp == null ? Optional.empty() : followUp;
    reference = reference == null ? Optional.empty() : reference;
    translations = translations == null ? ImmutableSortedMap.of() : ImmutableSortedMap.copyOf(translations);
  }

  /** {@code id@version}. */
  public String key() {
    return id + "@" + version;
  }

  /** The translation for {@code locale} (its full tag, else its language), when there is one. */
  public Optional<Translation> translation(Locale locale) {
    return Translation.find(translations, locale);
  }

  /** The title in {@code locale}, else the base title. */
  public String title(Locale locale) {
    return translation(locale).flatMap(Translation::title).orElse(title);
  }

  /** The topic in {@code locale}, else the base topic. */
  public String topic(Locale locale) {
    return translation(locale).flatMap(Translation::topic).orElse(topic);
  }

  /** The three questions in {@code locale}, else the base questions. */
  public KeyQuestions questions(Locale locale) {
    return translation(locale).flatMap(Translation::questions).orElse(questions);
  }
}
