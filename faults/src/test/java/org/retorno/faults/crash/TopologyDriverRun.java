package org.retorno.faults.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Claim;
import org.retorno.schemas.Topics;
import org.retorno.schemas.serde.AvroSerde;
import org.retorno.streams.topology.EventTimeExtractor;
import org.retorno.streams.topology.RetornoTopology;
import org.retorno.streams.topology.TopologyConfig;

/**
 * The real topology in a TopologyTestDriver, fed a workload: the latest daily counts and every
 * record it sends to {@code claims}.
 */
record TopologyDriverRun(Map<String, CityCounts> latestDailyCounts, List<ClaimEntry> claimRecords) {

  static Map<String, CityCounts> latestDailyCounts(Workload workload) {
    return of(workload).latestDailyCounts();
  }

  static TopologyDriverRun of(Workload workload) {
    Map<String, Object> serde = Map.of("schema.registry.url", "mock://crash-" + UUID.randomUUID());
    TopologyConfig config = TopologyConfig.withDefaults(serde)
        .withClock(Clock.fixed(Instant.parse("2020-06-01T00:00:00Z"), ZoneOffset.UTC));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "crash-ground-truth");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
    props.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, EventTimeExtractor.class.getName());
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
    try {
      props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("crash-driver").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (TopologyTestDriver driver = new TopologyTestDriver(RetornoTopology.build(config), props)) {
      TestInputTopic<String, CaseCountRow> input = driver.createInputTopic(Topics.RAW_CASE_COUNTS,
          Serdes.String().serializer(), AvroSerde.specific(CaseCountRow.class, serde, false).serializer());
      TestOutputTopic<String, CityCounts> output = driver.createOutputTopic(Topics.CITY_COUNTS_DAILY,
          Serdes.String().deserializer(), AvroSerde.specific(CityCounts.class, serde, false).deserializer());
      TestOutputTopic<String, Claim> claims = driver.createOutputTopic(Topics.CLAIMS,
          Serdes.String().deserializer(), AvroSerde.specific(Claim.class, serde, false).deserializer());
      Map<String, CityCounts> latest = new TreeMap<>();
      List<ClaimEntry> claimRecords = new ArrayList<>();
      for (WorkloadRecord record : workload.records()) {
        input.pipeInput(record.key(), record.row(), record.timestampMs());
        output.readKeyValuesToList().forEach(update -> latest.put(update.key, update.value));
        claims.readValuesToList().forEach(claim -> claimRecords.add(new ClaimEntry(claim.getId(),
            claim.getRetracted())));
      }
      return new TopologyDriverRun(latest, List.copyOf(claimRecords));
    }
  }
}
