package org.klynge.core.result;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * How one criterion came out for one patient and period: its description, true or false, the
 * facts that decided it (events in the window, age, listing) and the traces of its parts.
 *
 * @param criterion the criterion in words
 * @param result whether it was true
 * @param evidence the facts looked at, e.g. {@code lab npu:NPU27300 2024-03-01 60 mmol/mol}
 * @param children traces of the parts of {@code and}, {@code or}, {@code not} and population references
 */
public record Trace(String criterion, boolean result, ImmutableList<String> evidence, ImmutableList<Trace> children) {

  public Trace {
    evidence = ImmutableList.copyOf(evidence);
    children = ImmutableList.copyOf(children);
  }

  /** The trace as indented lines, {@code [x]} for true and {@code [ ]} for false. */
  public String render() {
    StringBuilder out = new StringBuilder();
    render(out, "");
    return out.toString();
  }

  private void render(StringBuilder out, String indent) {
    out.append(indent).append(result ? "[x] " : "[ ] ").append(criterion).append('\n');
    for (String e : evidence) {
      out.append(indent).append("      ").append(e).append('\n');
    }
    for (Trace c : children) {
      c.render(out, indent + "    ");
    }
  }

  /** Every evidence line of this trace and its parts that were true. */
  public List<String> decidingFacts() {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    if (result) {
      out.addAll(evidence);
      children.forEach(c -> out.addAll(c.decidingFacts()));
    }
    return out.build();
  }
}
