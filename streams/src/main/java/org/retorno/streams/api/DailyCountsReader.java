package org.retorno.streams.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.query.RangeQuery;
import org.retorno.avro.CityCounts;
import org.retorno.streams.topology.Names;

/**
 * Reads per-city counts from a local counts store with interactive queries (daily unless another
 * store is named). Keys are "cityId:yyyy-mm-dd", so one city's periods form a contiguous, ordered
 * key range.
 */
public final class DailyCountsReader {
  private final KafkaStreams streams;
  private final String store;

  public DailyCountsReader(KafkaStreams streams) {
    this(streams, Names.DAILY_COUNTS_STORE);
  }

  public DailyCountsReader(KafkaStreams streams, String store) {
    this.streams = streams;
    this.store = store;
  }

  public List<CityCounts> read(Optional<Long> cityId, LocalDate from, LocalDate to) {
    RangeQuery<String, CityCounts> query = cityId
        .map(id -> RangeQuery.<String, CityCounts>withRange(id + ":" + from, id + ":" + to))
        .orElseGet(RangeQuery::withNoBounds);
    List<CityCounts> rows = new ArrayList<>();
    for (CityCounts counts : StoreRanges.values(streams, store, query)) {
      if (!counts.getCounts().isEmpty()
          && !counts.getPeriodStart().isBefore(from) && !counts.getPeriodStart().isAfter(to)) {
        rows.add(counts);
      }
    }
    rows.sort(Comparator.comparing(CityCounts::getCityName).thenComparing(CityCounts::getPeriodStart));
    return rows;
  }
}
