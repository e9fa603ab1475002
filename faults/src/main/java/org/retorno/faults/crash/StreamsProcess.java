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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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

  /** Log lines of the child's own log4j2 configuration ({@link #log4jConfig}): epoch millis first. */
  private static final Pattern FIRST_CLIENT = Pattern.compile("(?m)^(\\d{13}) INFO Kafka version");
  private static final Pattern STREAMS_STARTED = Pattern.compile(
      "(?m)^(\\d{13}) INFO .*State transition from CREATED to REBALANCING");
  /**
   * Start-up flags: C1 only (a restart spends its first seconds compiling, and this workload never
   * needs C2's peak speed), serial GC, and the class-data archive of an earlier run when there is one.
   */
  private static final List<String> JVM_OPTIONS = List.of("-Xms128m", "-Xmx768m", "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1", "-Xshare:auto");

  private final String instanceId;
  private final Path dir;
  private final Path config;
  private Process process;
  private Path log;
  private String url;
  private int starts;
  private boolean archiving;

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
    List<String> jvm = new ArrayList<>(JVM_OPTIONS);
    jvm.add("-Dlog4j2.configurationFile=" + log4jConfig());
    Optional<Path> archive = ClassDataArchive.existing();
    if (archive.isPresent()) {
      jvm.add("-XX:SharedArchiveFile=" + archive.get());
    } else if (ClassDataArchive.claimTraining()) {
      // No archive yet: this JVM writes one when it stops cleanly (see stop()), for the next starts.
      archiving = true;
      jvm.add("-XX:ArchiveClassesAtExit=" + ClassDataArchive.trainingFile());
    } else if (archiving) {
      jvm.add("-XX:ArchiveClassesAtExit=" + ClassDataArchive.trainingFile());
    }
    process = ChildProcesses.startJava("org.retorno.local.cli.RetornoCli", jvm,
        List.of("streams", "--config", config.toString(), "--no-create-topics"), log);
  }

  /**
   * Stops the instance at the end of a run: SIGTERM (a clean close) for the JVM that writes the
   * class-data archive, so the archive is written; SIGKILL for the others.
   */
  public void stop() {
    if (archiving && process.isAlive()) {
      ChildProcesses.terminate(process, Duration.ofSeconds(90));
      ClassDataArchive.publishTraining();
      archiving = false;
    } else {
      kill();
    }
  }

  /** Epoch millis of the restarted JVM's first Kafka client: the JVM up and the app's settings read. */
  public OptionalLong firstClientAt() {
    return logTime(FIRST_CLIENT);
  }

  /** Epoch millis when the restarted JVM's Kafka Streams client started (stores opened, group next). */
  public OptionalLong streamsStartedAt() {
    return logTime(STREAMS_STARTED);
  }

  /** Which start of this instance is running: a progress watcher stops when it changes. */
  public int starts() {
    return starts;
  }

  private OptionalLong logTime(Pattern pattern) {
    try {
      if (!Files.exists(log)) {
        return OptionalLong.empty();
      }
      Matcher matcher = pattern.matcher(Files.readString(log));
      return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Our own log configuration for the child: WARN, except the lines the harness reads (Kafka's
   * version banner, the Streams state transitions), each stamped with epoch millis.
   */
  private Path log4jConfig() {
    Path file = dir.resolve("log4j2-streams.properties");
    if (!Files.exists(file)) {
      String text = """
          status = error
          appender.out.type = Console
          appender.out.name = out
          appender.out.layout.type = PatternLayout
          appender.out.layout.pattern = %d{UNIX_MILLIS} %p %m (%c{1})%n
          rootLogger.level = warn
          rootLogger.appenderRef.out.ref = out
          logger.version.name = org.apache.kafka.common.utils.AppInfoParser
          logger.version.level = info
          logger.client.name = org.apache.kafka.streams.KafkaStreams
          logger.client.level = info
          logger.retorno.name = org.retorno
          logger.retorno.level = info
          """;
      try {
        Files.writeString(file, text);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
    }
    return file;
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
