package org.retorno.streams.topology;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.retorno.avro.AlertKind;
import org.retorno.avro.AlertSeverity;
import org.retorno.avro.Category;
import org.retorno.avro.CategoryCount;
import org.retorno.avro.CityCounts;
import org.retorno.avro.Granularity;
import org.retorno.avro.SpikeAlert;
import org.retorno.avro.SpikeSeries;
import org.retorno.streams.detect.DetectionConfig;
import org.retorno.streams.detect.Evaluation;
import org.retorno.streams.detect.HistoryRule;
import org.retorno.streams.detect.MetricClass;
import org.retorno.streams.detect.SeriesJudge;
import org.retorno.streams.detect.SpikeMethods;
import org.retorno.streams.detect.SpikeMethod;

/**
 * Stage 6, counts -> alerts. Input is keyed by city, so one instance holds all of a city's series
 * (one per category and granularity). Each revision of a period updates its series and the series
 * is judged again, so late data revises or withdraws alerts. An episode (consecutive alarming
 * periods) is one alert, updated while it lasts; a series' first active period is a NEW_LOCATION
 * event, never a statistical alarm. Only event counts are judged: coverage never reaches here.
 * An alert names its city, category and periods; the events behind it are the count-provenance
 * entries of those days, so an alert is not republished each time another event joins them.
 */
final class SpikeDetector implements Processor<String, CityCounts, String, SpikeAlert> {
  /** Months of baseline for harm series, which have no activation month to leave out. */
  static final int MONTHLY_BASELINE = 6;
  /**
   * Months of baseline for volume series: 3 full months after the activation month, so a city that
   * joins in July is watched from November. Simulated (NB, dispersion 0.05, city rates x 52/12):
   * 0.32 false alerts per 100 city-weeks and 72% of one-month doublings detected, against 0.19 and
   * 72% for the 6-month baseline, which would leave a July city unwatched all year; EARS C1 with 3
   * months cries wolf (1.6 per 100 city-weeks).
   */
  static final int MONTHLY_VOLUME_BASELINE = 3;
  /** Series whose verdicts stay in memory: a task holds 8 cities x 14 categories per granularity. */
  static final int REPLAYS_KEPT = 256;
  /**
   * Series kept decoded. Each revision looks at all 14 series of its city; decoding them from the
   * store was 33% of the stream thread at 1,000 rows/s, each to a city and day of its own.
   */
  static final int SERIES_KEPT = 128;
  private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

  private final Granularity granularity;
  private final DetectionConfig detection;
  private final int settleDays;
  private final PipelineListener listener;
  private final String storeName;
  private final String alertStoreName;
  private final Map<Category, SpikeMethod> methods = new EnumMap<>(Category.class);
  /** Each method's parameters as alerts state them, formatted once rather than per alert. */
  private final Map<Category, Map<String, String>> parameters = new EnumMap<>(Category.class);
  /** The last verdicts per series, so a revision re-judges only from the first changed period. */
  private final ReplayedSeries replayed = new ReplayedSeries(REPLAYS_KEPT);
  /** What the store holds for the most recently used series, decoded: read and written through. */
  private final Map<String, SpikeSeries> decoded = new LeastRecentlyUsed<>(SERIES_KEPT);
  private ProcessorContext<String, SpikeAlert> context;
  private KeyValueStore<String, SpikeSeries> store;
  /**
   * The standing alerts by id, apart from the series: a revision usually changes one alert or
   * none, and rewriting every standing alert with the series was a third of the stage's time.
   */
  private KeyValueStore<String, SpikeAlert> alertStore;

  SpikeDetector(Granularity granularity, DetectionConfig detection, int settleDays, String storeName,
      String alertStoreName, PipelineListener listener) {
    this.listener = listener;
    this.granularity = granularity;
    this.detection = detection;
    this.settleDays = settleDays;
    this.storeName = storeName;
    this.alertStoreName = alertStoreName;
  }

  @Override
  public void init(ProcessorContext<String, SpikeAlert> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    this.alertStore = context.getStateStore(alertStoreName);
    replayed.clear();
    decoded.clear();
  }

  @Override
  public void close() {
    replayed.clear();
    decoded.clear();
  }

