package org.klynge.core.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.klynge.core.definition.CompletenessRequirement;
import org.klynge.core.definition.DataSource;
import org.klynge.core.definition.Indicator;

/**
 * An indicator's completeness requirements name a source with events of its own (not the
 * population register), each source once, with a minimum above 0 and at most 100 % of the nation's
 * and a significance above 0 and at most 0.5.
 */
final class CompletenessRule implements Rule {
  @Override
  public void check(CheckContext context, List<Diagnostic> out) {
    for (Site<Indicator> site : DefinitionWalker.indicators(context.documents())) {
      List<CompletenessRequirement> requires = site.node().requires();
      Set<DataSource> seen = new HashSet<>();
      for (int i = 0; i < requires.size(); i++) {
        CompletenessRequirement r = requires.get(i);
        String path = site.path() + ".requires[" + i + "]";
        if (r.source().eventTypes().isEmpty()) {
          out.add(Diagnostic.error(site.source(), path + ".source", "the " + r.source().code()
              + " source has no events to measure completeness by: require carePlans, prescriptions, services,"
              + " questionnaires or municipal"));
        }
        if (!seen.add(r.source())) {
          out.add(Diagnostic.error(site.source(), path + ".source", "source " + r.source().code()
              + " is required twice"));
        }
        if (!(r.significance() > 0 && r.significance() <= 0.5)) {
          out.add(Diagnostic.error(site.source(), path + ".significance",
              "must be above 0 and at most 0.5 (how unlikely a shortfall must be to mark a clinic), was "
                  + r.significance()));
        }
        if (!(r.minimumOfNation() > 0 && r.minimumOfNation() <= 100)) {
          out.add(Diagnostic.error(site.source(), path + ".minimumOfNation",
              "must be above 0 and at most 100 (percent of the nation's share), was " + r.minimumOfNation()));
        }
      }
    }
  }
}
