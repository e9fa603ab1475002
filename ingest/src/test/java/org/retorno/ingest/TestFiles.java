package org.retorno.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared fixtures: the demo's sample files, a fixed clock, files written for one test. */
public final class TestFiles {
  /** 2025-01-15T12:00:00Z: after every sample date, so nothing is "in the future". */
  public static final Instant NOW = Instant.parse("2025-01-15T12:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private TestFiles() {}

  /** The repository's samples folder (tests run in the module directory). */
  public static Path samples(String relative) {
    Path path = Path.of("..", "samples").resolve(relative).normalize();
    if (!Files.exists(path)) {
      throw new IllegalStateException("sample missing: " + path.toAbsolutePath());
    }
    return path;
  }

  public static InputFile sample(String relative) {
    Path path = samples(relative);
    return new InputFile(path, path.getFileName().toString());
  }

  public static InputFile write(Path directory, String name, String content) {
    return write(directory, name, content.getBytes(StandardCharsets.UTF_8));
  }

  public static InputFile write(Path directory, String name, byte[] content) {
    try {
      Path path = directory.resolve(name);
      Files.createDirectories(path.getParent());
      Files.write(path, content);
      return new InputFile(path, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
