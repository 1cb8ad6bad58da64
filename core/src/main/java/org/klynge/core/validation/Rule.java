package org.klynge.core.validation;

import java.util.List;

/** One check over definitions; each rule reports what it finds and never throws for bad content. */
interface Rule {

  /** Adds a diagnostic to {@code out} for every problem this rule finds. */
  void check(CheckContext context, List<Diagnostic> out);
}