  @Override
  public void process(Record<String, CityCounts> record) {
    CityCounts counts = record.value();
    if (counts == null) {
      return;
    }
    Map<Category, CategoryCount> byCategory = new HashMap<>();
    counts.getCounts().forEach(count -> byCategory.put(count.getCategory(), count));
    for (Category category : Category.values()) {
      String key = seriesKey(counts.getCityId(), category);
      SpikeSeries series = stored(key);
      CategoryCount count = byCategory.get(category);
      long value = count == null ? 0 : count.getValue();
      if (series == null && value == 0) {
        continue;
      }
      if (series != null && holds(series, counts.getPeriodStart(), value)
          && namedAs(series, counts.getCityName())) {
        // Same counts and same latest period, so the same verdicts. Most revisions change one
        // category of 14.
        continue;
      }
      series = withValue(series, counts.getPeriodStart(), value);
      Judgement judgement = judge(series, counts, category);
      judgement.raised().forEach(alert -> listener.alertRaised(alert.getSeverity()));
      for (SpikeAlert alert : judgement.changed()) {
        forward(record, alert);
        alertStore.put(alert.getId(), alert);
      }
      for (SpikeAlert before : judgement.withdrawn()) {
        forward(record, SpikeAlert.newBuilder(before).setWithdrawn(true).setProvisional(false).build());
        alertStore.delete(before.getId());
      }
      series.setAlerts(judgement.standing());
      store.put(key, new SpikeSeries(series.getStart(), series.getValues(), Map.of()));
      decoded.put(key, series);
    }
  }

  /**
   * Field by field, as {@code toString()} used to compare them at a tenth of the stream thread.
   * Boxed doubles compare as {@code Double.equals}: NaN equals NaN, 0.0 differs from -0.0, as
   * their printed forms did.
   */
  static boolean sameFields(SpikeAlert a, SpikeAlert b) {
    return a.getId().equals(b.getId())
        && a.getKind() == b.getKind()
        && a.getCityId() == b.getCityId()
        && a.getCityName().equals(b.getCityName())
        && a.getCategory() == b.getCategory()
        && a.getGranularity() == b.getGranularity()
        && Objects.equals(a.getPeriodStart(), b.getPeriodStart())
        && Objects.equals(a.getLastPeriod(), b.getLastPeriod())
        && Double.valueOf(a.getObserved()).equals(b.getObserved())
        && Double.valueOf(a.getExpected()).equals(b.getExpected())
        && Double.valueOf(a.getThreshold()).equals(b.getThreshold())
        && Double.valueOf(a.getScore()).equals(b.getScore())
        && a.getMethod().equals(b.getMethod())
        && a.getParameters().equals(b.getParameters())
        && a.getSeverity() == b.getSeverity()
        && a.getProvisional() == b.getProvisional()
        && a.getWithdrawn() == b.getWithdrawn();
  }

  /** Whether the series already holds {@code value} at {@code period}. */
  private boolean holds(SpikeSeries series, LocalDate period, long value) {
    long index = periods(series.getStart(), period);
    return index >= 0 && index < series.getValues().size() && series.getValues().get((int) index) == value;
  }

  /**
   * Whether the standing alerts carry this city name, as a new judgement would. Every standing
   * alert was built by the series' last judgement, from one revision, so one of them tells.
   */
  private static boolean namedAs(SpikeSeries series, String cityName) {
    return series.getAlerts().isEmpty()
        || series.getAlerts().values().iterator().next().getCityName().equals(cityName);
  }


  /** The series with its standing alerts, as the last judgement left them. */
  private SpikeSeries stored(String key) {
    SpikeSeries series = decoded.get(key);
    if (series == null) {
      series = store.get(key);
      if (series != null) {
        series.setAlerts(standingAlerts(key, series));
        decoded.put(key, series);
      }
    }
    return series;
  }

