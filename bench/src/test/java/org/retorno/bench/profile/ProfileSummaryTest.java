package org.retorno.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfileSummaryTest {

  @Test
  void threadsAreGroupedByTheirRole() {
    assertThat(ProfileSummary.threadGroup("retorno-bench-full-3-6c1e-StreamThread-1")).isEqualTo("stream threads");
    assertThat(ProfileSummary.threadGroup("kafka-producer-network-thread | p1")).isEqualTo("producer I/O threads");
    assertThat(ProfileSummary.threadGroup("data-plane-kafka-request-handler-3")).isEqualTo("broker");
    assertThat(ProfileSummary.threadGroup("main")).isEqualTo("other");
  }

  @Test
  void theInnermostFrameNamesItsLayerMostSpecificFirst() {
    assertThat(ProfileSummary.layerOf("org.rocksdb.RocksDB.get")).isEqualTo("RocksDB (JNI)");
    assertThat(ProfileSummary.layerOf("org.retorno.schemas.serde.WireFormat.decode"))
        .isEqualTo("our serde (framing, registry cache)");
    assertThat(ProfileSummary.layerOf("org.apache.kafka.streams.state.internals.CachingKeyValueStore.get"))
        .isEqualTo("Streams state stores (cache, changelog, metering)");
    assertThat(ProfileSummary.layerOf("org.apache.kafka.streams.processor.internals.StreamTask.process"))
        .isEqualTo("Kafka Streams runtime");
    assertThat(ProfileSummary.layerOf("Unknown.frame")).isEqualTo("native or other");
  }

  @Test
  void lambdasCountForTheClassThatWroteThem() {
    assertThat(ProfileSummary.simpleName("org.retorno.streams.topology.CountsStage$$Lambda$880.0x0000000801234"))
        .isEqualTo("CountsStage");
    assertThat(ProfileSummary.simpleName("org.retorno.streams.topology.EventResolver$Bucket"))
        .isEqualTo("EventResolver$Bucket");
  }
}
