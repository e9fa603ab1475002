package org.retorno.ingest.counts;

import org.apache.commons.csv.CSVRecord;
import org.retorno.avro.CaseCountRow;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.ItemSink;
import org.retorno.ingest.Reason;

/** The long shape: one count a row, every column named. */
final class LongTable {
  private final TableContext table;

  LongTable(TableContext table) {
    this.table = table;
  }

  void read(int columns, CaseCountParser.TableRows rows, ItemSink sink) throws InputRejectedException {
    for (CSVRecord record = rows.next(); record != null; record = rows.next()) {
      long line = rows.lineOf(record);
      String position = "line " + line;
      if (record.size() != columns) {
        sink.reject(position, Reason.WRONG_FIELD_COUNT, record.size() + " fields, header has " + columns);
        continue;
      }
      try {
        CaseCountRow row = table.row(fieldsOf(record), line, CountRowValidator.BY_NAME);
        sink.accept(position, row.getId(), row);
      } catch (InputRejectedException e) {
        sink.reject(position, e.reason(), e.detail());
      }
    }
  }

  private static CountRowFields fieldsOf(CSVRecord record) {
    return new CountRowFields(record.get("period_start"), record.get("period_end"), record.get("place"),
        record.get("metric"), record.get("value"), record.get("semantics"), record.get("source"),
        record.get("source_url"));
  }
}
