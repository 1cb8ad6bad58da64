package org.klynge.examples.cli;

import java.util.Locale;

/** The languages the cluster report is written in ({@code --lang}). */
enum ReportLanguage {
  /** Danish: the default, for the coordinators and GPs who read the report. */
  da(Locale.forLanguageTag("da")),
  /** English. */
  en(Locale.ENGLISH);

  private final Locale locale;

  ReportLanguage(Locale locale) {
    this.locale = locale;
  }

  Locale locale() {
    return locale;
  }
}
