package org.klynge.core.validation;

/** How serious a diagnostic is: errors make a definition unusable, warnings do not. */
public enum Severity {
  ERROR,
  WARNING
}
