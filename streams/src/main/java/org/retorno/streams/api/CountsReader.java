package org.retorno.streams.api;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Granularity;
import org.retorno.schemas.geo.BorderCity;
import org.retorno.streams.topology.Periods;

/**
 * Exact per-city counts for a period range, from whichever instances hold them. Keys are
 * "cityId:yyyy-mm-dd", so one city's periods form one ordered key range in each partition.
 */
final class CountsReader {
  static final String INTERNAL_PATH = "/internal/counts";
  private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
  private static final TypeReference<List<CountRow>> ROWS = new TypeReference<>() {};

  private final LocalStores local;
  private final Cluster cluster;
  private final ProvenanceReader provenance;

  CountsReader(LocalStores local, Cluster cluster, ProvenanceReader provenance) {
    this.local = local;
    this.cluster = cluster;
    this.provenance = provenance;
  }

  /** Rows of periods starting in [from, to], ordered by city name and period. */
  List<CountRow> read(Granularity granularity, Optional<BorderCity> city, LocalDate from, LocalDate to) {
    LocalDate start = clamp(from);
    LocalDate end = clamp(to);
    Optional<String> store = CountStores.storeOf(granularity);
    List<CountRow> rows;
    if (store.isPresent()) {
      String path = INTERNAL_PATH + "?granularity=" + granularity + "&from=" + start + "&to=" + end
          + city.map(c -> "&city=" + c.geonamesId()).orElse("");
      rows = cluster.gather(store.get(), () -> readLocal(granularity, city, start, end), path, ROWS);
    } else if (granularity == Granularity.WEEK) {
      rows = WeeklyRollup.weeks(read(Granularity.DAY, city, WeeklyRollup.weekStart(start),
          WeeklyRollup.weekEnd(end)));
    } else {
      throw ApiException.unavailable(granularity + " counts are not kept by this topology");
    }
    List<CountRow> inRange = new ArrayList<>();
    for (CountRow row : rows) {
      if (!row.periodStart().isBefore(start) && !row.periodStart().isAfter(end) && !row.cells().isEmpty()) {
        inRange.add(row);
      }
    }
    inRange.sort(Comparator.comparing(CountRow::cityName).thenComparing(CountRow::periodStart));
    return store.isPresent() ? withProvenance(granularity, inRange) : inRange;
  }

  /** Each row with the events and claims of its days that count at this granularity. */
  private List<CountRow> withProvenance(Granularity granularity, List<CountRow> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    LocalDate first = rows.stream().map(CountRow::periodStart).min(Comparator.naturalOrder()).orElseThrow();
    LocalDate last = rows.stream().map(CountRow::periodEnd).max(Comparator.naturalOrder()).orElseThrow();
    Set<Long> cities = rows.stream().map(CountRow::cityId).collect(Collectors.toSet());
    Map<String, List<Provenance>> byPeriod = new HashMap<>();
    for (Provenance entry : provenance.read(cities, first, last)) {
      if (Periods.counts(granularity, entry.precision())) {
        byPeriod.computeIfAbsent(entry.cityId() + ":" + Periods.start(granularity, entry.date()),
            k -> new ArrayList<>()).add(entry);
      }
    }
    List<CountRow> filled = new ArrayList<>(rows.size());
    for (CountRow row : rows) {
      filled.add(row.withProvenance(byPeriod.getOrDefault(row.cityId() + ":" + row.periodStart(), List.of())));
    }
    return filled;
  }

  /** This instance's active partitions only: the part of an answer that peers ask it for. */
  List<CountRow> readLocal(Granularity granularity, Optional<BorderCity> city, LocalDate from, LocalDate to) {
    String store = CountStores.storeOf(granularity)
        .orElseThrow(() -> ApiException.badRequest("no store for " + granularity));
    String lower = city.map(c -> c.geonamesId() + ":" + clamp(from)).orElse(null);
    String upper = city.map(c -> c.geonamesId() + ":" + clamp(to)).orElse(null);
    List<CountRow> rows = new ArrayList<>();
    for (Object value : local.range(store, lower, upper)) {
      CityCounts counts = (CityCounts) value;
      if (!counts.getPeriodStart().isBefore(from) && !counts.getPeriodStart().isAfter(to)) {
        rows.add(CountRow.of(counts));
      }
    }
    return rows;
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static LocalDate clamp(LocalDate date) {
    return date.isBefore(EARLIEST) ? EARLIEST : date.isAfter(LATEST) ? LATEST : date;
  }
}
