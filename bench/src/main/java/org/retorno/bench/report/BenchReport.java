package org.retorno.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one bench run measured: figures (each a JSON key), the scaling series, the machine,
 * the command and notes. Renders as a Markdown table and as a JSON object.
 */
public final class BenchReport {
  private final List<Figure> figures = new ArrayList<>();
  private final List<ScalingPoint> scaling = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, Object> machine;
  private final String command;

  public BenchReport(Map<String, Object> machine, String command) {
    this.machine = new LinkedHashMap<>(machine);
    this.command = command;
  }

  public void add(String section, String key, String label, double value, String unit) {
    add(section, key, label, value, unit, null);
  }

  public void add(String section, String key, String label, double value, String unit, Target target) {
    figures.add(new Figure(section, key, label, value, unit, target));
  }

  public void scaling(ScalingPoint point) {
    scaling.add(point);
  }

  public void note(String note) {
    notes.add(note);
  }

  public List<Figure> figures() {
    return List.copyOf(figures);
  }

  public List<ScalingPoint> scalingPoints() {
    return List.copyOf(scaling);
  }

  public double value(String key) {
    return figures.stream().filter(figure -> figure.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("bench report: no figure '" + key + "'")).value();
  }

  public String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| section | figure | value | target | key |\n|---|---|---|---|---|\n");
    for (Figure figure : figures) {
      out.append("| ").append(figure.section()).append(" | ").append(figure.label()).append(" | ")
          .append(figure.formattedValue()).append(" | ").append(figure.verdict()).append(" | `")
          .append(figure.key()).append("` |\n");
    }
    if (!scaling.isEmpty()) {
      out.append("\nScaling of the full topology (each run catches up on its own preloaded history):\n\n");
      out.append("| varied | cities | threads | years | rows | processed | records/s | CPU µs/record | caught up |\n");
      out.append("|---|---|---|---|---|---|---|---|---|\n");
      for (ScalingPoint point : scaling) {
        out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %,d | %,d | %s | %s | %s |%n", point.varied(),
            point.cities(), point.threads(), point.years(), point.rows(), point.processed(),
            Figure.format(point.recordsPerSecond()), Figure.format(point.cpuMicrosPerRecord()),
            point.complete() ? "yes" : "no (time budget)"));
      }
    }
    out.append("\nMachine: ");
    machine.forEach((key, value) -> out.append(key).append(' ').append(value).append("; "));
    out.append("\nCommand: `").append(command).append("`\n");
    if (!notes.isEmpty()) {
      out.append('\n');
      notes.forEach(note -> out.append("- ").append(note).append('\n'));
    }
    return out.toString();
  }

  public Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    for (Figure figure : figures) {
      json.put(figure.key(), figure.produced() ? figure.value() : null);
    }
    List<Map<String, Object>> points = new ArrayList<>();
    for (ScalingPoint point : scaling) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("varied", point.varied());
      entry.put("cities", point.cities());
      entry.put("threads", point.threads());
      entry.put("years", point.years());
      entry.put("rows", point.rows());
      entry.put("processed", point.processed());
      entry.put("records_per_s", point.recordsPerSecond());
      entry.put("cpu_us_per_record", point.cpuMicrosPerRecord());
      entry.put("caught_up", point.complete());
      points.add(entry);
    }
    json.put("scaling", points);
    Map<String, Object> targets = new LinkedHashMap<>();
    for (Figure figure : figures) {
      if (figure.target() != null) {
        targets.put(figure.key(), Map.of("target", figure.target().describe(),
            "met", figure.produced() && figure.target().metBy(figure.value())));
      }
    }
    json.put("targets", targets);
    json.put("machine", machine);
    json.put("command", command);
    json.put("notes", notes);
    return json;
  }

  public void writeJson(Path file) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json());
  }
}
