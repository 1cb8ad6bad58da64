package org.klynge.core.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.klynge.core.definition.EventCriterion;
import org.klynge.core.definition.ValueSet;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.EventType;

/**
 * Value sets must include at least one code, codes must not be blank, and an event look-up
 * should use a value set with codes of a system that event type is recorded in (a warning). The
 * warning is given only when every system of the value set is built in with known event types:
 * SNOMED CT and declared systems may hold codes of any event type.
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
              out.add(Diagnostic.error(doc.source(), path + ".include." + system + "[" + c + "]", "code must not be blank"));
            }
          }
        });
      }
    }
    for (Site<EventCriterion> site : DefinitionWalker.eventLookups(context.documents())) {
      EventType type = site.node().event();
      context.merged().valueSet(site.node().valueSet()).ifPresent(vs -> {
        Set<String> expected = systemsOf(type);
        boolean any = vs.include().keySet().stream().anyMatch(expected::contains);
        boolean allTyped = vs.include().keySet().stream().allMatch(TYPED::contains);
        if (!any && allTyped && vs.includedEntryCount() > 0) {
          out.add(site.warning("value set '" + vs.id() + "' has no codes of a system " + type.code()
              + " events are recorded in (" + expected.stream().sorted().toList() + ")"));
        }
      });
    }
  }

  /** The built-in systems whose codes are of known event types. */
  private static final Set<String> TYPED = Arrays.stream(EventType.values()).flatMap(t -> systemsOf(t).stream())
      .collect(Collectors.toUnmodifiableSet());

  /** The ids of the built-in systems events of {@code type} are recorded in. */
  static Set<String> systemsOf(EventType type) {
    switch (type) {
      case DIAGNOSIS:
        return ids(CodeSystem.ICPC2, CodeSystem.ICD10, CodeSystem.ICD10CM, CodeSystem.SKS);
      case LAB:
        return ids(CodeSystem.NPU, CodeSystem.LOINC);
      case PRESCRIPTION:
        return ids(CodeSystem.ATC, CodeSystem.RXNORM);
      case SERVICE:
        return ids(CodeSystem.FEE, CodeSystem.SKS, CodeSystem.CPT, CodeSystem.HCPCS);
      case EPISODE:
        return ids(CodeSystem.SKS, CodeSystem.FEE);
      default:
        return ids(CodeSystem.QUESTIONNAIRE, CodeSystem.LOINC);
    }
  }

  private static Set<String> ids(CodeSystem... systems) {
    return Arrays.stream(systems).map(CodeSystem::id).collect(Collectors.toUnmodifiableSet());
  }
}
