package org.klynge.core.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The data sources an indicator draws on. */
public enum DataSource {
  /** Care-plan data (forløbsplaner): diagnoses and lab values. */
  CARE_PLANS("carePlans", "Care plans (FLP)"),
  /** Redeemed prescriptions (Ordiprax+). */
  PRESCRIPTIONS("prescriptions", "Redeemed prescriptions (Ordiprax+)"),
  /** Services billed under fee codes (ydelser). */
  SERVICES("services", "Services (fee codes)"),
  /** Questionnaire answers. */
  QUESTIONNAIRES("questionnaires", "Questionnaires"),
  /** Extracts from municipalities. */
  MUNICIPAL("municipal", "Municipal extracts"),
  /** The population register: sex, age, listing. */
  POPULATION("population", "Population and listing register");

  private final String code;
  private final String display;

  DataSource(String code, String display) {
    this.code = code;
    this.display = display;
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
