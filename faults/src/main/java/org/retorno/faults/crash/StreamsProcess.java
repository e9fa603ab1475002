package org.retorno.faults.crash;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instance of the real streams app ({@code RetornoCli streams --config FILE}) in a JVM of its
 * own, with a fixed identity: the same {@code group.instance.id} (static membership) and state
 * directory on every start, so a restart after SIGKILL rejoins as the same member.
 */
public final class StreamsProcess {
  private static final Pattern ENDPOINT = Pattern.compile("streams: HTTP endpoint (http://\\S+)");
  private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String instanceId;
  private final Path dir;
  private final Path config;
  private Process process;
  private Path log;
  private String url;
  private int starts;

  private StreamsProcess(String instanceId, Path dir, Path config) {
    this.instanceId = instanceId;
    this.dir = dir;
    this.config = config;
  }

  /**
   * Writes the instance's settings: {@code settings} (guarantee, cache, commit interval...) over
   * the harness defaults, then starts it.
   */
  public static StreamsProcess start(String instanceId, Path dir, String bootstrap, String registryUrl,
      Properties settings) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("schema.registry.url", registryUrl);
    props.put("application.id", "retorno-streams");
    props.put("group.instance.id", instanceId);
    props.put("state.dir", dir.resolve("state").toAbsolutePath().toString());
    props.put("replication.factor", "3");
    props.put("num.stream.threads", "1");
    props.put("retorno.http.port", "0");
    props.put("retorno.analyst.token", "crash-harness-" + instanceId);
    props.putAll(settings);
    try {
      Files.createDirectories(dir);
      Path config = dir.resolve("streams.properties");
      try (OutputStream out = Files.newOutputStream(config)) {
        props.store(out, "crash harness streams instance " + instanceId);
      }
      StreamsProcess instance = new StreamsProcess(instanceId, dir, config);
      instance.launch();
      return instance;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare streams instance " + instanceId + " in " + dir, e);
    }
  }

  public String instanceId() {
    return instanceId;
  }

  /** SIGKILL: no close, no commit, no checkpoint; open transactions stay open. */
  public void kill() {
    ChildProcesses.kill(process);
    url = null;
  }

  /** Starts again with the same identity and state directory. */
  public void restart() {
    launch();
  }

  /** The Kafka Streams state as /health reports it; empty while the JVM is starting or gone. */
  public Optional<String> state() {
    if (!process.isAlive()) {
      return Optional.empty();
    }
    if (url == null) {
      url = endpoint().orElse(null);
      if (url == null) {
        return Optional.empty();
      }
    }
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/health"))
          .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
      Matcher matcher = STATE.matcher(response.body());
      return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Whether this run of the instance has processed records and committed since it started: its
   * own counters on /metrics (Kafka Streams metrics, rescanned by the app every 5 s).
   */
  public boolean committedProgress() {
    if (url == null || !process.isAlive()) {
      return false;
    }
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/metrics"))
          .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
      return total(response.body(), "kafka_stream_thread_process_total") > 0
          && total(response.body(), "kafka_stream_thread_commit_total") > 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static double total(String scrape, String metric) {
    double sum = 0;
    for (String line : scrape.split("\n")) {
      if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  public boolean running() {
    return state().filter("RUNNING"::equals).isPresent();
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  public Path log() {
    return log;
  }

  private void launch() {
    starts++;
    log = dir.resolve("run-" + starts + ".log");
    url = null;
    process = ChildProcesses.startJava("org.retorno.local.cli.RetornoCli",
        List.of("-Xms128m", "-Xmx768m", "-XX:+UseSerialGC"),
        List.of("streams", "--config", config.toString(), "--no-create-topics"), log);
  }

  private Optional<String> endpoint() {
    try {
      if (!Files.exists(log)) {
        return Optional.empty();
      }
      Matcher matcher = ENDPOINT.matcher(Files.readString(log));
      return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
