package org.retorno.streams.topology;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.retorno.avro.Claim;
import org.retorno.avro.CoverageCounts;
import org.retorno.avro.CoverageState;
import org.retorno.schemas.Topics;
import org.retorno.schemas.geo.BorderCity;

/**
 * Stage 5, coverage: how many documents reported on each city per day (by report date). It is
 * kept apart from event counts: a media storm about one kidnapping is one event and many
 * documents, and only the event may ever count as harm.
 */
final class CoverageStage {
  private CoverageStage() {}

  static void build(AvroSerdes serdes, KStream<String, Claim> claims) {
    claims
        .filter((id, claim) -> Countable.atCity(claim) && claim.getReportDate() != null
            && !EventMatcher.periodRow(claim), Named.as(Names.COVERAGE_CLAIMS))
        .groupBy((id, claim) -> claim.getPlace().getGeonamesId() + ":" + claim.getReportDate(),
            Grouped.with(Names.COVERAGE_BY_CITY_DAY, Serdes.String(), serdes.value(Claim.class)))
        .aggregate(() -> new CoverageState(new HashMap<>()), (key, claim, state) -> {
          Map<String, String> claimSources = new HashMap<>(state.getClaimSources());
          if (claim.getRetracted()) {
            claimSources.remove(claim.getId());
          } else {
            claimSources.put(claim.getId(), claim.getSourceId());
          }
          return new CoverageState(claimSources);
        }, Named.as(Names.COVERAGE_AGGREGATE),
            Materialized.<String, CoverageState, KeyValueStore<Bytes, byte[]>>as(Names.COVERAGE_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(serdes.value(CoverageState.class)))
        .toStream(Named.as(Names.COVERAGE_AGGREGATE + "-changes"))
        .mapValues(CoverageStage::toCounts, Named.as(Names.COVERAGE_AGGREGATE + "-counts"))
        .to(Topics.COVERAGE_DAILY, Produced.with(Serdes.String(), serdes.value(CoverageCounts.class))
            .withName(Names.COVERAGE_SINK));
  }

  static CoverageCounts toCounts(String key, CoverageState state) {
    int colon = key.indexOf(':');
    long cityId = Long.parseLong(key.substring(0, colon));
    TreeSet<String> documents = new TreeSet<>(state.getClaimSources().values());
    return new CoverageCounts(cityId,
        BorderCity.byGeonamesId(cityId).map(BorderCity::displayName).orElse(Long.toString(cityId)),
        LocalDate.parse(key.substring(colon + 1)), documents.size(), List.copyOf(documents));
  }
}
