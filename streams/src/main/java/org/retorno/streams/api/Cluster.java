package org.retorno.streams.api;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Any instance answers any query: a key is looked up where its partition is active
 * ({@code queryMetadataForKey}); a range is gathered from every instance that hosts the store,
 * each answering for its own active partitions (through {@code application.server}).
 */
final class Cluster {
  private final KafkaStreams streams;
  private final HostInfo self;
  private final PeerClient peers;

  Cluster(KafkaStreams streams, HostInfo self, PeerClient peers) {
    this.streams = streams;
    this.self = self;
    this.peers = peers;
  }

  /** This instance's part from {@code local}, the others' from {@code internalPath} on each of them. */
  <T> List<T> gather(String store, Supplier<List<T>> local, String internalPath, TypeReference<List<T>> type) {
    List<T> all = new ArrayList<>(local.get());
    for (HostInfo host : hostsOf(store)) {
      if (!host.equals(self)) {
        all.addAll(peers.get(host, internalPath, type));
      }
    }
    return all;
  }

  /** Where the key's partition is active: empty means here, with the partition to query. */
  Owner ownerOf(String store, String key) {
    KeyQueryMetadata metadata;
    try {
      metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
    } catch (RuntimeException e) {
      throw ApiException.unavailable("cannot locate " + store + " keys now (" + streams.state() + ")");
    }
    if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      throw ApiException.unavailable("no instance hosts " + store + " now (" + streams.state() + ")");
    }
    HostInfo active = metadata.activeHost();
    return new Owner(active.equals(self) ? Optional.empty() : Optional.of(active), metadata.partition());
  }

  record Owner(Optional<HostInfo> remote, int partition) {}

  <T> T ask(HostInfo host, String internalPath, TypeReference<T> type) {
    return peers.get(host, internalPath, type);
  }

  private List<HostInfo> hostsOf(String store) {
    List<HostInfo> hosts = new ArrayList<>();
    for (StreamsMetadata metadata : streams.streamsMetadataForStore(store)) {
      hosts.add(metadata.hostInfo());
    }
    return hosts;
  }
}
