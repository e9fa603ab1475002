package org.retorno.streams.topology;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.retorno.avro.Claim;
import org.retorno.avro.Event;
import org.retorno.streams.extract.ClaimExtractor;

/** The whole topology as a pure function of its configuration: raw -> claims -> events -> counts. */
public final class RetornoTopology {
  private RetornoTopology() {}

  public static Topology build(TopologyConfig config) {
    StreamsBuilder builder = new StreamsBuilder();
    AvroSerdes serdes = new AvroSerdes(config.serdeConfig());
    KStream<String, Claim> claims = ClaimsStage.build(builder, serdes, new ClaimExtractor());
    KStream<String, Event> events = EventsStage.build(builder, serdes, config, claims);
    CountsStage.build(serdes, events);
    return builder.build();
  }
}
