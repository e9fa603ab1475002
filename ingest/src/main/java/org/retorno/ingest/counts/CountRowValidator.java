package org.retorno.ingest.counts;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Category;
import org.retorno.avro.CountSemantics;
import org.retorno.avro.Place;
import org.retorno.avro.SourceKind;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.Reason;
import org.retorno.schemas.geo.BorderCity;
import org.retorno.schemas.geo.HearingLocation;
import org.retorno.ingest.text.IdentifierScrubber;
import org.retorno.ingest.text.TextKey;

/** Checks one count and turns it into a row record; the first problem found is the reason it is rejected. */
final class CountRowValidator {
  /** Tables state increments, running totals or levels; a study's sample size is not a table count. */
  private static final List<CountSemantics> TABLE_SEMANTICS =
      List.of(CountSemantics.INCREMENT, CountSemantics.CUMULATIVE, CountSemantics.STOCK);
  private static final Map<String, CountSemantics> SEMANTICS_IN_LOWER_CASE = TABLE_SEMANTICS.stream()
      .collect(Collectors.toUnmodifiableMap(semantics -> semantics.name().toLowerCase(Locale.ROOT), s -> s));
  /** {@code Category.values()} copies the array on every call. */
  private static final Category[] CATEGORIES = Category.values();

  private final Clock clock;

  CountRowValidator(Clock clock) {
    this.clock = clock;
  }

  /** How a table's place cell becomes a place: by name in the long shape, by its mapping in the wide one. */
  interface PlaceResolver {
    Place resolve(String cell) throws InputRejectedException;

    /** The cell as the row's key states it (see {@link BorderCity#fold}). */
    default String fold(String cell) {
      return BorderCity.fold(cell);
    }
  }

  /** A border city by name, or a US hearing location mapped to its city and marked as inferred. */
  static final PlaceResolver BY_NAME = CountRowValidator::place;

  CaseCountRow validate(CountRowFields fields, Optional<ThousandsSeparator> separator, IngestOptions options,
      String sourceFile, long lineNumber, Instant retrievedAt) throws InputRejectedException {
    return validate(fields, separator, options, sourceFile, lineNumber, retrievedAt, BY_NAME);
  }

