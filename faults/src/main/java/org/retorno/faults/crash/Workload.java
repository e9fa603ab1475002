package org.retorno.faults.crash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Category;
import org.retorno.avro.CountSemantics;
import org.retorno.avro.SourceKind;
import org.retorno.schemas.geo.BorderCity;

/**
 * A seeded stream of case-count rows over the eight border cities and every category, in roughly
 * the order of their dates, with late rows, exact duplicates, corrections and withdrawals mixed in.
 * The records are the whole truth: {@link GroundTruth} replays them to get the counts a correct
 * pipeline must publish.
 */
public final class Workload {
  private static final Instant RETRIEVED = Instant.parse("2019-12-31T00:00:00Z");
  private static final int LATE_MIN_DAYS = 20;
  private static final int LATE_MAX_DAYS = 45;
  private static final int SOURCES = 40;

  private final WorkloadSpec spec;
  private final List<WorkloadRecord> records;

  private Workload(WorkloadSpec spec, List<WorkloadRecord> records) {
    this.spec = spec;
    this.records = Collections.unmodifiableList(records);
  }

  public static Workload generate(WorkloadSpec spec) {
    return new Workload(spec, new Generator(spec).run());
  }

  public WorkloadSpec spec() {
    return spec;
  }

  /** In the order they are to be sent. */
  public List<WorkloadRecord> records() {
    return records;
  }

  public Map<WorkloadRecord.Kind, Integer> countsByKind() {
    Map<WorkloadRecord.Kind, Integer> counts = new EnumMap<>(WorkloadRecord.Kind.class);
    for (WorkloadRecord.Kind kind : WorkloadRecord.Kind.values()) {
      counts.put(kind, 0);
    }
    records.forEach(record -> counts.merge(record.kind(), 1, Integer::sum));
    return counts;
  }

  private static final class Generator {
    private final WorkloadSpec spec;
    private final Random random;
    private final List<WorkloadRecord> out = new ArrayList<>();
    private final Map<String, CaseCountRow> current = new HashMap<>();
    /** Keys with a live row, for picking one at random; with their positions for O(1) removal. */
    private final List<String> live = new ArrayList<>();
    private final Map<String, Integer> liveIndex = new HashMap<>();
    /** Per city, category and day: the next rung of the figure ladder. */
    private final Map<String, Integer> nextRung = new HashMap<>();
    private final MessageDigest sha256;

    Generator(WorkloadSpec spec) {
      this.spec = spec;
      this.random = new Random(spec.seed());
      try {
        this.sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
      }
    }

    List<WorkloadRecord> run() {
      BorderCity[] cities = BorderCity.values();
      Category[] categories = Category.values();
      double extras = spec.duplicateShare() + spec.correctionShare() + spec.withdrawalShare();
      for (int i = 0; i < spec.originals(); i++) {
        int streamDay = Math.min(spec.days() - 1, (int) ((long) i * spec.days() / spec.originals()));
        int day = Math.min(spec.days() - 1, streamDay + random.nextInt(2));
        WorkloadRecord.Kind kind = WorkloadRecord.Kind.ORIGINAL;
        if (streamDay >= LATE_MIN_DAYS && random.nextDouble() < spec.lateShare()) {
          day = Math.max(0, streamDay - LATE_MIN_DAYS - random.nextInt(LATE_MAX_DAYS - LATE_MIN_DAYS + 1));
          kind = WorkloadRecord.Kind.LATE;
        }
        BorderCity city = cities[random.nextInt(cities.length)];
        Category category = categories[random.nextInt(categories.length)];
        LocalDate date = spec.firstDay().plusDays(day);
        String key = keyOf(i);
        CaseCountRow row = row(key, i, city, category, date, nextFigure(city.geonamesId(), category, date));
        send(key, row, timestampOf(date, i), kind);
        if (!live.isEmpty() && random.nextDouble() < extras) {
          extra(streamDay, i);
        }
      }
      return out;
    }

    private void extra(int streamDay, int i) {
      String key = live.get(random.nextInt(live.size()));
      CaseCountRow row = current.get(key);
      long now = timestampOf(spec.firstDay().plusDays(streamDay), i);
      double pick = random.nextDouble() * (spec.duplicateShare() + spec.correctionShare() + spec.withdrawalShare());
      if (pick < spec.duplicateShare()) {
        send(key, row, now, WorkloadRecord.Kind.DUPLICATE);
      } else if (pick < spec.duplicateShare() + spec.correctionShare()) {
        CaseCountRow revised = CaseCountRow.newBuilder(row)
            .setValue(nextFigure(row.getPlace().getGeonamesId(), row.getCategory(), row.getPeriodStart())).build();
        send(key, revised, now, WorkloadRecord.Kind.CORRECTION);
      } else {
        send(key, null, now, WorkloadRecord.Kind.WITHDRAWAL);
      }
    }

    private void send(String key, CaseCountRow row, long timestampMs, WorkloadRecord.Kind kind) {
      out.add(new WorkloadRecord(key, row, timestampMs, kind));
      if (row == null) {
        current.remove(key);
        Integer at = liveIndex.remove(key);
        String last = live.remove(live.size() - 1);
        if (!last.equals(key)) {
          live.set(at, last);
          liveIndex.put(last, at);
        }
      } else if (current.put(key, row) == null) {
        liveIndex.put(key, live.size());
        live.add(key);
      }
    }

    private long nextFigure(long cityId, Category category, LocalDate date) {
      String cell = cityId + ":" + category + ":" + date;
      int rung = nextRung.merge(cell, 1, Integer::sum) - 1;
      return FigureLadder.rung(rung);
    }

    /** Like an ingested row's id: a SHA-256, here of the run's seed and the row's number. */
    private String keyOf(int i) {
      byte[] digest = sha256.digest(("crash-workload:" + spec.seed() + ":" + i).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    }

    private CaseCountRow row(String key, int i, BorderCity city, Category category, LocalDate date, long value) {
      return CaseCountRow.newBuilder()
          .setId(key)
          .setPeriodStart(date)
          .setPeriodEnd(date)
          .setPlaceName(city.displayName())
          .setPlace(city.toPlace(null))
          .setCategory(category)
          .setValue(value)
          .setSemantics(CountSemantics.INCREMENT)
          .setSourceName("crash workload source " + (i % SOURCES))
          .setSourceUrl(null)
          .setSourceKind(SourceKind.GOVERNMENT)
          .setSourceFile("crash-workload-" + spec.seed() + ".csv")
          .setLineNumber(i + 2L)
          .setRetrievedAt(RETRIEVED)
          .build();
    }

    private static long timestampOf(LocalDate date, int i) {
      return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + (i % 86_400_000L);
    }
  }
}
