package org.retorno.ingest.counts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.retorno.avro.Place;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.Reason;
import org.retorno.ingest.text.CharsetDetector;
import org.retorno.ingest.text.IdentifierScrubber;
import org.retorno.schemas.geo.BorderCity;
import org.retorno.schemas.geo.HearingLocation;

/**
 * The mapping file of a wide table: which Mexican city each column's counts belong to, and whether
 * that is inferred. Court data counts cases per US hearing location; the people were returned to
 * the Mexican city across the border, which the data never states, so such a mapping is always
 * inferred and says so on every place it produces.
 *
 * <pre>
 * column,city,inferred,note
 * El Paso,Ciudad Juárez,true,
 * Total,-,,            (not a place: the column is not read)
 * </pre>
 */
final class ColumnMapping {
  static final String SUFFIX = ".mapping.csv";
  private static final List<String> COLUMNS = List.of("column", "city", "inferred");
  private static final String NOT_A_PLACE = "-";
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreEmptyLines(true)
      .setIgnoreSurroundingSpaces(true).setIgnoreHeaderCase(true).setAllowMissingColumnNames(true).get();

  /** A column's place, or empty for a column that is not a place (a total). */
  record Target(Optional<Place> place) {}

  private final String fileName;
  private final Map<String, Target> byColumn;

  private ColumnMapping(String fileName, Map<String, Target> byColumn) {
    this.fileName = fileName;
    this.byColumn = byColumn;
  }

  String fileName() { return fileName; }

  /** @return the column's target; empty when the mapping does not name the column */
  Optional<Target> target(String column) {
    return Optional.ofNullable(byColumn.get(fold(column)));
  }

  /** @throws InputRejectedException {@link Reason#INVALID_MAPPING} naming the mapping's line */
  static ColumnMapping load(Path file) throws InputRejectedException {
    String name = file.getFileName().toString();
    String text;
    try {
      text = CharsetDetector.decode(Files.readAllBytes(file))
          .orElseThrow(() -> invalid(name, "binary content")).text();
    } catch (IOException e) {
      throw new InputRejectedException(Reason.MISSING_MAPPING, null, name + " (" + e.getClass().getSimpleName() + ")");
    }
    Map<String, Target> byColumn = new HashMap<>();
    try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
      List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
      List<String> missing = COLUMNS.stream().filter(column -> !header.contains(column)).toList();
      if (!missing.isEmpty()) {
        throw invalid(name, "missing columns: " + String.join(", ", missing));
      }
      for (CSVRecord record : parser) {
        String where = name + " line " + parser.getCurrentLineNumber();
        String column = value(record, "column");
        String city = value(record, "city");
        if (column.isEmpty() || city.isEmpty()) {
          throw invalid(where, "column and city are required");
        }
        Target target = city.equals(NOT_A_PLACE) ? new Target(Optional.empty())
            : new Target(Optional.of(place(where, column, city, value(record, "inferred"), value(record, "note"), name)));
        if (byColumn.putIfAbsent(fold(column), target) != null) {
          throw invalid(where, "column mapped twice");
        }
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw invalid(name, "malformed CSV");
    }
    return new ColumnMapping(name, byColumn);
  }

  private static Place place(String where, String column, String city, String inferredCell, String note,
      String mappingName) throws InputRejectedException {
    BorderCity target = BorderCity.byName(city).orElseThrow(() -> invalid(where, "unknown city"));
    boolean inferred = switch (inferredCell.toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw invalid(where, "inferred must be true or false");
    };
    if (!inferred && HearingLocation.byName(column).isPresent()) {
      throw invalid(where, "a US hearing location maps to a Mexican city only by inference (inferred=true)");
    }
    if (!inferred) {
      return target.toPlace();
    }
    // The note is free text that travels with every count of the column.
    return target.toPlace(IdentifierScrubber.scrub(note.isEmpty()
        ? "mapped from US hearing location " + column + " by " + mappingName : note));
  }

  private static String value(CSVRecord record, String column) {
    return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
  }

  private static InputRejectedException invalid(String where, String why) {
    return new InputRejectedException(Reason.INVALID_MAPPING, null, where + ": " + why);
  }

  private static String fold(String column) {
    return BorderCity.fold(column).replaceAll("\\s+", " ").strip();
  }
}
