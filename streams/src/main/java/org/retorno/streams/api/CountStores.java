package org.retorno.streams.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.retorno.avro.Granularity;
import org.retorno.streams.topology.Names;

/**
 * Which state store holds the counts of each granularity, all keyed "geonamesId:periodStart".
 * A granularity without a store of its own is rolled up from days ({@link WeeklyRollup}).
 */
final class CountStores {
  private static final Map<Granularity, String> STORES = new EnumMap<>(Map.of(
      Granularity.DAY, Names.DAILY_COUNTS_STORE,
      Granularity.WEEK, Names.WEEKLY_COUNTS_STORE));

  private CountStores() {}

  static Optional<String> storeOf(Granularity granularity) {
    return Optional.ofNullable(STORES.get(granularity));
  }
}
