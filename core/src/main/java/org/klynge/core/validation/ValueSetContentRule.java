package org.klynge.core.validation;

import java.util.List;
import java.util.Set;
import org.klynge.core.definition.EventCriterion;
import org.klynge.core.definition.ValueSet;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.EventType;

/**
 * Value sets must include at least one code, codes must not be blank, and an event look-up
 * should use a value set with codes of a system that event type is recorded in (a warning).
 */
final class ValueSetContentRule implements Rule {

  @Override
  public void check(CheckContext context, List<Diagnostic> out) {
    for (Document doc : context.documents()) {
      List<ValueSet> sets = doc.definitions().valueSets();
      for (int i = 0; i < sets.size(); i++) {
        ValueSet vs = sets.get(i);
        String path = "valueSets[" + i + "]";
        if (vs.includedEntryCount() == 0) {
          out.add(Diagnostic.error(doc.source(), path + ".include", "value set '" + vs.id() + "' includes no codes"));
        }
        vs.include().forEach((system, codes) -> {
          for (int c = 0; c < codes.size(); c++) {
            if (codes.get(c).isBlank()) {
              out.add(Diagnostic.error(doc.source(), path + ".include." + system.code() + "[" + c + "]", "code must not be blank"));
            }
          }
        });
      }
    }
    for (Site<EventCriterion> site : DefinitionWalker.eventLookups(context.documents())) {
      EventType type = site.node().event();
      context.merged().valueSet(site.node().valueSet()).ifPresent(vs -> {
        Set<CodeSystem> expected = systemsOf(type);
        boolean any = vs.include().keySet().stream().anyMatch(expected::contains);
        if (!any && vs.includedEntryCount() > 0) {
          out.add(site.warning("value set '" + vs.id() + "' has no codes of a system " + type.code()
              + " events are recorded in (" + expected.stream().map(CodeSystem::code).sorted().toList() + ")"));
        }
      });
    }
  }

  static Set<CodeSystem> systemsOf(EventType type) {
    switch (type) {
      case DIAGNOSIS:
        return Set.of(CodeSystem.ICPC2, CodeSystem.ICD10);
      case LAB:
        return Set.of(CodeSystem.NPU, CodeSystem.LOINC);
      case PRESCRIPTION:
        return Set.of(CodeSystem.ATC);
      case SERVICE:
        return Set.of(CodeSystem.FEE);
      default:
        return Set.of(CodeSystem.QUESTIONNAIRE);
    }
  }
}