  /**
   * In the order a judgement lists them, the new-location event first and then the episodes by
   * first period, which {@link #judge} relies on. A series stored before alerts had a store of their
   * own carries them inline; they move to that store.
   */
  private Map<String, SpikeAlert> standingAlerts(String key, SpikeSeries series) {
    List<SpikeAlert> found = new ArrayList<>(series.getAlerts().values());
    if (found.isEmpty()) {
      try (KeyValueIterator<String, SpikeAlert> alerts = alertStore.prefixScan(key + ":", PREFIX_SERIALIZER)) {
        alerts.forEachRemaining(entry -> found.add(entry.value));
      }
    } else {
      found.forEach(alert -> alertStore.put(alert.getId(), alert));
    }
    found.sort(Comparator.comparing((SpikeAlert alert) -> alert.getKind() != AlertKind.NEW_LOCATION)
        .thenComparing(SpikeAlert::getPeriodStart));
    Map<String, SpikeAlert> standing = new LinkedHashMap<>();
    found.forEach(alert -> standing.put(alert.getId(), alert));
    return standing;
  }

  private static String seriesKey(long cityId, Category category) {
    return cityId + ":" + category;
  }

  private void forward(Record<String, CityCounts> record, SpikeAlert alert) {
    context.forward(new Record<>(Long.toString(alert.getCityId()), alert, record.timestamp()));
  }

  private SpikeSeries withValue(SpikeSeries series, LocalDate period, long value) {
    if (series == null) {
      return new SpikeSeries(period, new ArrayList<>(List.of(value)), new LinkedHashMap<>());
    }
    List<Long> values = new ArrayList<>(series.getValues());
    LocalDate start = series.getStart();
    long index = periods(start, period);
    if (index < 0) {
      List<Long> padded = new ArrayList<>();
      for (long i = index; i < 0; i++) {
        padded.add(0L);
      }
      padded.addAll(values);
      values = padded;
      start = period;
      index = 0;
    }
    while (values.size() <= index) {
      values.add(0L);
    }
    values.set((int) index, value);
    // The standing alerts are only read until the judgement replaces them: shared, not copied.
    return new SpikeSeries(start, values, series.getAlerts());
  }

