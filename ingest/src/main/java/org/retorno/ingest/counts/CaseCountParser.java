package org.retorno.ingest.counts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.retorno.avro.CaseCountRow;
import org.retorno.ingest.FileBytes;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.ItemSink;
import org.retorno.ingest.Reason;
import org.retorno.ingest.SourceParser;

/**
 * Case-count tables in the long shape, one count a row:
 * {@code period_start,period_end,place,metric,value,semantics,source,source_url}. Comment lines
 * starting with {@code #} may precede the header, e.g. to declare the thousands separator. Each row
 * is checked on its own; a row that fails is rejected with its line number and the rest are read.
 */
public final class CaseCountParser implements SourceParser {
  private static final char COMMENT_MARKER = '#';
  static final List<String> LONG_SHAPE_COLUMNS = List.of(
      "period_start", "period_end", "place", "metric", "value", "semantics", "source", "source_url");

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setHeader()
      .setSkipHeaderRecord(true)
      .setCommentMarker(COMMENT_MARKER)
      .setIgnoreEmptyLines(true)
      .setIgnoreSurroundingSpaces(true)
      .setIgnoreHeaderCase(true)
      .setAllowMissingColumnNames(true)
      .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
      .get();

  private final Clock clock;
  private final CountRowValidator validator;

  public CaseCountParser(Clock clock) {
    this.clock = clock;
    this.validator = new CountRowValidator(clock);
  }

  @Override
  public void parse(InputFile file, IngestOptions options, ItemSink sink) throws InputRejectedException {
    if (!file.extension().equals("csv")) {
      throw new InputRejectedException(Reason.UNSUPPORTED_FILE_TYPE, null, "counts take .csv");
    }
    String text = FileBytes.readText(file).text();
    LineIndex lines = new LineIndex(text);
    Instant retrievedAt = clock.instant();
    try (CSVParser parser = open(text)) {
      Optional<ThousandsSeparator> separator = separator(parser);
      requireColumns(parser.getHeaderNames());
      int columns = parser.getHeaderNames().size();
      Iterator<CSVRecord> records = parser.iterator();
      while (hasNext(records, parser)) {
        CSVRecord record = records.next();
        if (isBlankRow(record)) {
          // ",,,,,,," rows that spreadsheets leave below a table hold no data: like blank lines, not items.
          continue;
        }
        long line = lines.lineOfRecord(record.getCharacterPosition(), COMMENT_MARKER);
        String position = "line " + line;
        if (record.size() != columns) {
          sink.reject(position, Reason.WRONG_FIELD_COUNT, record.size() + " fields, header has " + columns);
          continue;
        }
        try {
          CaseCountRow row = validator.validate(fieldsOf(record), separator, options, file.name(), line, retrievedAt);
          sink.accept(position, row.getId(), row);
        } catch (InputRejectedException e) {
          sink.reject(position, e.reason(), e.detail());
        }
      }
    } catch (IOException e) {
      throw new InputRejectedException(Reason.MALFORMED_CSV, null, e.getClass().getSimpleName());
    }
  }

  private static CSVParser open(String text) throws InputRejectedException, IOException {
    try {
      return CSVParser.parse(text, FORMAT);
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      // Commons CSV reports a broken or duplicated header this way; its message quotes the header.
      throw new InputRejectedException(Reason.MALFORMED_CSV, "line 1", "unreadable header");
    }
  }

  private static Optional<ThousandsSeparator> separator(CSVParser parser) throws InputRejectedException {
    try {
      return ThousandsSeparator.declaredIn(parser.getHeaderComment());
    } catch (IllegalArgumentException e) {
      throw new InputRejectedException(Reason.MALFORMED_CSV, null, e.getMessage());
    }
  }

  private static void requireColumns(List<String> headerNames) throws InputRejectedException {
    Set<String> present = headerNames.stream()
        .map(name -> name.strip().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    List<String> missing = LONG_SHAPE_COLUMNS.stream().filter(column -> !present.contains(column)).toList();
    if (!missing.isEmpty()) {
      throw new InputRejectedException(Reason.MISSING_COLUMNS, null, String.join(", ", missing));
    }
  }

  /** A quote left open makes the rest of the file unreadable: that rest is one rejection at its line. */
  private static boolean hasNext(Iterator<CSVRecord> records, CSVParser parser)
      throws InputRejectedException {
    try {
      return records.hasNext();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new InputRejectedException(Reason.MALFORMED_CSV, "line " + parser.getCurrentLineNumber(),
          "unterminated quoted field or stray quote; the rest of the file was not read");
    }
  }

  private static boolean isBlankRow(CSVRecord record) {
    return record.stream().allMatch(value -> value == null || value.isBlank());
  }

  private static CountRowFields fieldsOf(CSVRecord record) {
    return new CountRowFields(record.get("period_start"), record.get("period_end"), record.get("place"),
        record.get("metric"), record.get("value"), record.get("semantics"), record.get("source"),
        record.get("source_url"));
  }
}
