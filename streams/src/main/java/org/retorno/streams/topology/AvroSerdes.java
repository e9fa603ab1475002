package org.retorno.streams.topology;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.retorno.schemas.serde.AvroSerde;

/** Avro value serdes in the Confluent wire format, all configured from one registry setting. */
final class AvroSerdes {
  private final Map<String, ?> config;

  AvroSerdes(Map<String, ?> config) {
    this.config = config;
  }

  <T extends SpecificRecord> Serde<T> value(Class<T> type) {
    return AvroSerde.specific(type, config, false);
  }
}