  /**
   * A judgement of a series against the alerts standing on it before.
   *
   * @param standing every alert the series supports now, by id, in judgement order
   * @param changed the new and changed ones among them, to publish
   * @param raised the new ones
   * @param withdrawn the earlier ones the series no longer supports
   */
  private record Judgement(Map<String, SpikeAlert> standing, List<SpikeAlert> changed, List<SpikeAlert> raised,
      List<SpikeAlert> withdrawn) {
    Judgement() {
      this(new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    void stands(SpikeAlert alert, SpikeAlert before) {
      standing.put(alert.getId(), alert);
      if (before == null) {
        raised.add(alert);
        changed.add(alert);
      } else if (alert != before && !sameFields(before, alert)) {
        changed.add(alert);
      }
    }
  }

  /**
   * Judges the series again. The earlier alerts are walked alongside the episodes, both in order
   * of first period, rather than looked up by id: a long series carries hundreds of episodes, and
   * building and hashing every one's id at every revision was most of the stage.
   */
  private Judgement judge(SpikeSeries series, CityCounts revision, Category category) {
    Judgement judgement = new Judgement();
    Iterator<SpikeAlert> earlier = series.getAlerts().values().iterator();
    SpikeAlert next = earlier.hasNext() ? earlier.next() : null;
    SpikeAlert earlierLocation = null;
    if (next != null && next.getKind() == AlertKind.NEW_LOCATION) {
      earlierLocation = next;
      next = earlier.hasNext() ? earlier.next() : null;
    }
    List<Long> stored = series.getValues();
    double[] values = new double[stored.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = stored.get(i);
    }
    SpikeMethod method = methods.computeIfAbsent(category, this::methodFor);
    int firstActive = HistoryRule.firstActive(values, values.length);
    LocalDate latest = periodAt(series.getStart(), values.length - 1);
    // A program reaching a city is one event per city and metric, read where the history is
    // longest (the monthly series); harms have no activation, only their counts.
    if (firstActive != HistoryRule.NEVER_ACTIVE && granularity == Granularity.MONTH
        && MetricClass.of(category) == MetricClass.VOLUME) {
      SpikeAlert location = alert(revision, category, method, AlertKind.NEW_LOCATION,
          periodAt(series.getStart(), firstActive), periodAt(series.getStart(), firstActive),
          Evaluation.notEvaluated(values[firstActive]), latest);
      location.setSeverity(AlertSeverity.INFO);
      location.setMethod("new-location");
      location.setParameters(Map.of("rule", "first period with a count above 0"));
      judgement.stands(location, earlierLocation);
    } else if (earlierLocation != null) {
      judgement.withdrawn().add(earlierLocation);
    }
    boolean volume = MetricClass.of(category) == MetricClass.VOLUME;
    double[] judged = judgedCounts(values, firstActive, volume);
    int[] unreported = volume ? unreportedBefore(judged) : null;
    SeriesJudge.Verdict[] verdicts = replayed.replay(seriesKey(revision.getCityId(), category), method, judged);
    int episodeStart = -1;
    Evaluation peak = null;
    for (int t = 0; t <= values.length; t++) {
      boolean alarm = t < values.length && verdicts[t].alarm()
          && (!volume || reportedThroughout(unreported, t - method.history(), t));
      Evaluation evaluation = t < values.length ? verdicts[t].evaluation() : null;
      if (alarm) {
        if (episodeStart < 0) {
          episodeStart = t;
          peak = evaluation;
        } else if (excess(evaluation) > excess(peak)) {
          peak = evaluation;
        }
      } else if (episodeStart >= 0) {
        LocalDate first = periodAt(series.getStart(), episodeStart);
        LocalDate last = periodAt(series.getStart(), t - 1);
        while (next != null && next.getPeriodStart().isBefore(first)) {
          judgement.withdrawn().add(next);
          next = earlier.hasNext() ? earlier.next() : null;
        }
        SpikeAlert before = null;
        if (next != null && next.getPeriodStart().equals(first)) {
          before = next;
          next = earlier.hasNext() ? earlier.next() : null;
        }
        SpikeAlert spike = unchanged(before, revision, category, method, last, peak, latest);
        if (spike == null) {
          spike = alert(revision, category, method, AlertKind.SPIKE, first, last, peak, latest);
        }
        judgement.stands(spike, before);
        episodeStart = -1;
        peak = null;
      }
    }
    while (next != null) {
      judgement.withdrawn().add(next);
      next = earlier.hasNext() ? earlier.next() : null;
    }
    return judgement;
  }

  /**
   * The counts the method judges. A program starts part-way through its first month (MPP reached
   * Tijuana on 29 January 2019, Nuevo Laredo on 9 July), so a volume series' first month is
   * partial: against it the second month always looks like a jump. It is left out as unreported,
   * so no baseline contains it; the NEW_LOCATION event reports it instead.
   */
  private double[] judgedCounts(double[] values, int firstActive, boolean volume) {
    if (granularity != Granularity.MONTH || !volume || firstActive == HistoryRule.NEVER_ACTIVE) {
      return values;
    }
    double[] judged = values.clone();
    judged[firstActive] = 0;
    return judged;
  }

  /**
   * Returns, enrollments and departures happen every period once a program runs; a period with
   * nothing reported is missing data, not zero. A volume series is judged only where its whole
   * baseline was reported, or the first table covering a city would look like a spike.
   */
  private static boolean reportedThroughout(int[] unreportedBefore, int from, int to) {
    return from >= 0 && unreportedBefore[to] == unreportedBefore[from];
  }

  /**
   * Element {@code i}: how many of the first {@code i} periods have nothing reported. Each period
   * is judged against its whole baseline; counting gaps once makes that a subtraction instead of a
   * walk over the baseline for every period of the series at every revision.
   */
  static int[] unreportedBefore(double[] values) {
    int[] unreported = new int[values.length + 1];
    for (int i = 0; i < values.length; i++) {
      unreported[i + 1] = unreported[i] + (values[i] <= 0 ? 1 : 0);
    }
    return unreported;
  }

  /**
   * The configured method of the category; months, for which the backtest chose no setting, take
   * the weekly setting with a shorter baseline, so a year of monthly figures can be judged. Volume
   * months have no guard band: a month is long enough to hold a rise's onset, and a guard would
   * leave a new city unwatched one month longer.
   */
  private SpikeMethod methodFor(Category category) {
    if (granularity != Granularity.MONTH) {
      return detection.method(category, granularity);
    }
    SpikeMethod weekly = detection.method(category, Granularity.WEEK);
    Map<String, String> parameters = new LinkedHashMap<>(weekly.parameters());
    boolean volume = MetricClass.of(category) == MetricClass.VOLUME;
    if (parameters.containsKey("baseline")) {
      parameters.put("baseline", Integer.toString(volume ? MONTHLY_VOLUME_BASELINE : MONTHLY_BASELINE));
    }
    if (volume && parameters.containsKey("guard")) {
      parameters.put("guard", "0");
    }
    return SpikeMethods.create(weekly.name(), parameters);
  }

  private static double excess(Evaluation evaluation) {
    return evaluation.observed() - evaluation.upperBound();
  }

  /**
   * The standing alert itself when a new judgement would build it again field for field. A
   * revision mostly touches the latest period, while every older episode of the series is judged
   * again; building their alerts anew was a quarter of the stage.
   */
  private SpikeAlert unchanged(SpikeAlert standing, CityCounts revision, Category category, SpikeMethod method,
      LocalDate last, Evaluation peak, LocalDate latest) {
    if (standing == null || standing.getWithdrawn() || !last.equals(standing.getLastPeriod())
        || !standing.getCityName().equals(revision.getCityName())
        || standing.getProvisional() == settled(last, latest)
        // Alerts read back from the store may come from before a change of method settings.
        || !standing.getMethod().equals(method.name())
        || !sameParameters(standing.getParameters(), parametersOf(category, method))) {
      return null;
    }
    boolean same = Double.valueOf(peak.observed()).equals(standing.getObserved())
        && Double.valueOf(orZero(peak.expected())).equals(standing.getExpected())
        && Double.valueOf(orZero(peak.upperBound())).equals(standing.getThreshold())
        && Double.valueOf(orZero(peak.statistic())).equals(standing.getScore());
    return same ? standing : null;
  }

  private Map<String, String> parametersOf(Category category, SpikeMethod method) {
    return parameters.computeIfAbsent(category,
        c -> Collections.unmodifiableMap(new LinkedHashMap<>(method.parameters())));
  }

  /** The map this processor built is the common case; one read back from the store compares entry by entry. */
  private static boolean sameParameters(Map<String, String> standing, Map<String, String> current) {
    return standing == current || standing.equals(current);
  }

  private SpikeAlert alert(CityCounts revision, Category category, SpikeMethod method, AlertKind kind,
      LocalDate first, LocalDate last, Evaluation evaluation, LocalDate latest) {
    double expected = orZero(evaluation.expected());
    boolean strong = evaluation.observed() >= 2 * Math.max(expected, 1);
    String id = kind == AlertKind.NEW_LOCATION
        ? revision.getCityId() + ":" + category + ":" + granularity + ":new-location"
        : spikeId(revision.getCityId(), category, first);
    return SpikeAlert.newBuilder()
        .setId(id)
        .setKind(kind)
        .setCityId(revision.getCityId())
        .setCityName(revision.getCityName())
        .setCategory(category)
        .setGranularity(granularity)
        .setPeriodStart(first)
        .setLastPeriod(last)
        .setObserved(evaluation.observed())
        .setExpected(expected)
        .setThreshold(orZero(evaluation.upperBound()))
        .setScore(orZero(evaluation.statistic()))
        .setMethod(method.name())
        .setParameters(parametersOf(category, method))
        .setSeverity(strong ? AlertSeverity.ALERT : AlertSeverity.WARNING)
        .setProvisional(!settled(last, latest))
        .setWithdrawn(false)
        .build();
  }

  /** An alert states an undefined figure (no baseline yet) as 0. */
  private static double orZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  private String spikeId(long cityId, Category category, LocalDate first) {
    return cityId + ":" + category + ":" + granularity + ":" + first;
  }

  /** Settled when the series has moved on past the settling time, as counts settle on stream time. */
  private boolean settled(LocalDate period, LocalDate latest) {
    return !Periods.end(granularity, period).plusDays(settleDays).isAfter(latest);
  }

  private long periods(LocalDate from, LocalDate to) {
    return switch (granularity) {
      case DAY -> ChronoUnit.DAYS.between(from, to);
      case WEEK -> ChronoUnit.WEEKS.between(from, to);
      case MONTH -> ChronoUnit.MONTHS.between(from, to);
    };
  }

  private LocalDate periodAt(LocalDate start, int index) {
    return switch (granularity) {
      case DAY -> start.plusDays(index);
      case WEEK -> start.plusWeeks(index);
      case MONTH -> start.plusMonths(index);
    };
  }
}
