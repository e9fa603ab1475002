package org.retorno.streams.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.retorno.avro.AlertSeverity;

/**
 * The alerts read so far, latest version per id, and whoever wants to hear of new ones (the
 * dashboard's live feed). Bounded: the oldest alerts are forgotten past {@code capacity}.
 */
final class AlertLog {
  private final int capacity;
  private final Map<String, AlertView> alerts = new LinkedHashMap<>();
  private final List<Consumer<AlertView>> listeners = new CopyOnWriteArrayList<>();

  AlertLog(int capacity) {
    this.capacity = capacity;
  }

  void add(AlertView alert) {
    synchronized (this) {
      alerts.remove(alert.id());
      alerts.put(alert.id(), alert);
      if (alerts.size() > capacity) {
        alerts.remove(alerts.keySet().iterator().next());
      }
    }
    listeners.forEach(listener -> listener.accept(alert));
  }

  void onAlert(Consumer<AlertView> listener) {
    listeners.add(listener);
  }

  /** Alerts for periods from {@code since}, of a city, at or above a severity; newest period first. */
  synchronized List<AlertView> find(LocalDate since, Optional<Long> cityId, AlertSeverity minimum) {
    List<AlertView> found = new ArrayList<>();
    for (AlertView alert : alerts.values()) {
      if (!alert.periodStart().isBefore(since)
          && cityId.map(id -> id == alert.cityId()).orElse(true)
          && AlertSeverity.valueOf(alert.severity()).ordinal() >= minimum.ordinal()) {
        found.add(alert);
      }
    }
    found.sort(Comparator.comparing(AlertView::periodStart).reversed()
        .thenComparing(AlertView::publishedAt, Comparator.reverseOrder()));
    return found;
  }
}
