package org.retorno.streams.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the golden CSVs tools/r/golden.R wrote: comment lines start with #, then a header. */
final class GoldenCsv {
  private GoldenCsv() {
  }

  static List<Map<String, String>> read(String resource) {
    try (InputStream in = GoldenCsv.class.getResourceAsStream("/detect/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource detect/" + resource);
      }
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
      String[] header = lines.get(0).split(",");
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",", -1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], cells[i]);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The input series by name, counts in period order. */
  static Map<String, double[]> series() {
    Map<String, List<Double>> lists = new LinkedHashMap<>();
    for (Map<String, String> row : read("series.csv")) {
      lists.computeIfAbsent(row.get("series"), name -> new ArrayList<>()).add(Double.parseDouble(row.get("count")));
    }
    Map<String, double[]> series = new LinkedHashMap<>();
    lists.forEach((name, counts) -> series.put(name, counts.stream().mapToDouble(Double::doubleValue).toArray()));
    return series;
  }

  /** R's number, NaN for NA. */
  static double number(String text) {
    return "NA".equals(text) ? Double.NaN : Double.parseDouble(text);
  }
}
