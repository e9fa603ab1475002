package org.retorno.streams.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.retorno.avro.Category;
import org.retorno.avro.Granularity;
import org.retorno.schemas.geo.BorderCity;

/**
 * Counts as each tier sees them: analysts the exact rows; the public the same cells after
 * {@link Disclosure}, with event ids only where the figure itself is shown (a list of events
 * would otherwise bound a hidden figure from below).
 */
final class CountsService {
  private final CountsReader reader;

  CountsService(CountsReader reader) {
    this.reader = reader;
  }

  /** One row per city and period: the period, and a cell per category asked for. */
  List<Map<String, Object>> rows(Tier tier, Granularity granularity, Optional<BorderCity> city,
      LocalDate from, LocalDate to, Set<Category> categories) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Shown shown : shown(tier, granularity, city, from, to)) {
      List<Map<String, Object>> cells = new ArrayList<>();
      for (ShownCell cell : shown.cells()) {
        if (categories.contains(cell.category())) {
          cells.add(cell.json(tier));
        }
      }
      if (cells.isEmpty()) {
        continue;
      }
      CountRow row = shown.row();
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("cityId", row.cityId());
      json.put("city", row.cityName());
      json.put("admin1Code", row.admin1Code());
      json.put("granularity", row.granularity().name());
      json.put("periodStart", row.periodStart().toString());
      json.put("periodEnd", row.periodEnd().toString());
      json.put("status", row.status());
      json.put("revision", row.revision());
      json.put("counts", cells);
      out.add(json);
    }
    return out;
  }

  /** Rows with each cell as the tier may see it; the export and the JSON answers share this. */
  List<Shown> shown(Tier tier, Granularity granularity, Optional<BorderCity> city, LocalDate from, LocalDate to) {
    if (tier == Tier.ANALYST) {
      List<Shown> rows = new ArrayList<>();
      for (CountRow row : reader.read(granularity, city, from, to)) {
        rows.add(new Shown(row, row.cells().stream().map(cell -> new ShownCell(cell,
            new Disclosure.PublicValue(cell.value(), Long.toString(cell.value()), Disclosure.Suppression.NONE)))
            .toList()));
      }
      return rows;
    }
    // Suppression is decided per whole week, whatever range was asked for.
    LocalDate weeksFrom = WeeklyRollup.weekStart(from.isBefore(LocalDate.of(1, 1, 8)) ? LocalDate.of(1, 1, 8) : from);
    LocalDate weeksTo = to.isAfter(LocalDate.of(9999, 12, 24)) ? to : WeeklyRollup.weekEnd(to);
    List<CountRow> days = reader.read(Granularity.DAY, city, weeksFrom, weeksTo);
    List<CountRow> weeks = CountStores.storeOf(Granularity.WEEK).isPresent()
        ? reader.read(Granularity.WEEK, city, weeksFrom, weeksTo) : WeeklyRollup.weeks(days);
    Disclosure disclosure = new Disclosure(days, weeks);
    List<Shown> rows = new ArrayList<>();
    for (CountRow row : granularity == Granularity.WEEK ? weeks : days) {
      if (row.periodStart().isBefore(from) || row.periodStart().isAfter(to)) {
        continue;
      }
      rows.add(new Shown(row, row.cells().stream().map(cell -> new ShownCell(cell, disclosure.of(
          granularity, row.cityId(), cell.category(), row.periodStart()))).toList()));
    }
    return rows;
  }

  record Shown(CountRow row, List<ShownCell> cells) {}

  record ShownCell(CountRow.Cell exact, Disclosure.PublicValue shown) {
    Category category() {
      return exact.category();
    }

    Map<String, Object> json(Tier tier) {
      Map<String, Object> cell = new LinkedHashMap<>();
      cell.put("category", exact.category().name());
      cell.put("value", shown.value());
      cell.put("display", shown.display());
      cell.put("suppressed", shown.hidden());
      cell.put("suppression", shown.suppression().name());
      cell.put("eventIds", shown.hidden() ? List.of() : exact.eventIds());
      if (tier == Tier.ANALYST) {
        cell.put("claimIds", exact.claimIds());
      }
      return cell;
    }
  }
}
