package org.retorno.bench.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.retorno.bench.cluster.BenchCluster;

/**
 * {@code retorno demo --exit} as a child process on ephemeral ports and a fresh data directory:
 * seconds from launch to its "ready in" line, and its peak resident memory (VmHWM in
 * /proc/PID/status, sampled until it exits). The child runs the same main class and class path
 * as ./retorno, with ./retorno's default heap settings, without the script's build check.
 */
public final class DemoBench {
  /** Seconds to ready and to exit, peak RSS in MB, and the command that ran. */
  public record Result(double readySeconds, double totalSeconds, double peakRssMb, List<String> command) {}

  static final List<String> DEFAULT_HEAP = List.of("-Xms256m", "-Xmx2g");
  private static final Duration TIMEOUT = Duration.ofMinutes(4);
  private static final String READY_LINE = "ready in";

  private DemoBench() {}

  public static Result measure(Path samples) throws IOException, InterruptedException {
    Path dataDir = Files.createTempDirectory("retorno-bench-demo");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(DEFAULT_HEAP);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.retorno.local.cli.RetornoCli",
        "demo", "--exit", "--data-dir", dataDir.toString(), "--broker-port", "0", "--registry-port", "0",
        "--http-port", "0", "--samples", samples.toAbsolutePath().toString()));
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    AtomicLong readyAt = new AtomicLong();
    Thread output = new Thread(() -> watchOutput(process, started, readyAt), "bench-demo-output");
    output.setDaemon(true);
    output.start();
    try {
      long peakKb = 0;
      long deadline = started + TIMEOUT.toNanos();
      while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
        peakKb = Math.max(peakKb, peakResidentKb(process.pid()));
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("demo did not exit within " + TIMEOUT.toMinutes() + " minutes");
        }
      }
      double total = (System.nanoTime() - started) / 1e9;
      output.join(5_000);
      if (process.exitValue() != 0) {
        throw new IllegalStateException("demo exited with " + process.exitValue());
      }
      if (readyAt.get() == 0) {
        throw new IllegalStateException("demo exited without printing its '" + READY_LINE + "' line");
      }
      if (peakKb == 0) {
        throw new IllegalStateException("demo's memory could not be read from /proc/" + process.pid() + "/status");
      }
      return new Result((readyAt.get() - started) / 1e9, total, peakKb / 1024.0, displayed(command));
    } finally {
      process.destroyForcibly();
      BenchCluster.deleteRecursively(dataDir);
    }
  }

  private static void watchOutput(Process process, long started, AtomicLong readyAt) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.contains(READY_LINE)) {
          readyAt.compareAndSet(0, System.nanoTime());
        }
      }
    } catch (IOException e) {
      // The process ended; what was read is what counts.
    }
  }

  /** VmHWM: the process's peak resident set so far, in kB; 0 once the process is gone. */
  static long peakResidentKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  /** The command as run, with the long class path shortened for the report. */
  private static List<String> displayed(List<String> command) {
    List<String> shown = new ArrayList<>(command);
    int cp = shown.indexOf("-cp");
    shown.set(cp + 1, "<bench class path>");
    return shown;
  }
}
