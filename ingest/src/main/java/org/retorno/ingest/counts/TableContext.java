package org.retorno.ingest.counts;

import java.time.Instant;
import java.util.Optional;
import org.retorno.avro.CaseCountRow;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.InputRejectedException;

/** What every count of one table is read with, whatever the table's shape. */
record TableContext(InputFile file, IngestOptions options, Optional<ThousandsSeparator> separator,
    Instant retrievedAt, CountRowValidator validator, RowConflicts conflicts) {

  /** One count validated, and checked against the counts of the table read before it. */
  CaseCountRow row(CountRowFields fields, long line, CountRowValidator.PlaceResolver places)
      throws InputRejectedException {
    CaseCountRow row = validator.validate(fields, separator, options, file.name(), line, retrievedAt, places);
    conflicts.check(row);
    return row;
  }
}
