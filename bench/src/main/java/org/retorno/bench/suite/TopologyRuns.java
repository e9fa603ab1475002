package org.retorno.bench.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.Topology;
import org.retorno.bench.cluster.BenchCluster;
import org.retorno.bench.data.RowShape;
import org.retorno.schemas.Topics;
import org.retorno.streams.topology.RetornoTopology;
import org.retorno.streams.topology.TopologyConfig;

/**
 * The two topologies that catch up on the preloaded {@code raw-case-counts}: the reference peer
 * and the full retorno topology, with the same settings, threads and input. Each run has an
 * application id and state directory of its own, so none starts from another's state.
 */
public final class TopologyRuns {
  public static final String REFERENCE_OUTPUT = "bench-reference-counts";

  private final BenchCluster cluster;
  private final Path stateRoot;
  private final AtomicInteger runs = new AtomicInteger();

  private final Map<String, String> overrides;

  /** @param overrides Kafka Streams settings applied to every run on top of the pipeline's own */
  public TopologyRuns(BenchCluster cluster, Path stateRoot, Map<String, String> overrides) {
    this.cluster = cluster;
    this.stateRoot = stateRoot;
    this.overrides = Map.copyOf(overrides);
  }

  public CatchUp.Result reference(RowShape shape, int threads, Duration budget) throws Exception {
    cluster.topics().create(REFERENCE_OUTPUT);
    Topology topology = ReferenceTopology.build(Topics.RAW_CASE_COUNTS, REFERENCE_OUTPUT,
        cluster.serdeConfig(), Duration.ofDays(shape.days() + 1L));
    return CatchUp.run(cluster.admin(), topology, settings("reference", threads),
        List.of(Topics.RAW_CASE_COUNTS), shape.rows(), budget);
  }

  public CatchUp.Result full(RowShape shape, int threads, Duration budget) throws Exception {
    return CatchUp.run(cluster.admin(), fullTopology(), settings("full", threads),
        List.of(Topics.RAW_CASE_COUNTS), shape.rows(), budget);
  }

  public Topology fullTopology() {
    return RetornoTopology.build(TopologyConfig.withDefaults(cluster.serdeConfig()));
  }

  /** Settings of a new application: its id and state directory are this run's alone. */
  public Properties settings(String name, int threads) {
    String id = name + "-" + runs.incrementAndGet();
    Properties props = StreamsRunSettings.of(cluster.bootstrapServers(), cluster.registryUrl(), id,
        stateRoot.resolve(id), threads);
    props.putAll(overrides);
    return props;
  }
}
