package org.klynge.spark;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Indicator;
import org.klynge.core.engine.Evaluator;
import org.klynge.core.format.DefinitionFormat;
import org.klynge.core.format.Syntax;

/**
 * A compiled {@link Evaluator} in a form Java serialisation can ship to executors. An evaluator is
 * not serialisable (its definitions are records of many types), so its definitions travel as the
 * JSON {@link DefinitionFormat} writes, with the keys of the indicators it computes, and each
 * executor JVM compiles them once, the first time a task asks, and keeps the evaluator for every
 * later task of the same definitions.
 */
final class ShippedEvaluator implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Compiled evaluators of this JVM, by {@link #digest}; a job ships one set of definitions, so few are kept. */
  private static final Map<String, Evaluator> COMPILED = new ConcurrentHashMap<>();
  private static final int KEPT = 8;

  private final String definitionsJson;
  private final ImmutableList<String> indicatorKeys;
  private final String digest;

  ShippedEvaluator(Evaluator evaluator) {
    this.definitionsJson = DefinitionFormat.write(evaluator.definitions(), Syntax.JSON);
    this.indicatorKeys = evaluator.indicators().stream().map(Indicator::key).collect(ImmutableList.toImmutableList());
    this.digest = sha256(definitionsJson + "\n" + String.join("\n", indicatorKeys));
  }

  /** The evaluator, compiled in this JVM at the first call. */
  Evaluator evaluator() {
    Evaluator known = COMPILED.get(digest);
    if (known != null) {
      return known;
    }
    if (COMPILED.size() >= KEPT) {
      COMPILED.clear();
    }
    return COMPILED.computeIfAbsent(digest, d -> compile());
  }

  private Evaluator compile() {
    DefinitionFormat.Parsed parsed = DefinitionFormat.read(definitionsJson, Syntax.JSON, "shipped definitions");
    DefinitionSet definitions = parsed.definitions().orElseThrow(() -> new IllegalStateException(
        "the shipped definitions do not read back: " + parsed.diagnostics()));
    Map<String, Indicator> byKey = new HashMap<>();
    definitions.indicators().forEach(i -> byKey.put(i.key(), i));
    List<Indicator> indicators = indicatorKeys.stream().map(key -> {
      Indicator found = byKey.get(key);
      if (found == null) {
        throw new IllegalStateException("indicator " + key + " is not among the shipped definitions' indicators");
      }
      return found;
    }).toList();
    return Evaluator.compile(definitions, indicators);
  }

  private static String sha256(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : hash) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
