package org.retorno.streams.topology;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Claim;
import org.retorno.avro.Event;
import org.retorno.avro.Granularity;
import org.retorno.avro.PeriodEvent;
import org.retorno.avro.RejectedClaim;
import org.retorno.schemas.Topics;
import org.retorno.streams.extract.ClaimExtractor;

/**
 * The whole topology as a pure function of its configuration: raw -> claims -> (dates checked)
 * -> increments from running totals -> events -> per-city counts by day, week and month, with the
 * events and claims behind them on count-provenance, and stocks and coverage as series of their own.
 */
public final class RetornoTopology {
  private RetornoTopology() {}

  public static Topology build(TopologyConfig config) {
    StreamsBuilder builder = new StreamsBuilder();
    AvroSerdes serdes = new AvroSerdes(config.serdeConfig());
    KStream<String, Claim> claims = ClaimsStage.build(builder, serdes, new ClaimExtractor(),
        config.listener());

    ClaimDates dates = new ClaimDates(config);
    Map<String, KStream<String, Claim>> checked = claims.split(Named.as(Names.CHECK_CLAIM_DATES))
        .branch((id, claim) -> dates.rejection(claim).isPresent(), Branched.as("rejected"))
        .defaultBranch(Branched.as("accepted"));
    checked.get(Names.CHECK_CLAIM_DATES + "rejected")
        .processValues(() -> new RejectClaim(dates, config.listener()), Named.as(Names.CHECK_CLAIM_DATES + "reason"))
        .to(Topics.REJECTED_CLAIMS, Produced.with(Serdes.String(), serdes.value(RejectedClaim.class))
            .withName(Names.REJECTED_CLAIMS_SINK));
    KStream<String, Claim> accepted = checked.get(Names.CHECK_CLAIM_DATES + "accepted");

    KStream<String, Claim> increments = CumulativeStage.build(builder, serdes, accepted);
    StocksStage.build(serdes, accepted);
    CoverageStage.build(serdes, accepted);
    KStream<String, Event> events = EventsStage.build(builder, serdes, config,
        accepted.merge(increments, Named.as("claims-and-increments")));
    ProvenanceStage.build(builder, serdes, events);
    KTable<String, PeriodEvent> periodEvents = CountsStage.periodEvents(CountsStage.eventsTable(serdes, events));
    Map<Granularity, String[]> outputs = Map.of(
        Granularity.DAY, new String[] {Topics.CITY_COUNTS_DAILY, Topics.CITY_COUNTS_DAILY_SETTLED},
        Granularity.WEEK, new String[] {Topics.CITY_COUNTS_WEEKLY, Topics.CITY_COUNTS_WEEKLY_SETTLED},
        Granularity.MONTH, new String[] {Topics.CITY_COUNTS_MONTHLY, Topics.CITY_COUNTS_MONTHLY_SETTLED});
    for (Granularity granularity : Granularity.values()) {
      KStream<String, CityCounts> revisions = CountsStage.build(builder, serdes, config, periodEvents,
          granularity, outputs.get(granularity)[0], outputs.get(granularity)[1]);
      SpikesStage.build(builder, serdes, config, config.detection(), revisions, granularity);
    }
    return builder.build();
  }
}
