package org.retorno.local.conformance;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scripts of the repository's {@code conformance/} npm project. A missing Node.js fails
 * the test with a one-line hint: a conformance check that silently skips proves nothing.
 */
final class NodeScripts {
  private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(5);

  /** What a script printed and how it ended. */
  record Result(int exitCode, List<String> stdoutLines, String stderr) {}

  private final Path project;

  private NodeScripts(Path project) {
    this.project = project;
  }

  /** Finds conformance/, checks Node.js and installs the npm packages if they are missing. */
  static NodeScripts prepare() {
    NodeScripts scripts = new NodeScripts(findProject(Path.of("").toAbsolutePath()));
    scripts.requireNode();
    if (!Files.isDirectory(scripts.project.resolve("node_modules"))) {
      Result ci;
      try {
        ci = scripts.run(NPM_CI_TIMEOUT, "npm", "ci", "--no-audit", "--no-fund");
      } catch (CommandMissing e) {
        return fail("npm is not installed: install it with Node.js (Debian: apt-get install npm)"
            + " to run the npm conformance test");
      }
      if (ci.exitCode() != 0) {
        fail("npm ci in " + scripts.project + " failed (exit " + ci.exitCode() + "): "
            + lastLines(ci.stderr()));
      }
    }
    return scripts;
  }

  /** Runs {@code node script args...} in the project directory. */
  Result node(Duration timeout, String script, String... args) {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    return run(timeout, command.toArray(String[]::new));
  }

  Path project() {
    return project;
  }

  /** Walks up from the module directory to the one that holds conformance/package.json. */
  private static Path findProject(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("conformance");
      if (Files.isRegularFile(candidate.resolve("package.json"))) {
        return candidate;
      }
    }
    return fail("no conformance/package.json in " + start + " or any directory above it");
  }

  private void requireNode() {
    try {
      Result version = run(Duration.ofSeconds(30), "node", "--version");
      if (version.exitCode() != 0) {
        fail("node --version failed: " + lastLines(version.stderr()));
      }
    } catch (CommandMissing e) {
      fail("Node.js is not installed: install Node.js 20 or newer with npm (Debian: apt-get"
          + " install nodejs npm) to run the npm conformance test");
    }
  }

  private Result run(Duration timeout, String... command) {
    try {
      Path out = Files.createTempFile("conformance-out", ".txt");
      Path err = Files.createTempFile("conformance-err", ".txt");
      try {
        Process process;
        try {
          process = new ProcessBuilder(command).directory(project.toFile())
              .redirectOutput(out.toFile()).redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .start();
        } catch (IOException e) {
          throw new CommandMissing();
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          fail(String.join(" ", command) + " did not finish within " + timeout.toSeconds()
              + " s; it printed: " + lastLines(Files.readString(err)));
        }
        return new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL"
        : "/dev/null");
  }

  static String lastLines(String text) {
    String[] lines = text.strip().split("\n");
    return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - 5),
        lines.length));
  }

  /** The executable could not be started at all. */
  private static final class CommandMissing extends RuntimeException {
    CommandMissing() {
      super(null, null, false, false);
    }
  }
}
