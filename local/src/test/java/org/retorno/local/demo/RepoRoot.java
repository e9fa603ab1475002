package org.retorno.local.demo;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, found by walking up from the working directory to the parent pom. */
final class RepoRoot {
  private RepoRoot() {}

  static Path find() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("samples")) && Files.exists(dir.resolve("pom.xml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("cannot find the repository root (with samples/) above "
        + Path.of("").toAbsolutePath());
  }
}
