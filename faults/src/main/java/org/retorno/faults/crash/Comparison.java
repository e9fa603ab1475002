package org.retorno.faults.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.Category;
import org.retorno.avro.CityCounts;
import org.retorno.faults.crash.GroundTruth.CellCount;

/**
 * The published per-city, per-day counts against the ground truth, cell by cell (city, day,
 * category). A cell too low lost events or figures; a cell too high counted something twice.
 *
 * @param eventsChecked events the truth holds (live source rows)
 * @param cellsChecked city-day-category cells in the truth or in the output
 * @param eventsLost events the truth has and the output does not
 * @param eventsExtra events the output has beyond the truth
 * @param cellsTooLow cells whose figure is below the truth
 * @param cellsTooHigh cells whose figure is above the truth (counted twice)
 * @param figureLost the sum of what the too-low cells miss
 * @param figureExtra the sum of what the too-high cells add
 * @param wrongKeys output keys with counts that the truth does not have at all
 * @param examples a few differing cells, for the report
 */
public record Comparison(int eventsChecked, int cellsChecked, long eventsLost, long eventsExtra,
    int cellsTooLow, int cellsTooHigh, long figureLost, long figureExtra, int wrongKeys,
    List<String> examples) {
  private static final int EXAMPLES = 5;

  public boolean exact() {
    return eventsLost == 0 && eventsExtra == 0 && cellsTooLow == 0 && cellsTooHigh == 0 && wrongKeys == 0;
  }

  public static Comparison of(GroundTruth truth, Map<String, CityCounts> published) {
    TreeSet<String> keys = new TreeSet<>(truth.cells().keySet());
    keys.addAll(published.keySet());
    int cells = 0;
    long lost = 0;
    long extra = 0;
    int low = 0;
    int high = 0;
    long figureLost = 0;
    long figureExtra = 0;
    int wrongKeys = 0;
    List<String> examples = new ArrayList<>();
    for (String key : keys) {
      Map<Category, CellCount> expected = truth.cells().getOrDefault(key, Map.of());
      Map<Category, CellCount> actual = cellsOf(published.get(key));
      if (expected.isEmpty() && !actual.isEmpty()) {
        wrongKeys++;
      }
      for (Category category : Category.values()) {
        CellCount want = expected.getOrDefault(category, new CellCount(0, 0));
        CellCount got = actual.getOrDefault(category, new CellCount(0, 0));
        if (want.events() == 0 && got.events() == 0 && want.value() == 0 && got.value() == 0) {
          continue;
        }
        cells++;
        lost += Math.max(0, want.events() - got.events());
        extra += Math.max(0, got.events() - want.events());
        if (got.value() < want.value()) {
          low++;
          figureLost += want.value() - got.value();
        } else if (got.value() > want.value()) {
          high++;
          figureExtra += got.value() - want.value();
        }
        if (!got.equals(want) && examples.size() < EXAMPLES) {
          examples.add(key + " " + category + ": expected " + want.value() + " from " + want.events()
              + " events, published " + got.value() + " from " + got.events());
        }
      }
    }
    return new Comparison(truth.liveRows(), cells, lost, extra, low, high, figureLost, figureExtra,
        wrongKeys, List.copyOf(examples));
  }

  private static Map<Category, CellCount> cellsOf(CityCounts counts) {
    Map<Category, CellCount> cells = new java.util.EnumMap<>(Category.class);
    if (counts != null) {
      for (CategoryCount count : counts.getCounts()) {
        cells.put(count.getCategory(), new CellCount(count.getValue(), count.getEvents()));
      }
    }
    return cells;
  }
}
