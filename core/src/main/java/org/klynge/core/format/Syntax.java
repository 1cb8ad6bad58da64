package org.klynge.core.format;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The text syntaxes definitions are written in. */
public enum Syntax {
  JSON,
  YAML;

  /** The syntax a file name's extension implies: {@code .json}, {@code .yaml} or {@code .yml}. */
  public static Optional<Syntax> forFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return Optional.of(JSON);
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return Optional.of(YAML);
    }
    return Optional.empty();
  }
}
