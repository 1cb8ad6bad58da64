package org.klynge.core.definition;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A condition on one patient, evaluated for a measurement period. Criteria form a tree: leaves
 * look at events, age, sex and listing; {@link And}, {@link Or} and {@link Not} combine them;
 * {@link PopulationRef} reuses a named population. Two equal criteria are one shared
 * sub-expression: the engine evaluates it once per patient and period.
 *
 * <p>In the format the record kind is the {@code type} property.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = HasEvent.class, name = "hasEvent"),
  @JsonSubTypes.Type(value = EventCount.class, name = "eventCount"),
  @JsonSubTypes.Type(value = ValueCompared.class, name = "value"),
  @JsonSubTypes.Type(value = CodedValue.class, name = "codedValue"),
  @JsonSubTypes.Type(value = HasResult.class, name = "hasResult"),
  @JsonSubTypes.Type(value = Covered.class, name = "covered"),
  @JsonSubTypes.Type(value = AgeInRange.class, name = "age"),
  @JsonSubTypes.Type(value = SexIs.class, name = "sex"),
  @JsonSubTypes.Type(value = Listed.class, name = "listed"),
  @JsonSubTypes.Type(value = And.class, name = "and"),
  @JsonSubTypes.Type(value = Or.class, name = "or"),
  @JsonSubTypes.Type(value = Not.class, name = "not"),
  @JsonSubTypes.Type(value = PopulationRef.class, name = "population"),
})
public sealed interface Criterion
    permits HasEvent, EventCount, ValueCompared, CodedValue, HasResult, Covered, AgeInRange, SexIs, Listed, And, Or, Not,
        PopulationRef {}
