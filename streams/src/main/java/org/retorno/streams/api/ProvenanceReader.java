package org.retorno.streams.api;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.retorno.avro.Category;
import org.retorno.avro.Granularity;
import org.retorno.avro.PeriodEvent;
import org.retorno.streams.topology.CountProvenance;
import org.retorno.streams.topology.Names;
import org.retorno.streams.topology.Periods;

/**
 * The events and claims behind counts, from the provenance store of whichever instances hold
 * them. The store lives where events are resolved (partitioned by city and category), not where
 * the counts are (by city and period), so a read gathers one key range per city from every
 * instance rather than asking the owner of a count.
 */
final class ProvenanceReader {
  static final String INTERNAL_PATH = "/internal/provenance";
  private static final TypeReference<List<Provenance>> ENTRIES = new TypeReference<>() {};

  private final LocalStores local;
  private final Cluster cluster;

  ProvenanceReader(LocalStores local, Cluster cluster) {
    this.local = local;
    this.cluster = cluster;
  }

  /** Entries of these cities dated in [from, to], from every instance. */
  List<Provenance> read(Collection<Long> cityIds, LocalDate from, LocalDate to) {
    if (cityIds.isEmpty()) {
      return List.of();
    }
    Set<Long> cities = new TreeSet<>(cityIds);
    String path = INTERNAL_PATH + "?cities=" + cities.stream().map(String::valueOf).collect(Collectors.joining(","))
        + "&from=" + from + "&to=" + to;
    return cluster.gather(Names.PROVENANCE_STORE, () -> readLocal(cities, from, to), path, ENTRIES);
  }

  /** This instance's active partitions only. */
  List<Provenance> readLocal(Collection<Long> cityIds, LocalDate from, LocalDate to) {
    List<Provenance> entries = new ArrayList<>();
    for (long cityId : cityIds) {
      for (Object value : local.range(Names.PROVENANCE_STORE, CountProvenance.lowerBound(cityId, from),
          CountProvenance.upperBound(cityId, to))) {
        entries.add(Provenance.of((PeriodEvent) value));
      }
    }
    return entries;
  }

  /** The ids of the events behind one city's count of a category over [from, to] at a granularity. */
  List<String> eventIds(Granularity granularity, long cityId, Category category, LocalDate from, LocalDate to) {
    Set<String> ids = new TreeSet<>();
    for (Provenance entry : read(List.of(cityId), from, to)) {
      if (entry.category() == category && Periods.counts(granularity, entry.precision())) {
        ids.add(entry.eventId());
      }
    }
    return List.copyOf(ids);
  }
}
