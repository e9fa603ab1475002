package org.retorno.streams.app;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.retorno.streams.api.HttpApi;
import org.retorno.streams.topology.RetornoTopology;
import org.retorno.streams.topology.TopologyConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring: the topology, Kafka Streams, metrics and the HTTP endpoint, started and stopped together. */
public final class StreamsApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

  private final KafkaStreams streams;
  private final PrometheusMeterRegistry meters;
  private final KafkaStreamsMetrics streamsMetrics;
  private final ScheduledExecutorService metricsRefresh;
  private final HttpApi http;

  private StreamsApp(StreamsSettings settings) {
    Topology topology = RetornoTopology.build(TopologyConfig.withDefaults(settings.serdeConfig()));
    this.streams = new KafkaStreams(topology, settings.streamsProperties());
    this.streams.setUncaughtExceptionHandler(exception -> {
      LOG.error("stream thread failed; replacing it: {}", exception.toString());
      return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler
          .StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    this.meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.metricsRefresh = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "retorno-metrics-refresh");
      thread.setDaemon(true);
      return thread;
    });
    this.streamsMetrics = new KafkaStreamsMetrics(streams, List.of(Tag.of("app", "retorno")),
        metricsRefresh, Duration.ofSeconds(5));
    this.streamsMetrics.bindTo(meters);
    this.http = new HttpApi(settings.httpHost(), settings.httpPort(), streams, meters);
  }

  public static StreamsApp start(StreamsSettings settings) {
    StreamsApp app = new StreamsApp(settings);
    app.streams.start();
    app.http.start();
    LOG.info("streams app started; HTTP endpoint on {}", app.http.url());
    return app;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public String httpUrl() {
    return http.url();
  }

  @Override
  public void close() {
    http.close();
    streams.close(Duration.ofSeconds(30));
    streamsMetrics.close();
    metricsRefresh.shutdownNow();
    meters.close();
  }
}
