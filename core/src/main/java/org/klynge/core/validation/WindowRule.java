package org.klynge.core.validation;

import java.util.List;
import org.klynge.core.definition.EventCriterion;

/** A window must not end before it starts, and only its start may be {@code ever}. */
final class WindowRule implements Rule {
  @Override
  public void check(CheckContext context, List<Diagnostic> out) {
    for (Site<EventCriterion> site : DefinitionWalker.eventLookups(context.documents())) {
      site.node().window().endsBeforeItStarts().ifPresent(problem -> out.add(
          new Site<>(site.source(), site.path() + ".window.from", site.node()).error(problem)));
    }
  }
}
