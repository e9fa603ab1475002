package org.retorno.ingest.counts;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Place;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.ItemSink;
import org.retorno.ingest.Reason;
import org.retorno.ingest.text.IdentifierScrubber;

/**
 * The wide shape: a row per month, a column per place. Every non-blank cell is one count (a blank
 * cell states nothing: a location not yet in the programme). The metric, its meaning and the source
 * are the table's, declared once before the header; places come from the mapping file.
 */
final class WideTable {
  private final TableContext table;
  private final ColumnMapping mapping;
  private final String metric;
  private final String semantics;
  private final String source;
  private final String sourceUrl;

  WideTable(TableContext table, TableDeclarations declarations, ColumnMapping mapping) throws InputRejectedException {
    this.table = table;
    this.mapping = mapping;
    this.metric = required(declarations, "metric", "MPP_RETURN");
    this.semantics = required(declarations, "semantics", "increment");
    this.source = table.options().sourceName() != null ? table.options().sourceName()
        : required(declarations, "source", "TRAC MPP court data");
    this.sourceUrl = declarations.get("source_url").orElse(null);
  }

  private static String required(TableDeclarations declarations, String key, String example)
      throws InputRejectedException {
    return declarations.get(key).orElseThrow(() -> new InputRejectedException(Reason.MISSING_DECLARATION, null,
        key + " (a '# " + key + ": " + example + "' line before the header)"));
  }

  void read(List<String> header, CaseCountParser.TableRows rows, ItemSink sink) throws InputRejectedException {
    for (CSVRecord record = rows.next(); record != null; record = rows.next()) {
      long line = rows.lineOf(record);
      if (record.size() != header.size()) {
        sink.reject("line " + line, Reason.WRONG_FIELD_COUNT, record.size() + " fields, header has " + header.size());
        continue;
      }
      for (int column = 1; column < header.size(); column++) {
        String cell = record.get(column);
        if (cell == null || cell.isBlank()) {
          continue;
        }
        String name = header.get(column).strip();
        Optional<ColumnMapping.Target> target = mapping.target(name);
        if (target.isPresent() && target.get().place().isEmpty()) {
          continue;
        }
        // A header cell is not checked against anything before it names a rejection: scrub it.
        String position = "line " + line + ", column " + IdentifierScrubber.scrub(name);
        try {
          Place place = target.orElseThrow(() -> new InputRejectedException(Reason.UNMAPPED_COLUMN, null,
              "not in " + mapping.fileName())).place().orElseThrow();
          YearMonth month = month(record.get(0));
          CountRowFields fields = new CountRowFields(month.atDay(1).toString(), month.atEndOfMonth().toString(), name,
              metric, cell, semantics, source, sourceUrl);
          CaseCountRow row = table.row(fields, line, ignored -> place);
          sink.accept(position, row.getId(), row);
        } catch (InputRejectedException e) {
          sink.reject(position, e.reason(), e.detail());
        }
      }
    }
  }

  private static YearMonth month(String cell) throws InputRejectedException {
    try {
      return YearMonth.parse(cell == null ? "" : cell.strip());
    } catch (DateTimeParseException e) {
      throw new InputRejectedException(Reason.INVALID_DATE, null, "month (expected YYYY-MM)");
    }
  }
}
