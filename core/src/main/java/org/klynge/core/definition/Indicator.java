package org.klynge.core.definition;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.Valid;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A quality indicator: what is counted (populations), how the value is computed (scoring),
 * which way is better, and the standard to meet. Identified by {@code id} and {@code version};
 * a changed definition gets a new version.
 *
 * @param id a stable id, lower-case words joined by hyphens, e.g. {@code dvdd-1f-hba1c-measured}
 * @param version the definition's version, e.g. {@code 1.0.0}
 * @param title a short title
 * @param description what the indicator shows, in a sentence or two
 * @param rationale why it matters clinically
 * @param scoring how the value is computed
 * @param populations the populations
 * @param direction whether higher or lower is better
 * @param standard the level to reach, when there is one
 * @param unit the unit of the value, e.g. {@code %} or {@code per 1,000 women}
 * @param sources the data sources it draws on
 * @param requires the sources a clinic must deliver, and how completely, for its value to be
 *     judged; a clinic below is marked data incomplete (see {@link CompletenessRequirement})
 * @param attribution which clinic a patient counts for
 * @param reference where the definition comes from (a source note)
 * @param tags free labels, e.g. {@code added} for indicators not in the source documents
 * @param translations the texts in other languages, by language tag (e.g. {@code da})
 */
@JsonDeserialize(builder = Indicator.Builder.class)
public record Indicator(
    @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
    @NotBlank String version,
    @NotBlank String title,
    String description,
    String rationale,
    @Valid Scoring scoring,
    @Valid Populations populations,
    Direction direction,
    Optional<Standard> standard,
    String unit,
    ImmutableList<DataSource> sources,
    ImmutableList<@Valid CompletenessRequirement> requires,
    Attribution attribution,
    Optional<String> reference,
    ImmutableList<String> tags,
    ImmutableSortedMap<String, Translation> translations) implements PackageIndicator {

  public Indicator {
    requireNonNull(id, "id");
    requireNonNull(version, "version");
    requireNonNull(title, "title");
    description = description == null ? "" : description;
    rationale = rationale == null ? "" : rationale;
    requireNonNull(scoring, "scoring");
    requireNonNull(populations, "populations");
    direction = direction == null ? Direction.NEITHER : direction;
    standard = standard == null ? Optional.empty() : standard;
    unit = unit == null ? "" : unit;
    sources = sources == null ? ImmutableList.of() : ImmutableList.copyOf(sources);
    requires = requires == null ? ImmutableList.of() : ImmutableList.copyOf(requires);
    attribution = attribution == null ? Attribution.REFERENCE_DATE : attribution;
    reference = reference == null ? Optional.empty() : reference;
    tags = tags == null ? ImmutableList.of() : ImmutableList.copyOf(tags);
    translations = translations == null ? ImmutableSortedMap.of() : ImmutableSortedMap.copyOf(translations);
  }

  /** A builder; id, version, title, scoring and populations are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code id@version}, the key results and references use. */
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

  /** The description in {@code locale}, else the base description. */
  public String description(Locale locale) {
    return translation(locale).flatMap(Translation::description).orElse(description);
  }

  /** The unit in {@code locale}, else the base unit. */
  public String unit(Locale locale) {
    return translation(locale).flatMap(Translation::unit).orElse(unit);
  }

  /** Builds an {@link Indicator}; also used by Jackson to read one. */
  @com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private String id;
    private String version;
    private String title;
    private String description;
    private String rationale;
    private Scoring scoring;
    private Populations populations;
    private Direction direction;
    private Optional<Standard> standard = Optional.empty();
    private String unit;
    private List<DataSource> sources = List.of();
    private List<CompletenessRequirement> requires = List.of();
    private Attribution attribution;
    private Optional<String> reference = Optional.empty();
    private List<String> tags = List.of();
    private Map<String, Translation> translations = Map.of();

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder version(String version) {
      this.version = version;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder rationale(String rationale) {
      this.rationale = rationale;
      return this;
    }

    public Builder scoring(Scoring scoring) {
      this.scoring = scoring;
      return this;
    }

    public Builder populations(Populations populations) {
      this.populations = populations;
      return this;
    }

    public Builder direction(Direction direction) {
      this.direction = direction;
      return this;
    }

    public Builder standard(Optional<Standard> standard) {
      this.standard = standard;
      return this;
    }

    /** Sets the standard to {@code target}. */
    public Builder standardTarget(double target) {
      this.standard = Optional.of(new Standard(target, Optional.empty()));
      return this;
    }

    public Builder unit(String unit) {
      this.unit = unit;
      return this;
    }

    public Builder sources(List<DataSource> sources) {
      this.sources = sources;
      return this;
    }

    public Builder requires(List<CompletenessRequirement> requires) {
      this.requires = requires;
      return this;
    }

    public Builder attribution(Attribution attribution) {
      this.attribution = attribution;
      return this;
    }

    public Builder reference(Optional<String> reference) {
      this.reference = reference;
      return this;
    }

    public Builder tags(List<String> tags) {
      this.tags = tags;
      return this;
    }

    public Builder translations(Map<String, Translation> translations) {
      this.translations = translations;
      return this;
    }

    public Indicator build() {
      return new Indicator(id, version, title, description, rationale, scoring, populations, direction,
          standard, unit, sources == null ? null : ImmutableList.copyOf(sources),
          requires == null ? null : ImmutableList.copyOf(requires), attribution, reference,
          tags == null ? null : ImmutableList.copyOf(tags),
          translations == null ? null : ImmutableSortedMap.copyOf(translations));
    }
  }
}
