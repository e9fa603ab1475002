package org.retorno.streams.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.retorno.avro.Category;
import org.retorno.avro.Granularity;

/**
 * ISO weeks (Monday to Sunday) summed from days. Each event is counted on one day, so a week's
 * figure is the sum of its days and its events the union of theirs.
 */
final class WeeklyRollup {
  private WeeklyRollup() {}

  static LocalDate weekStart(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  static LocalDate weekEnd(LocalDate day) {
    return weekStart(day).plusDays(6);
  }

  /** A week is settled only when all its days are. */
  private static String weakest(List<CountRow> days) {
    return days.stream().allMatch(day -> "SETTLED".equals(day.status())) ? "SETTLED" : "PROVISIONAL";
  }

  static List<CountRow> weeks(List<CountRow> days) {
    Map<String, List<CountRow>> byCityWeek = new TreeMap<>();
    for (CountRow day : days) {
      byCityWeek.computeIfAbsent(day.cityId() + ":" + weekStart(day.periodStart()), k -> new ArrayList<>()).add(day);
    }
    List<CountRow> weeks = new ArrayList<>();
    for (List<CountRow> group : byCityWeek.values()) {
      CountRow first = group.get(0);
      Map<Category, long[]> values = new TreeMap<>();
      Map<Category, LinkedHashSet<String>> events = new LinkedHashMap<>();
      Map<Category, LinkedHashSet<String>> claims = new LinkedHashMap<>();
      for (CountRow day : group) {
        for (CountRow.Cell cell : day.cells()) {
          values.computeIfAbsent(cell.category(), c -> new long[1])[0] += cell.value();
          events.computeIfAbsent(cell.category(), c -> new LinkedHashSet<>()).addAll(cell.eventIds());
          claims.computeIfAbsent(cell.category(), c -> new LinkedHashSet<>()).addAll(cell.claimIds());
        }
      }
      List<CountRow.Cell> cells = new ArrayList<>();
      values.forEach((category, value) -> cells.add(new CountRow.Cell(category, value[0],
          List.copyOf(events.get(category)), List.copyOf(claims.get(category)))));
      LocalDate start = weekStart(first.periodStart());
      weeks.add(new CountRow(first.cityId(), first.cityName(), first.admin1Code(), Granularity.WEEK,
          start, start.plusDays(6), List.copyOf(cells), weakest(group), 0));
    }
    return weeks;
  }
}
