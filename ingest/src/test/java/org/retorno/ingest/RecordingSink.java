package org.retorno.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Collects what a parser hands over, for assertions. */
public final class RecordingSink implements ItemSink {
  public record Accepted(String position, String id, SpecificRecord record) {}

  public record Refused(String position, Reason reason, String detail) {}

  public final List<Accepted> accepted = new ArrayList<>();
  public final List<Refused> refused = new ArrayList<>();

  @Override
  public void accept(String position, String id, SpecificRecord record) {
    accepted.add(new Accepted(position, id, record));
  }

  @Override
  public void reject(String position, Reason reason, String detail) {
    refused.add(new Refused(position, reason, detail));
  }

  @SuppressWarnings("unchecked")
  public <T extends SpecificRecord> List<T> records(Class<T> type) {
    return accepted.stream().map(Accepted::record).map(record -> (T) type.cast(record)).toList();
  }

  /** Runs a parser the way the ingestor does: a whole-file rejection becomes one refusal. */
  public static RecordingSink run(SourceParser parser, InputFile file, IngestOptions options) {
    RecordingSink sink = new RecordingSink();
    try {
      parser.parse(file, options, sink);
    } catch (InputRejectedException e) {
      sink.reject(e.position(), e.reason(), e.detail());
    }
    return sink;
  }
}
