package org.retorno.streams.app;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.retorno.streams.api.ApiConfig;
import org.retorno.streams.api.HttpApi;
import org.retorno.streams.api.PipelineMetrics;
import org.retorno.streams.topology.RetornoTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring: the topology, Kafka Streams, metrics and the HTTP endpoint, started and stopped together. */
public final class StreamsApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

  private final StreamsSettings settings;
  private final KafkaStreams streams;
  private final PrometheusMeterRegistry meters;
  private final PipelineMetrics pipelineMetrics;
  private final KafkaStreamsMetrics streamsMetrics;
  private final JvmGcMetrics gcMetrics;
  private final ScheduledExecutorService metricsRefresh;
  private final HttpApi http;
  private final HostInfo self;

  private StreamsApp(StreamsSettings settings) {
    this.settings = settings;
    this.meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.pipelineMetrics = new PipelineMetrics(meters);
    Topology topology = RetornoTopology.build(settings.topologyConfig().withListener(pipelineMetrics));
    // Bound first: application.server must name the port peers and clients really reach.
    this.http = HttpApi.bind(settings.httpHost(), settings.httpPort(), settings.httpTls());
    Properties props = settings.streamsProperties();
    this.self = advertised(props, http.address());
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    props.put(DeadLetterDeserializationHandler.METRICS_CONFIG, pipelineMetrics);
    this.streams = new KafkaStreams(topology, props);
    this.streams.setUncaughtExceptionHandler(exception -> {
      LOG.error("stream thread failed; replacing it: {}", exception.toString());
      return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler
          .StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    this.metricsRefresh = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "retorno-metrics-refresh");
      thread.setDaemon(true);
      return thread;
    });
    this.streamsMetrics = new KafkaStreamsMetrics(streams, List.of(Tag.of("app", "retorno")),
        metricsRefresh, Duration.ofSeconds(5));
    this.streamsMetrics.bindTo(meters);
    new JvmMemoryMetrics().bindTo(meters);
    this.gcMetrics = new JvmGcMetrics();
    this.gcMetrics.bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ClassLoaderMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    new UptimeMetrics().bindTo(meters);
  }

  /** application.server as configured, else the bound address (a wildcard bind names this host). */
  private static HostInfo advertised(Properties props, HostInfo bound) {
    String configured = props.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG, "").strip();
    if (!configured.isEmpty()) {
      return HostInfo.buildFromEndpoint(configured);
    }
    if (bound.host().equals("0.0.0.0") || bound.host().equals("::")) {
      try {
        return new HostInfo(InetAddress.getLocalHost().getHostName(), bound.port());
      } catch (UnknownHostException e) {
        throw new IllegalStateException("cannot name this host for application.server; set it", e);
      }
    }
    return bound;
  }

  public static StreamsApp start(StreamsSettings settings) {
    StreamsApp app = new StreamsApp(settings);
    app.streams.start();
    app.http.start(app.streams, app.self, app.meters, ApiConfig.of(settings.analystToken(),
        settings.streamsProperties(), settings.serdeConfig()));
    LOG.info("streams app started; HTTP endpoint on {}", app.http.url());
    return app;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public String httpUrl() {
    return http.url();
  }

  /** The analyst tier's bearer token (see {@link StreamsSettings#analystToken()}); never log it. */
  public String analystToken() {
    return settings.analystToken();
  }

  /** The pipeline's own counters and timers, on /metrics. */
  public PipelineMetrics pipelineMetrics() {
    return pipelineMetrics;
  }

  @Override
  public void close() {
    http.close();
    streams.close(Duration.ofSeconds(30));
    streamsMetrics.close();
    gcMetrics.close();
    metricsRefresh.shutdownNow();
    meters.close();
  }
}
