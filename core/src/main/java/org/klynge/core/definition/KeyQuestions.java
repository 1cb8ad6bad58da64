package org.klynge.core.definition;

import jakarta.validation.constraints.NotBlank;
/**
 * The three questions every cluster package must answer yes to, each with the answer: is
 * there a relevant clinical problem, can data illuminate it, can the GP act on it?
 *
 * @param clinicalProblem the clinical problem the package addresses
 * @param howDataIlluminates how (fully or partly) the data illuminates it
 * @param whatTheGpCanDo what the GP can do about it
 */
public record KeyQuestions(
    @NotBlank(message = "must answer: is there a relevant clinical problem?") String clinicalProblem,
    @NotBlank(message = "must answer: can data illuminate it?") String howDataIlluminates,
    @NotBlank(message = "must answer: can the GP act on it?") String whatTheGpCanDo) {
  public KeyQuestions {
    clinicalProblem = clinicalProblem == null ? "" : clinicalProblem;
    howDataIlluminates = howDataIlluminates == null ? "" : howDataIlluminates;
    whatTheGpCanDo = whatTheGpCanDo == null ? "" : whatTheGpCanDo;
  }
}
