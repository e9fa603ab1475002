package org.retorno.faults.ingestkill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.retorno.avro.Category;
import org.retorno.schemas.geo.BorderCity;

/**
 * A long-shape case-count table of 2019, written the way agencies publish one: comment lines, the
 * header, then one row per day, city and category in date order, every figure different from every
 * other so that a row counted twice or lost shows in the totals. Its rows are the ground truth the
 * pipeline's daily counts are compared with.
 */
record CountsTable(Path file, List<Row> rows) {
  static final List<Category> CATEGORIES = List.of(Category.MPP_RETURN, Category.AVR_ENROLLMENT);
  static final String SOURCE = "Producer kill test table";
  static final String SOURCE_URL = "https://example.org/faults/producer-kill-2019";

  /** One row as the table states it; {@code line} is its 1-based line number in the file. */
  record Row(long line, BorderCity city, LocalDate day, Category category, long value) {}

  static CountsTable write(Path file) throws IOException {
    StringBuilder csv = new StringBuilder()
        .append("# Daily MPP returns and IOM AVR enrollments by border city, 2019 (generated).\n")
        .append("# Every figure is distinct: a row lost or counted twice changes a total.\n")
        .append("period_start,period_end,place,metric,value,semantics,source,source_url\n");
    long line = 3;
    List<Row> rows = new ArrayList<>();
    for (LocalDate day = LocalDate.of(2019, 1, 1); day.getYear() == 2019; day = day.plusDays(1)) {
      for (BorderCity city : BorderCity.values()) {
        for (Category category : CATEGORIES) {
          line++;
          Row row = new Row(line, city, day, category, rows.size() + 1L);
          rows.add(row);
          csv.append(day).append(',').append(day).append(',').append(placeName(city)).append(',')
              .append(category.name()).append(',').append(row.value()).append(",increment,").append(SOURCE)
              .append(',').append(SOURCE_URL).append('\n');
        }
      }
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, csv);
    return new CountsTable(file, List.copyOf(rows));
  }

  /** The table's name of a city; bare "Nogales" is ambiguous (Arizona or Sonora) and rejected. */
  private static String placeName(BorderCity city) {
    return city == BorderCity.NOGALES_SONORA ? "Heroica Nogales" : city.displayName();
  }

  /** Per {@code geonamesId:day} (the key of city-counts-daily), each category's figure. */
  Map<String, Map<Category, Long>> dailyCounts() {
    Map<String, Map<Category, Long>> counts = new TreeMap<>();
    for (Row row : rows) {
      counts.computeIfAbsent(row.city().geonamesId() + ":" + row.day(), key -> new EnumMap<>(Category.class))
          .merge(row.category(), row.value(), Long::sum);
    }
    return counts;
  }
}
