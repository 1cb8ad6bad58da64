package org.klynge.core.definition;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How an indicator's value is computed from its populations. In the format the kind is the
 * {@code type} property: {@code proportion}, {@code rate}, {@code ratio} or {@code continuous}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Proportion.class, name = "proportion"),
  @JsonSubTypes.Type(value = Rate.class, name = "rate"),
  @JsonSubTypes.Type(value = Ratio.class, name = "ratio"),
  @JsonSubTypes.Type(value = Continuous.class, name = "continuous"),
})
public sealed interface Scoring permits Proportion, Rate, Ratio, Continuous {}
