package org.retorno.faults.crash;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Category;

/**
 * The per-city, per-day counts a correct pipeline publishes for a workload: each source's latest
 * row counts once (a duplicate changes nothing, a correction replaces the figure, a tombstone
 * removes it), and every row is an event of its own (see {@link FigureLadder}), so a day's count
 * in a category is the sum of its live rows' figures.
 */
public final class GroundTruth {
  private final Map<String, Map<Category, CellCount>> cells;
  private final int liveRows;

  private GroundTruth(Map<String, Map<Category, CellCount>> cells, int liveRows) {
    this.cells = cells;
    this.liveRows = liveRows;
  }

  public static GroundTruth of(Workload workload) {
    Map<String, CaseCountRow> latest = new HashMap<>();
    for (WorkloadRecord record : workload.records()) {
      if (record.row() == null) {
        latest.remove(record.key());
      } else {
        latest.put(record.key(), record.row());
      }
    }
    Map<String, Map<Category, CellCount>> cells = new TreeMap<>();
    for (CaseCountRow row : latest.values()) {
      cells.computeIfAbsent(dayKey(row), key -> new TreeMap<>())
          .merge(row.getCategory(), new CellCount(row.getValue(), 1), CellCount::plus);
    }
    return new GroundTruth(cells, latest.size());
  }

  /** The key of {@code city-counts-daily}: "geonamesId:yyyy-mm-dd". */
  static String dayKey(CaseCountRow row) {
    return row.getPlace().getGeonamesId() + ":" + row.getPeriodStart();
  }

  /** Per city-day key, per category: the figure and the number of events behind it. */
  public Map<String, Map<Category, CellCount>> cells() {
    return cells;
  }

  /** Rows that stand at the end, each one event. */
  public int liveRows() {
    return liveRows;
  }

  /** One category of one city-day: its figure and how many events make it up. */
  public record CellCount(long value, int events) {
    CellCount plus(CellCount other) {
      return new CellCount(value + other.value, events + other.events);
    }
  }
}
