package org.klynge.indicators;

import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.klynge.core.definition.ClusterPackage;
import org.klynge.core.definition.DefinitionSet;
import org.klynge.core.definition.Indicator;
import org.klynge.core.format.DefinitionLoader;
import org.klynge.core.format.LoadedDefinitions;
import org.klynge.core.format.Syntax;

/**
 * The bundled catalogue of packages and indicators, read from the class path and checked.
 *
 * <pre>{@code
 * DefinitionSet catalogue = Catalogue.definitions();          // everything, checked
 * Indicator dvdd = Catalogue.indicator("dvdd-1f-hba1c-measured").orElseThrow();
 * }</pre>
 *
 * <p>From JShell: {@code var defs = org.klynge.indicators.Catalogue.definitions();}
 */
public final class Catalogue {

  /** The class-path folder holding the definition files. */
  public static final String RESOURCE_FOLDER = "/org/klynge/indicators/catalogue/";
  private static final String INDEX = RESOURCE_FOLDER + "index.txt";

  private static volatile DefinitionSet cached;

  private Catalogue() {}

  /** The names of the catalogue's definition files, in load order. */
  public static ImmutableList<String> files() {
    List<String> names = new ArrayList<>();
    for (String line : read(INDEX).split("\n")) {
      String name = line.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        names.add(name);
      }
    }
    return ImmutableList.copyOf(names);
  }

  /** Reads and checks every file; the result carries all diagnostics. */
  public static LoadedDefinitions load() {
    List<DefinitionLoader.Source> sources = new ArrayList<>();
    for (String file : files()) {
      sources.add(new DefinitionLoader.Source("catalogue/" + file, read(RESOURCE_FOLDER + file),
          file.endsWith(".json") ? Syntax.JSON : Syntax.YAML));
    }
    return DefinitionLoader.loadTexts(sources);
  }

  /** The whole catalogue as one checked set (loaded once, then shared). */
  public static DefinitionSet definitions() {
    DefinitionSet local = cached;
    if (local == null) {
      local = load().orThrow();
      cached = local;
    }
    return local;
  }

  /** The indicator with this id (the newest listed version when several), if any. */
  public static Optional<Indicator> indicator(String id) {
    return definitions().indicators().stream().filter(i -> i.id().equals(id)).reduce((a, b) -> b);
  }

  /** The indicator with this id and version, if any. */
  public static Optional<Indicator> indicator(String id, String version) {
    return definitions().indicators().stream()
        .filter(i -> i.id().equals(id) && i.version().equals(version)).findFirst();
  }

  /** The package with this id, if any. */
  public static Optional<ClusterPackage> clusterPackage(String id) {
    return definitions().clusterPackage(id);
  }

  /** Every package. */
  public static ImmutableList<ClusterPackage> packages() {
    return definitions().packages();
  }

  /** Every top-level indicator. */
  public static ImmutableList<Indicator> indicators() {
    return definitions().indicators();
  }

  private static String read(String resource) {
    try (InputStream in = Catalogue.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("catalogue resource " + resource + " is missing from the class path");
      }
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        StringBuilder out = new StringBuilder();
        r.lines().forEach(l -> out.append(l).append('\n'));
        return out.toString();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
