package org.retorno.faults.crash;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.retorno.avro.CityCounts;
import org.retorno.schemas.Topics;
import org.retorno.schemas.serde.AvroSerde;

/**
 * Reads {@code city-counts-daily} from the beginning as a downstream reader would: committed
 * transactions only ({@code isolation.level=read_committed}), the latest value per key.
 */
final class DailyCountsReader {
  private DailyCountsReader() {}

  static Map<String, CityCounts> latest(String bootstrap, String registryUrl, Duration timeout) {
    var values = AvroSerde.specific(CityCounts.class, Map.of("schema.registry.url", registryUrl), false);
    Map<String, CityCounts> latest = new TreeMap<>();
    for (ConsumerRecord<String, CityCounts> record : CommittedTopicReader.readAll(bootstrap,
        Topics.CITY_COUNTS_DAILY, values.deserializer(), timeout)) {
      if (record.value() == null) {
        latest.remove(record.key());
      } else {
        latest.put(record.key(), record.value());
      }
    }
    return latest;
  }
}