  CaseCountRow validate(CountRowFields fields, Optional<ThousandsSeparator> separator, IngestOptions options,
      String sourceFile, long lineNumber, Instant retrievedAt, PlaceResolver places) throws InputRejectedException {
    String periodStartCell = required(fields.periodStart(), "period_start");
    String periodEndCell = required(fields.periodEnd(), "period_end");
    String placeCell = required(fields.place(), "place");
    // Every cell stored as written is free text that reaches exports: identifiers go before it is kept.
    String placeName = IdentifierScrubber.scrub(placeCell);
    String metricCell = required(fields.metric(), "metric");
    String valueCell = required(fields.value(), "value");
    String semanticsCell = required(fields.semantics(), "semantics");
    String sourceName = IdentifierScrubber.scrub(options.sourceName() != null ? options.sourceName()
        : required(fields.source(), "source"));

    LocalDate periodStart = date(periodStartCell, "period_start");
    LocalDate periodEnd = date(periodEndCell, "period_end");
    if (periodEnd.isBefore(periodStart)) {
      throw new InputRejectedException(Reason.PERIOD_END_BEFORE_START);
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (periodEnd.isAfter(today)) {
      throw new InputRejectedException(Reason.FUTURE_DATE, null,
          (periodStart.isAfter(today) ? "period_start" : "period_end") + " after " + today);
    }
    Place place = places.resolve(placeCell);
    Category category = category(metricCell);
    long value = CountValue.parse(valueCell, separator);
    CountSemantics semantics = semantics(semanticsCell);
    String sourceUrl = IdentifierScrubber.scrub(blankToNull(fields.sourceUrl()));

    String id = TextKey.ofFields(List.of(sourceName, isoText(periodStartCell, periodStart), isoText(periodEndCell, periodEnd),
        places.fold(placeCell), category.name(), Long.toString(value), semantics.name(),
        sourceUrl == null ? "" : sourceUrl));
    return CaseCountRow.newBuilder()
        .setId(id)
        .setPeriodStart(periodStart)
        .setPeriodEnd(periodEnd)
        .setPlaceName(placeName)
        .setPlace(place)
        .setCategory(category)
        .setValue(value)
        .setSemantics(semantics)
        .setSourceName(sourceName)
        .setSourceUrl(sourceUrl)
        .setSourceKind(options.sourceKindOr(SourceKind.GOVERNMENT))
        .setSourceFile(sourceFile)
        .setLineNumber(lineNumber)
        .setRetrievedAt(retrievedAt)
        .build();
  }

  private static String required(String cell, String column) throws InputRejectedException {
    if (cell == null || cell.isBlank()) {
      throw new InputRejectedException(Reason.MISSING_VALUE, null, column);
    }
    return cell.strip();
  }

  private static LocalDate date(String cell, String column) throws InputRejectedException {
    try {
      return isPlainIsoDate(cell)
          ? LocalDate.of(digits(cell, 0, 4), digits(cell, 5, 7), digits(cell, 8, 10))
          : LocalDate.parse(cell);
    } catch (DateTimeException e) {
      // DateTimeParseException from the formatter, DateTimeException from LocalDate.of ("2019-02-30").
      throw new InputRejectedException(Reason.INVALID_DATE, null, column + " (expected YYYY-MM-DD)");
    }
  }

  /**
   * Nearly every date cell is "yyyy-mm-dd" in ASCII digits, which {@link LocalDate#of} reads for a
   * fraction of what the ISO formatter costs per cell, and rejects the same days (month 13, 30
   * February). Anything else takes the formatter, as before.
   */
  private static boolean isPlainIsoDate(String cell) {
    if (cell.length() != 10 || cell.charAt(4) != '-' || cell.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      char c = cell.charAt(i);
      if (i != 4 && i != 7 && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /** A plain "yyyy-mm-dd" cell is already what {@link LocalDate#toString} would write for its date. */
  private static String isoText(String cell, LocalDate date) {
    return isPlainIsoDate(cell) ? cell : date.toString();
  }

  private static int digits(String cell, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (cell.charAt(i) - '0');
    }
    return value;
  }

  private static Place place(String cell) throws InputRejectedException {
    Optional<BorderCity> city = BorderCity.byName(cell);
    if (city.isPresent()) {
      return city.get().toPlace();
    }
    Optional<HearingLocation> hearing = HearingLocation.byName(cell);
    if (hearing.isPresent()) {
      return hearing.get().mexicanCity().toPlace(hearing.get().inferenceNote());
    }
    throw new InputRejectedException(Reason.UNKNOWN_PLACE);
  }

  private static Category category(String cell) throws InputRejectedException {
    // Tables mostly write the metric as it is named; the upper-cased copy is for the rest.
    for (Category category : CATEGORIES) {
      if (category.name().equals(cell)) {
        return category;
      }
    }
    String name = cell.toUpperCase(Locale.ROOT);
    for (Category category : CATEGORIES) {
      if (category.name().equals(name)) {
        return category;
      }
    }
    throw new InputRejectedException(Reason.UNKNOWN_METRIC);
  }

  private static CountSemantics semantics(String cell) throws InputRejectedException {
    // Written in lower case as a rule ("increment"): looked up as such before an upper-cased copy is made.
    CountSemantics written = SEMANTICS_IN_LOWER_CASE.get(cell);
    if (written != null) {
      return written;
    }
    String name = cell.toUpperCase(Locale.ROOT);
    for (CountSemantics semantics : TABLE_SEMANTICS) {
      if (semantics.name().equals(name)) {
        return semantics;
      }
    }
    throw new InputRejectedException(Reason.UNKNOWN_SEMANTICS, null, "expected increment, cumulative or stock");
  }

  private static String blankToNull(String cell) {
    return cell == null || cell.isBlank() ? null : cell.strip();
  }
}
