package org.klynge.core.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.klynge.core.model.EventType;

/** The data sources an indicator draws on. */
public enum DataSource {
  /** Care-plan data (forløbsplaner): diagnoses and lab values. */
  CARE_PLANS("carePlans", "Care plans (FLP)", EnumSet.of(EventType.DIAGNOSIS, EventType.LAB)),
  /** Redeemed prescriptions (Ordiprax+). */
  PRESCRIPTIONS("prescriptions", "Redeemed prescriptions (Ordiprax+)", EnumSet.of(EventType.PRESCRIPTION)),
  /** Services billed under fee codes (ydelser). */
  SERVICES("services", "Services (fee codes)", EnumSet.of(EventType.SERVICE)),
  /** Questionnaire answers. */
  QUESTIONNAIRES("questionnaires", "Questionnaires", EnumSet.of(EventType.ANSWER)),
  /** Extracts from municipalities: stays, dose dispensing and other periods of care. */
  MUNICIPAL("municipal", "Municipal extracts", EnumSet.of(EventType.EPISODE)),
  /** The population register: sex, age, listing. */
  POPULATION("population", "Population and listing register", EnumSet.noneOf(EventType.class));

  private final String code;
  private final String display;
  private final Set<EventType> eventTypes;

  DataSource(String code, String display, EnumSet<EventType> eventTypes) {
    this.code = code;
    this.display = display;
    this.eventTypes = Collections.unmodifiableSet(eventTypes);
  }

  /**
   * The kinds of event in an extract that come from this source, for measuring completeness:
   * diagnoses and lab values from care plans, and so on; none for the population register, whose
   * data are the patients and listings themselves.
   */
  public Set<EventType> eventTypes() {
    return eventTypes;
  }

  @JsonValue
  public String code() {
    return code;
  }

  public String display() {
    return display;
  }

  @JsonCreator
  static DataSource parse(String code) {
    for (DataSource s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown data source '" + code + "', expected one of "
        + Arrays.stream(values()).map(DataSource::code).collect(Collectors.joining(", ")));
  }
}
