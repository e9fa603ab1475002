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
    int[] at = rows.columnIndexes(CaseCountParser.LONG_SHAPE_COLUMNS);
    PlaceCells places = new PlaceCells(CountRowValidator.BY_NAME);
    for (CSVRecord record = rows.next(); record != null; record = rows.next()) {
      long line = rows.lineOf(record);
      String position = "line " + line;
      if (record.size() != columns) {
        sink.reject(position, Reason.WRONG_FIELD_COUNT, record.size() + " fields, header has " + columns);
        continue;
      }
      try {
        CaseCountRow row = table.row(fieldsOf(record, at), line, places);
        sink.accept(position, row.getId(), row);
      } catch (InputRejectedException e) {
        sink.reject(position, e.reason(), e.detail());
      }
    }
  }

  /** @param at each long-shape column's index, in {@link CaseCountParser#LONG_SHAPE_COLUMNS} order */
  private static CountRowFields fieldsOf(CSVRecord record, int[] at) {
    return new CountRowFields(cell(record, at, 0), cell(record, at, 1), cell(record, at, 2), cell(record, at, 3),
        cell(record, at, 4), cell(record, at, 5), cell(record, at, 6), cell(record, at, 7));
  }

  /** By index when the header has the column; by name otherwise, which fails as it always did. */
  private static String cell(CSVRecord record, int[] at, int column) {
    return at[column] >= 0 ? record.get(at[column]) : record.get(CaseCountParser.LONG_SHAPE_COLUMNS.get(column));
  }
}
