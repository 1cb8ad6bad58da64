package org.klynge.core.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * An answer to one item of a questionnaire, the generic source where registry data is lacking.
 * Its code is {@code questionnaire/item} in the {@link CodeSystem#QUESTIONNAIRE} system.
 *
 * @param patientId the patient
 * @param date the date answered
 * @param questionnaire the questionnaire, e.g. {@code WHO5}
 * @param item the item within it, e.g. {@code total}
 * @param score the numeric answer, empty when the item was skipped
 */
public record QuestionnaireAnswer(
    String patientId, LocalDate date, String questionnaire, String item, OptionalDouble score)
    implements Event {

  public QuestionnaireAnswer {
    requireNonNull(patientId, "patientId");
    requireNonNull(date, "date");
    requireNonNull(questionnaire, "questionnaire");
    requireNonNull(item, "item");
    score = score == null ? OptionalDouble.empty() : score;
    if (questionnaire.contains("/")) {
      throw new IllegalArgumentException("questionnaire id must not contain '/': " + questionnaire);
    }
  }

  @Override
  public EventType type() {
    return EventType.ANSWER;
  }

  @Override
  public Code code() {
    return new Code(CodeSystem.QUESTIONNAIRE, questionnaire + "/" + item);
  }

  @Override
  public OptionalDouble value() {
    return score;
  }
}
