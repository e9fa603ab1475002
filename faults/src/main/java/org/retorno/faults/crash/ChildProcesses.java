package org.retorno.faults.crash;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every child JVM the harness starts, so that none outlives it: a JVM shutdown hook kills what is
 * left (SIGKILL), including when a test fails half-way. Output goes to a log file per process.
 */
public final class ChildProcesses {
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "crash-harness-children"));
  }

  private ChildProcesses() {}

  /** Starts {@code mainClass} in a JVM of its own on this JVM's class path; output appended to {@code log}. */
  public static Process startJava(String mainClass, List<String> jvmOptions, List<String> args, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath());
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    try {
      Process process = builder.start();
      RUNNING.add(process);
      process.onExit().thenRun(() -> RUNNING.remove(process));
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a JVM for " + mainClass + ": " + e.getMessage(), e);
    }
  }

  /** SIGKILL, then wait until the process is gone: no shutdown hook of its own runs. */
  public static void kill(Process process) {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("process " + process.pid() + " survived SIGKILL for 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(process);
  }

  /** SIGTERM and up to {@code timeout} for a clean exit; SIGKILL if it takes longer. */
  public static void terminate(Process process, Duration timeout) {
    process.destroy();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill(process);
    }
    RUNNING.remove(process);
  }

  public static void killAll() {
    for (Process process : List.copyOf(RUNNING)) {
      kill(process);
    }
  }

  public static int running() {
    return RUNNING.size();
  }

  /**
   * The class path for children. Inside surefire or failsafe {@code java.class.path} may be a
   * manifest-only booter jar; the plugins put the real test class path in
   * {@code surefire.test.class.path}.
   */
  static synchronized String classPath() {
    if (snapshotClassPath == null) {
      snapshotClassPath = snapshot(declaredClassPath());
    }
    return snapshotClassPath;
  }

  private static String snapshotClassPath;

  private static String declaredClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    if (surefire != null && !surefire.isBlank()) {
      return surefire;
    }
    String path = System.getProperty("java.class.path");
    if (path.split(File.pathSeparator).length == 1 && path.endsWith(".jar") && path.contains("surefire")) {
      throw new IllegalStateException("the class path is a surefire booter jar and surefire.test.class.path is"
          + " not set: cannot start child JVMs");
    }
    return path;
  }

  /**
   * Loads (without initialising) every class of one of the project's jars into this JVM now: the
   * harness itself reads from the same jars, which may be rewritten under it later in the run.
   */
  private static void preload(Path jar) throws IOException {
    ClassLoader loader = ChildProcesses.class.getClassLoader();
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      for (var entries = file.entries(); entries.hasMoreElements(); ) {
        String name = entries.nextElement().getName();
        if (name.endsWith(".class") && !name.contains("-")) {
          try {
            Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
          } catch (ClassNotFoundException | LinkageError e) {
            // Not on this JVM's class path, or needs an optional library: the harness does not use it.
          }
        }
      }
    }
  }

  /**
   * Copies the project's own jars (org/retorno in the local repository) aside: other builds on the
   * machine reinstall them while a run is going, and a JVM restarted after a kill must load the
   * same classes as before. The directory is named by the jars' content and the class path, so the
   * next run with the same jars finds the same copies (and the class-data archive made from them).
   */
  private static String snapshot(String classPath) {
    try {
      List<Path> ours = new ArrayList<>();
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(classPath.getBytes(StandardCharsets.UTF_8));
      for (String entry : classPath.split(File.pathSeparator)) {
        Path path = Path.of(entry);
        if (isOurJar(entry, path)) {
          ours.add(path);
          digest.update(Files.readAllBytes(path));
        }
      }
      String hash = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
      Path dir = Path.of(System.getProperty("java.io.tmpdir"), "crash-harness-lib-" + hash);
      Files.createDirectories(dir);
      List<String> entries = new ArrayList<>();
      for (String entry : classPath.split(File.pathSeparator)) {
        Path path = Path.of(entry);
        if (Files.isDirectory(path)) {
          // target/classes and target/test-classes: the children run the app and the broker from
          // jars only, and a class-data archive cannot be made or used with a non-empty directory.
          continue;
        }
        if (isOurJar(entry, path)) {
          Path copy = dir.resolve(path.getFileName());
          if (!Files.isRegularFile(copy)) {
            Path part = Files.createTempFile(dir, path.getFileName().toString(), ".part");
            Files.copy(path, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, copy, StandardCopyOption.ATOMIC_MOVE);
          }
          entries.add(copy.toString());
          preload(copy);
        } else {
          entries.add(entry);
        }
      }
      libDirectory = dir;
      return String.join(File.pathSeparator, entries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the class path aside: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }

  private static boolean isOurJar(String entry, Path path) {
    return entry.endsWith(".jar") && entry.contains(File.separator + "org" + File.separator + "retorno")
        && Files.isRegularFile(path);
  }

  private static Path libDirectory;

  /** Where the class-path snapshot lives (and the class-data archive beside it). */
  static synchronized Path libDirectory() {
    classPath();
    return libDirectory;
  }
}
