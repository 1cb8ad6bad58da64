package org.klynge.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The extract folders under {@code src/test/resources/extracts}. */
final class Fixtures {

  private Fixtures() {}

  /** The fixture folder {@code name}, e.g. {@code good}. */
  static Path extract(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/extracts/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of fixture {@code name} in {@code folder}, to change. */
  static Path copy(String name, Path folder) {
    try (Stream<Path> files = Files.list(extract(name))) {
      files.forEach(f -> {
        try {
          Files.copy(f, folder.resolve(f.getFileName().toString()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }

  /** Replaces file {@code name} in {@code folder} by {@code lines}. */
  static void write(Path folder, String name, String... lines) throws IOException {
    Files.writeString(folder.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }
}
