package org.klynge.core.result;

import com.google.common.collect.ImmutableSortedMap;
import java.time.LocalDate;
import java.util.Map;

/**
 * Where a result table comes from.
 *
 * @param definitionHashes per indicator key ({@code id@version}), the SHA-256 of its canonical
 *     JSON together with the value sets and populations it uses
 * @param dataAsOf per data source, the date its data is complete to
 * @param engineVersion the Klynge version that computed the results
 */
public record Provenance(
    ImmutableSortedMap<String, String> definitionHashes,
    ImmutableSortedMap<String, LocalDate> dataAsOf,
    String engineVersion) {

  public Provenance {
    definitionHashes = ImmutableSortedMap.copyOf((Map<String, String>) definitionHashes);
    dataAsOf = ImmutableSortedMap.copyOf((Map<String, LocalDate>) dataAsOf);
  }
}
