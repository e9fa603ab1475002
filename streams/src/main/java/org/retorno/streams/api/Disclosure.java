package org.retorno.streams.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.retorno.avro.Category;
import org.retorno.avro.Granularity;

/**
 * What the public tier may show of exact counts. Days and weeks are both published, and a week is
 * the total of its days, so each (city, category, week) is one line protected by
 * {@link LineProtection}: a week's total never gives away a day shown as "<5". Decisions depend
 * only on whole weeks, so every query range shows the same thing for the same cell.
 */
final class Disclosure {
  enum Suppression { NONE, PRIMARY, COMPLEMENTARY }

  /** A figure as the public sees it: the value, or null with the reason it is hidden. */
  record PublicValue(Long value, String display, Suppression suppression) {
    boolean hidden() {
      return suppression != Suppression.NONE;
    }

    static PublicValue of(Category category, long value, LineProtection.State state) {
      return switch (state) {
        case VISIBLE -> new PublicValue(value, Long.toString(value), Suppression.NONE);
        case PRIMARY -> new PublicValue(null, "<" + SmallCells.threshold(category), Suppression.PRIMARY);
        case COMPLEMENTARY -> new PublicValue(null, "suppressed", Suppression.COMPLEMENTARY);
      };
    }
  }

  private record Key(long cityId, Category category, LocalDate periodStart) {}

  private final Map<Key, PublicValue> days = new HashMap<>();
  private final Map<Key, PublicValue> weeks = new HashMap<>();

  /**
   * @param dayRows exact daily rows covering whole ISO weeks
   * @param weekRows exact weekly rows of the same weeks (from a weekly store, or rolled up from the days)
   */
  Disclosure(List<CountRow> dayRows, List<CountRow> weekRows) {
    Map<Key, Long> weekTotals = new HashMap<>();
    for (CountRow week : weekRows) {
      for (CountRow.Cell cell : week.cells()) {
        weekTotals.merge(new Key(week.cityId(), cell.category(), week.periodStart()), cell.value(), Long::sum);
      }
    }
    Map<Key, TreeMap<LocalDate, Long>> lines = new HashMap<>();
    for (CountRow day : dayRows) {
      for (CountRow.Cell cell : day.cells()) {
        Key week = new Key(day.cityId(), cell.category(), WeeklyRollup.weekStart(day.periodStart()));
        lines.computeIfAbsent(week, k -> new TreeMap<>()).merge(day.periodStart(), cell.value(), Long::sum);
        weekTotals.putIfAbsent(week, 0L);
      }
    }
    for (Map.Entry<Key, Long> week : weekTotals.entrySet()) {
      Key key = week.getKey();
      TreeMap<LocalDate, Long> line = lines.getOrDefault(key, new TreeMap<>());
      List<LocalDate> dates = new ArrayList<>(line.keySet());
      List<Long> values = new ArrayList<>(line.values());
      long total = Math.max(week.getValue(), values.stream().mapToLong(Long::longValue).sum());
      LineProtection.Result result =
          LineProtection.protect(SmallCells.threshold(key.category()), total, values);
      weeks.put(key, PublicValue.of(key.category(), total, result.total()));
      for (int i = 0; i < dates.size(); i++) {
        days.put(new Key(key.cityId(), key.category(), dates.get(i)),
            PublicValue.of(key.category(), values.get(i), result.parts().get(i)));
      }
    }
  }

  PublicValue of(Granularity granularity, long cityId, Category category, LocalDate periodStart) {
    Map<Key, PublicValue> cells = granularity == Granularity.WEEK ? weeks : days;
    PublicValue value = cells.get(new Key(cityId, category, periodStart));
    return value != null ? value : new PublicValue(0L, "0", Suppression.NONE);
  }
}
