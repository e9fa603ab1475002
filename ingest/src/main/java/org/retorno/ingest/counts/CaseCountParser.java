package org.retorno.ingest.counts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.retorno.avro.SourceKind;
import org.retorno.ingest.FileBytes;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.ItemSink;
import org.retorno.ingest.Reason;
import org.retorno.ingest.SourceParser;

/**
 * Case-count tables, in two shapes told apart by their header.
 *
 * <ul>
 *   <li>Long, one count a row: {@code period_start,period_end,place,metric,value,semantics,source,source_url}.
 *   <li>Wide, as court data is published: a {@code month} column, then one column per US hearing
 *       location, with comment lines before the header declaring {@code metric}, {@code semantics}
 *       and {@code source}, and a mapping file that ties each column to a Mexican city (see
 *       {@link ColumnMapping}): {@code NAME.mapping.csv} beside {@code NAME.csv}, or the one a
 *       {@code # mapping: FILE} line names. Mapping files are read with their table, never as tables.
 * </ul>
 *
 * Comment lines starting with {@code #} may precede the header, e.g. to declare the thousands
 * separator or, in either shape, who published the table ({@code # source_kind: COURT_DATA}). Each count is checked on its own; one that fails is rejected with its line (and, in a
 * wide table, column) and the rest are read.
 */
public final class CaseCountParser implements SourceParser {
  static final char COMMENT_MARKER = '#';
  static final List<String> LONG_SHAPE_COLUMNS = List.of(
      "period_start", "period_end", "place", "metric", "value", "semantics", "source", "source_url");
  static final String MONTH_COLUMN = "month";

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

  /** Whether a file is a wide table's mapping, read with its table rather than on its own. */
  public static boolean isMappingFile(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ColumnMapping.SUFFIX);
  }

  @Override
  public void parse(InputFile file, IngestOptions options, ItemSink sink) throws InputRejectedException {
    if (!file.extension().equals("csv")) {
      throw new InputRejectedException(Reason.UNSUPPORTED_FILE_TYPE, null, "counts take .csv");
    }
    if (isMappingFile(file.path())) {
      return;
    }
    String text = FileBytes.readText(file).text();
    LineIndex lines = new LineIndex(text);
    try (CSVParser parser = open(text)) {
      TableDeclarations declarations = TableDeclarations.parse(parser.getHeaderComment());
      Optional<ThousandsSeparator> separator = separator(parser);
      List<String> header = parser.getHeaderNames();
      TableRows rows = new TableRows(parser, lines);
      TableContext table = new TableContext(file, withDeclaredKind(options, declarations), separator, clock.instant(),
          validator, new RowConflicts(lines.lines()));
      if (isWide(header)) {
        new WideTable(table, declarations, mapping(file, declarations)).read(header, rows, sink);
      } else {
        requireColumns(header);
        new LongTable(table).read(header.size(), rows, sink);
      }
    } catch (IOException e) {
      throw new InputRejectedException(Reason.MALFORMED_CSV, null, e.getClass().getSimpleName());
    }
  }

  /** A table may say who published it ({@code # source_kind: COURT_DATA}); the operator's flag wins. */
  private static IngestOptions withDeclaredKind(IngestOptions options, TableDeclarations declarations)
      throws InputRejectedException {
    Optional<String> declared = declarations.get("source_kind");
    if (options.sourceKind() != null || declared.isEmpty()) {
      return options;
    }
    try {
      SourceKind kind = SourceKind.valueOf(declared.get().strip().toUpperCase(Locale.ROOT));
      return new IngestOptions(kind, options.sourceName(), options.title(), options.language(), options.publishedDate());
    } catch (IllegalArgumentException e) {
      throw new InputRejectedException(Reason.INVALID_DECLARATION, null, "source_kind (use one of "
          + java.util.Arrays.stream(SourceKind.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }
  }

  private static boolean isWide(List<String> header) {
    return !header.isEmpty() && header.get(0).strip().equalsIgnoreCase(MONTH_COLUMN);
  }

  /** The declared mapping file (relative to the table), else the table's sibling NAME.mapping.csv. */
  private static ColumnMapping mapping(InputFile file, TableDeclarations declarations) throws InputRejectedException {
    Path directory = file.path().toAbsolutePath().getParent();
    String tableName = file.path().getFileName().toString();
    String base = tableName.replaceFirst("(?i)\\.csv(\\.gz)?$", "");
    String declared = declarations.get("mapping").orElse(null);
    Path mapping = directory.resolve(declared != null ? declared : base + ColumnMapping.SUFFIX).normalize();
    if (declared != null && (Path.of(declared).isAbsolute() || !mapping.startsWith(directory))) {
      throw new InputRejectedException(Reason.MISSING_MAPPING, null, "a declared mapping must be beside the table");
    }
    if (!Files.isRegularFile(mapping)) {
      throw new InputRejectedException(Reason.MISSING_MAPPING, null, "a wide table needs "
          + mapping.getFileName() + " beside it, or a '# mapping: FILE' line before its header");
    }
    return ColumnMapping.load(mapping);
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
      throw new InputRejectedException(Reason.MISSING_COLUMNS, null, String.join(", ", missing)
          + " (or, for a wide table, a first column named month)");
    }
  }

  /** The data rows of a table with their line numbers, blank rows skipped. */
  static final class TableRows {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final LineIndex lines;

    TableRows(CSVParser parser, LineIndex lines) {
      this.parser = parser;
      this.records = parser.iterator();
      this.lines = lines;
    }

    /** A quote left open makes the rest of the file unreadable: that rest is one rejection at its line. */
    CSVRecord next() throws InputRejectedException {
      while (true) {
        boolean more;
        try {
          more = records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw new InputRejectedException(Reason.MALFORMED_CSV, "line " + parser.getCurrentLineNumber(),
              "unterminated quoted field or stray quote; the rest of the file was not read");
        }
        if (!more) {
          return null;
        }
        CSVRecord record = records.next();
        if (!isBlank(record)) {
          return record;
        }
      }
    }

    /**
     * ",,,,,,," rows that spreadsheets leave below a table hold no data: like blank lines, not items.
     * A loop rather than a stream of the cells: every row of every table is asked.
     */
    private static boolean isBlank(CSVRecord record) {
      for (int i = 0; i < record.size(); i++) {
        String value = record.get(i);
        if (value != null && !value.isBlank()) {
          return false;
        }
      }
      return true;
    }

    /**
     * Where the named columns are, found once per table with the lookup {@link CSVRecord#get(String)}
     * makes for every cell (header case ignored); -1 for a name the header lacks.
     */
    int[] columnIndexes(List<String> names) {
      Map<String, Integer> header = parser.getHeaderMap();
      return names.stream().mapToInt(name -> header.getOrDefault(name, -1)).toArray();
    }

    long lineOf(CSVRecord record) {
      return lines.lineOfRecord(record.getCharacterPosition(), COMMENT_MARKER);
    }
  }
}
