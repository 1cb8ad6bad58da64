package org.klynge.core.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.klynge.core.definition.ValueSet;
import org.klynge.core.model.CodeSystem;
import org.klynge.core.model.CodeSystems;

/**
 * Code systems are declared before value sets name them. A declared system must not give a
 * known id (built in, or declared earlier in any document) another hierarchy; declaring a known
 * system again with the same hierarchy is allowed. Every system a value set includes or excludes
 * codes of must be built in or declared in one of the documents checked together.
 */
final class CodeSystemsRule implements Rule {

  @Override
  public void check(CheckContext context, List<Diagnostic> out) {
    Map<String, CodeSystem> known = new HashMap<>();
    Map<String, String> where = new HashMap<>();
    for (CodeSystem s : CodeSystem.builtIns()) {
      known.put(s.id(), s);
      where.put(s.id(), "built in");
    }
    for (Document doc : context.documents()) {
      List<CodeSystem> declared = doc.definitions().codeSystems();
      for (int i = 0; i < declared.size(); i++) {
        CodeSystem s = declared.get(i);
        String path = "codeSystems[" + i + "]";
        CodeSystem first = known.putIfAbsent(s.id(), s);
        if (first == null) {
          where.put(s.id(), "declared at " + doc.source() + ": " + path);
        } else if (!first.sameRule(s)) {
          out.add(Diagnostic.error(doc.source(), path + ".hierarchy", "code system '" + s.id() + "' is declared with"
              + " hierarchy " + s.hierarchy().code() + ", but it has hierarchy " + first.hierarchy().code() + " ("
              + where.get(s.id()) + ")"));
        }
      }
    }
    CodeSystems systems = context.merged().declaredSystems();
    for (Document doc : context.documents()) {
      List<ValueSet> sets = doc.definitions().valueSets();
      for (int i = 0; i < sets.size(); i++) {
        ValueSet vs = sets.get(i);
        undeclared(doc, "valueSets[" + i + "].include", vs, vs.include().keySet(), systems, out);
        undeclared(doc, "valueSets[" + i + "].exclude", vs, vs.exclude().keySet(), systems, out);
      }
    }
  }

  private static void undeclared(Document doc, String path, ValueSet vs, Iterable<String> ids, CodeSystems systems,
      List<Diagnostic> out) {
    for (String id : ids) {
      if (!systems.contains(id)) {
        out.add(Diagnostic.error(doc.source(), path + "." + id, "value set '" + vs.id() + "' names code system '" + id
            + "', which is neither built in nor declared (built in: " + CodeSystem.builtInIds() + declaredText(systems)
            + "); declare it under codeSystems: [{id: " + id + ", title: ..., hierarchy: prefix or exact}]"));
      }
    }
  }

  private static String declaredText(CodeSystems systems) {
    Optional<String> declared = Optional.of(systems.all().stream()
        .filter(s -> CodeSystem.builtIn(s.id()).isEmpty()).map(CodeSystem::id).collect(Collectors.joining(", ")))
        .filter(t -> !t.isEmpty());
    return declared.map(t -> "; declared: " + t).orElse("");
  }
}
