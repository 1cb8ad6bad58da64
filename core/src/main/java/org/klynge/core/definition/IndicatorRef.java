package org.klynge.core.definition;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * A reference from a package to an indicator defined elsewhere, written {@code id} (the only
 * version defined) or {@code id@version}.
 *
 * @param id the indicator id
 * @param version the version, when pinned
 */
public record IndicatorRef(String id, Optional<String> version) implements PackageIndicator {

  public IndicatorRef {
    requireNonNull(id, "id");
    version = version == null ? Optional.empty() : version;
  }

  /** Reads {@code id} or {@code id@version}. */
  public static IndicatorRef parse(String text) {
    int at = text.indexOf('@');
    return at < 0
        ? new IndicatorRef(text.trim(), Optional.empty())
        : new IndicatorRef(text.substring(0, at).trim(), Optional.of(text.substring(at + 1).trim()));
  }

  @JsonValue
  @Override
  public String toString() {
    return version.map(v -> id + "@" + v).orElse(id);
  }
}
