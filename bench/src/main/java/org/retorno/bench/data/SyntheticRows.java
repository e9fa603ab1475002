package org.retorno.bench.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Category;
import org.retorno.avro.CountSemantics;
import org.retorno.avro.Place;
import org.retorno.avro.SourceKind;

/**
 * Case-count rows made up for load: row {@code i} of a {@link RowShape} is always the same row.
 * Each row is one source's daily increment for a city and category; ids are SHA-256 hex like real
 * row ids, so records have the size of real ones.
 */
public final class SyntheticRows {
  private static final Category[] CATEGORIES = Category.values();
  private static final Instant RETRIEVED_AT = Instant.parse("2026-01-01T00:00:00Z");

  private final RowShape shape;
  private final List<Place> cities;
  private final int days;
  private final MessageDigest sha256;

  public SyntheticRows(RowShape shape) {
    this.shape = shape;
    this.cities = BenchCities.first(shape.cities());
    this.days = shape.days();
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  public RowShape shape() {
    return shape;
  }

  /** Row {@code index}, 0-based; rows come in date order. */
  public CaseCountRow row(long index) {
    Place place = cities.get((int) (index % cities.size()));
    Category category = CATEGORIES[(int) ((index / cities.size()) % CATEGORIES.length)];
    LocalDate day = RowShape.FIRST_DAY.plusDays(index * days / shape.rows());
    long mix = mix(index ^ shape.seed());
    return CaseCountRow.newBuilder()
        .setId(idOf(index))
        .setPeriodStart(day)
        .setPeriodEnd(day)
        .setPlaceName(place.getName())
        .setPlace(place)
        .setCategory(category)
        .setValue(1 + Math.floorMod(mix, 200))
        .setSemantics(CountSemantics.INCREMENT)
        .setSourceName("Bench source " + Math.floorMod(mix >>> 16, 50))
        .setSourceUrl("https://example.org/bench/table-" + Math.floorMod(mix >>> 24, 1000))
        .setSourceKind(SourceKind.GOVERNMENT)
        .setSourceFile("bench-synthetic.csv")
        .setLineNumber(index + 2)
        .setRetrievedAt(RETRIEVED_AT)
        .build();
  }

  /** The Kafka timestamp of a row: its event time, as the topology's timestamp extractor reads it. */
  public static long timestampOf(CaseCountRow row) {
    return row.getPeriodEnd().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private String idOf(long index) {
    byte[] digest = sha256.digest(("bench:" + shape.seed() + ":" + index).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest);
  }

  /** SplitMix64: a cheap, well-spread hash of the row index. */
  static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
