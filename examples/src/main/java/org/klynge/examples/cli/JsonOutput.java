package org.klynge.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.klynge.core.data.Outcome;
import org.klynge.core.data.Reconciliation;
import org.klynge.core.data.Rejection;
import org.klynge.core.definition.MeasurementPeriod;
import org.klynge.core.result.Explanation;
import org.klynge.core.result.PatientListEntry;
import org.klynge.core.result.Population;
import org.klynge.core.result.Trace;

/**
 * The JSON that {@code --format json} prints: explanations, patient lists and the reconciliation
 * of input rows, each a documented object (see docs/data-format.md) built field by field, so that
 * its shape does not follow the Java records by accident.
 */
final class JsonOutput {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonOutput() {}

  static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write JSON", e);
    }
  }

  /**
   * {@code {"sources": {"events.csv": {"read", "used", "excluded": {reason: n}, "rejected": {…}}},
   * "exactDuplicates": {type: n}, "examples": […]}}.
   */
  static ObjectNode reconciliation(Reconciliation r) {
    ObjectNode root = NODES.objectNode();
    ObjectNode sources = root.putObject("sources");
    r.counts().forEach((source, lines) -> {
      ObjectNode s = sources.putObject(source);
      s.put("read", r.read(source));
      s.put("used", r.count(source, Outcome.USED));
      ObjectNode excluded = s.putObject("excluded");
      ObjectNode rejected = s.putObject("rejected");
      lines.forEach((line, n) -> {
        if (line.outcome() == Outcome.EXCLUDED) {
          excluded.put(line.reason(), n);
        } else if (line.outcome() == Outcome.REJECTED) {
          rejected.put(line.reason(), n);
        }
      });
    });
    ObjectNode duplicates = root.putObject("exactDuplicates");
    r.exactDuplicates().forEach(duplicates::put);
    ArrayNode examples = root.putArray("examples");
    for (Rejection e : r.examples()) {
      ObjectNode x = examples.addObject();
      x.put("outcome", e.outcome().name().toLowerCase(Locale.ROOT));
      x.put("reason", e.reason());
      x.put("source", e.location().source());
      x.put("line", e.location().line());
      e.location().column().ifPresent(c -> x.put("column", c));
      x.put("detail", e.detail());
    }
    return root;
  }

  /** {@code {"indicator", "patient", "period", "clinic", "populations": [codes], "traces": {code: trace}}}. */
  static ObjectNode explanation(Explanation e) {
    ObjectNode root = NODES.objectNode();
    root.put("indicator", e.indicatorKey());
    root.put("patient", e.patientId());
    root.set("period", period(e.period()));
    if (e.clinicId().isPresent()) {
      root.put("clinic", e.clinicId().get());
    } else {
      root.putNull("clinic");
    }
    root.set("populations", codes(e.populations().asList()));
    ObjectNode traces = root.putObject("traces");
    e.traces().forEach((population, trace) -> traces.set(population.code(), trace(trace)));
    return root;
  }

  /** {@code {"clinic", "indicator", "period", "selection", "patients": [{"id", "populations", "counted", "inNumerator", "facts"}]}}. */
  static ObjectNode patients(String clinic, String indicator, MeasurementPeriod period, String selection,
      List<PatientListEntry> entries) {
    ObjectNode root = NODES.objectNode();
    root.put("clinic", clinic);
    root.put("indicator", indicator);
    root.set("period", period(period));
    root.put("selection", selection);
    ArrayNode patients = root.putArray("patients");
    for (PatientListEntry entry : entries) {
      ObjectNode p = patients.addObject();
      p.put("id", entry.patientId());
      p.set("populations", codes(entry.populations().asList()));
      p.put("counted", entry.counted());
      p.put("inNumerator", entry.inNumerator());
      ArrayNode facts = p.putArray("facts");
      entry.facts().forEach(facts::add);
    }
    return root;
  }

  /** A trace and its parts; as deep as its criterion, which {@code DefinitionLimits} bound. */
  private static ObjectNode trace(Trace trace) {
    ObjectNode node = NODES.objectNode();
    node.put("criterion", trace.criterion());
    node.put("result", trace.result());
    ArrayNode evidence = node.putArray("evidence");
    trace.evidence().forEach(evidence::add);
    ArrayNode parts = node.putArray("parts");
    trace.children().forEach(child -> parts.add(trace(child)));
    return node;
  }

  private static ObjectNode period(MeasurementPeriod period) {
    ObjectNode node = NODES.objectNode();
    node.put("start", period.start().toString());
    node.put("end", period.end().toString());
    node.put("label", period.label());
    return node;
  }

  private static ArrayNode codes(List<Population> populations) {
    ArrayNode out = NODES.arrayNode();
    populations.forEach(p -> out.add(p.code()));
    return out;
  }
}
